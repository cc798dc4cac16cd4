/**
 * Keys that act on the whole app: undo and redo of planning edits (outside text fields, which have
 * their own), the replay viewer's keys (←/→ step, Home/End, Space, unless a control or the map has
 * the key), and the replay's auto-play timer.
 */
import { useEffect, type Dispatch, type MutableRefObject } from 'react';
import type { Action } from '../app-state/reducer';
import { replayKey, type ReplaySession } from '../app-state/replay';
import type { AppState } from '../app-state/types';

export function useShortcuts(dispatch: Dispatch<Action>, stateRef: MutableRefObject<AppState>, replay: ReplaySession | null): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || stateRef.current.phase.kind !== 'planning') return;
      const el = e.target as HTMLElement | null;
      if (
        el &&
        (el.tagName === 'TEXTAREA' ||
          (el.tagName === 'INPUT' &&
            (el as HTMLInputElement).type !== 'range' &&
            (el as HTMLInputElement).type !== 'checkbox' &&
            (el as HTMLInputElement).type !== 'radio'))
      )
        return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        dispatch({ type: 'plan/undo' });
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        dispatch({ type: 'plan/redo' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch, stateRef]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = stateRef.current;
      if (s.phase.kind !== 'replay' || s.dialog || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, select, textarea, [role="menu"], [role="menubar"], [role="tablist"], .board-frame, dialog')) return;
      // Space on a button presses the button.
      if (e.key === ' ' && el?.closest('button')) return;
      const k = replayKey(e.key);
      if (!k) return;
      e.preventDefault();
      if (k.type === 'step') dispatch({ type: 'replay/step', by: k.by });
      else dispatch({ type: k.type === 'toggle' ? 'replay/toggle' : k.type === 'first' ? 'replay/first' : 'replay/last' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch, stateRef]);

  // Auto-play: the next turn after the chosen delay, until the last turn.
  useEffect(() => {
    if (!replay?.playing) return;
    const timer = window.setTimeout(() => dispatch({ type: 'replay/tick' }), replay.speedMs);
    return () => window.clearTimeout(timer);
  }, [replay?.playing, replay?.turn, replay?.speedMs, dispatch]);
}
