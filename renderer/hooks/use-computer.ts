/**
 * The computer sides and the advisor, off the UI thread. When a turn starts (a new game state),
 * the hard computer sides start deciding in the worker at once, while the teams plan and the board
 * animates the last turn; the reducer receives their orders (`ai/decided`) and resolves the turn
 * when every side is in. The rule-based levels are quick and decide at resolution, as before.
 * A team's "What would the computer do?" (`advice/ask`) is answered the same way. Progress (plans
 * weighed so far) is kept here, not in the app state: it is for the indicator only. While the board
 * plays a turn's animation the worker thinks at a tenth of a core (`boardPlaying`; see ai-worker.ts), so
 * the animation keeps its frame rate on a two-core machine.
 */
import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import { SIDES, bot, type GameState } from '../app-state/engine';
import type { Action } from '../app-state/reducer';
import type { AppState } from '../app-state/types';
import { AiClient } from '../ai/ai-client';

/** Progress of each request under way, 0–1, by `decide:<side>` or `advise:<side>`. */
export type AiProgress = Record<string, number>;

export function useComputer(
  state: AppState,
  dispatch: Dispatch<Action>,
): { progress: AiProgress; boardPlaying: (playing: boolean) => void } {
  const client = useRef<AiClient | null>(null);
  const askedFor = useRef<GameState | null>(null);
  const advised = useRef(new Set<string>());
  const adviceGame = useRef<GameState | null>(null);
  const [progress, setProgress] = useState<AiProgress>({});
  const session = state.session;
  const game = session?.game ?? null;
  const live = Boolean(session && state.phase.kind !== 'replay' && game?.status === 'playing');

  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [],
  );

  const getClient = (): AiClient => (client.current ??= new AiClient());
  // getClient reads only the ref, so the first render's is as good as any: one callback for the board.
  const boardPlaying = useCallback((playing: boolean) => getClient().pace(playing), []);
  const report = (key: string, v: number | null) =>
    setProgress((p) => {
      const next = { ...p };
      if (v === null) delete next[key];
      else next[key] = v;
      return next;
    });

  // The hard computer sides of this turn.
  const seats = session?.setup.seats;
  const aiFor = session?.aiFor;
  useEffect(() => {
    if (!live || !game || !seats || aiFor === game || askedFor.current === game) return;
    // A different game state: whatever was asked for another one is no longer wanted.
    if (askedFor.current) getClient().cancelAll();
    askedFor.current = game;
    setProgress({});
    const sides = SIDES.filter((side) => seats[side].kind === 'computer' && seats[side].difficulty === 'hard');
    if (sides.length === 0) return;
    dispatch({ type: 'ai/start', game, sides });
    for (const side of sides) {
      const key = `decide:${side}`;
      report(key, 0);
      getClient()
        .ask({ purpose: 'decide', side, difficulty: seats[side].difficulty, state: game }, (spent, budget) =>
          report(key, budget > 0 ? spent / budget : 0),
        )
        .then((r) => dispatch({ type: 'ai/decided', game, side, orders: r.orders }))
        .catch(() => dispatch({ type: 'ai/failed', game, side }))
        .finally(() => report(key, null));
    }
  }, [live, game, seats, aiFor, dispatch]);

  // The advisor: a team asked.
  const advice = session?.advice;
  useEffect(() => {
    if (!live || !game || !advice) return;
    if (adviceGame.current !== game) {
      adviceGame.current = game;
      advised.current.clear();
    }
    for (const side of SIDES) {
      const a = advice[side];
      if (!a || a.status !== 'thinking' || a.game !== game || advised.current.has(side)) continue;
      advised.current.add(side);
      const key = `advise:${side}`;
      report(key, 0);
      getClient()
        .ask({ purpose: 'advise', side, difficulty: 'hard', state: game }, (spent, budget) => report(key, budget > 0 ? spent / budget : 0))
        .then((r) => dispatch({ type: 'advice/ready', game, side, orders: r.orders.orders, decision: r.decision }))
        .catch((err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          if (message === 'cancelled') return;
          // Without a worker the advice is worked out on this thread (the page pauses meanwhile).
          try {
            const r = bot(game, side, 'hard');
            dispatch({ type: 'advice/ready', game, side, orders: r.orders.orders, decision: r.decision });
          } catch (e) {
            dispatch({ type: 'advice/failed', game, side, error: e instanceof Error ? e.message : message });
          }
        })
        .finally(() => report(key, null));
    }
  }, [live, game, advice, dispatch]);

  return { progress, boardPlaying };
}
