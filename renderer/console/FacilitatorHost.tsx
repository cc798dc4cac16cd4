/**
 * The main window's side of the console: it answers consoles (after the passphrase, if one was set),
 * sends them the facilitator's view after every change, turns their commands into actions (checked
 * again here and by the engine), runs the planning clock, and shows on the public screen only what
 * the teams may see: the clock, a news flash when an inject fires, a ruling's before → after, and
 * to the team planning, a note if the facilitator sent its plan back.
 */
import { useEffect, useMemo, useRef, type Dispatch, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { regionName } from '../app-state/engine';
import type { Action } from '../app-state/reducer';
import type { AppState } from '../app-state/types';
import type { Platform } from '../platform/types';
import { facOf, syncedBranches } from './fac-reducer';
import { clockLeft, emptyPending } from './fac-types';
import { parseMessage, type ConsoleSnapshot } from './protocol';
import { ClockBadge } from './ClockBadge';

function snapshotOf(s: AppState): ConsoleSnapshot {
  const session = s.session;
  const fac = session ? facOf(session) : null;
  return {
    lang: s.settings.lang,
    game: session?.game ?? null,
    phase: s.phase,
    seats: session?.setup.seats ?? null,
    queue: session?.queue ?? [],
    committed: session?.committed ?? {},
    pending: fac?.pending ?? emptyPending(),
    clock: fac?.clock ?? { limitMs: 0, remainingMs: 0, runningSince: null, expired: false },
    flash: fac?.flash ?? null,
    branches: session ? syncedBranches(session) : [],
    branchId: fac?.branchId ?? '',
    rewinds: fac?.rewinds ?? [],
    sentBack: fac?.sentBack ?? {},
    holdTurn: fac?.holdTurn ?? false,
    events: session?.events ?? [],
  };
}

export function FacilitatorHost(props: { state: AppState; dispatch: Dispatch<Action>; platform: Platform }): ReactNode {
  const { state, dispatch, platform } = props;
  const { t } = useI18n();
  const channel = useMemo(() => platform.consoleChannel(), [platform]);
  const unlocked = useRef(new Set<string>());
  const stateRef = useRef(state);
  stateRef.current = state;
  const session = state.session;
  const fac = session ? facOf(session) : null;
  const passphrase = fac?.passphrase ?? null;
  const passRef = useRef(passphrase);
  passRef.current = passphrase;

  // A new game with a passphrase locks every console again.
  const gameId = session?.gameId ?? null;
  useEffect(() => {
    unlocked.current.clear();
  }, [gameId]);

  useEffect(
    () =>
      channel.subscribe((raw) => {
        const m = parseMessage(raw);
        if (!m) return;
        const open = (id: string) => passRef.current === null || unlocked.current.has(id);
        switch (m.type) {
          case 'hello':
            if (!open(m.consoleId)) {
              channel.post({ type: 'locked', to: m.consoleId, wrong: false });
              return;
            }
            unlocked.current.add(m.consoleId);
            channel.post({ type: 'snapshot', to: [m.consoleId], snapshot: snapshotOf(stateRef.current) });
            return;
          case 'unlock':
            if (passRef.current !== null && m.passphrase !== passRef.current) {
              channel.post({ type: 'locked', to: m.consoleId, wrong: true });
              return;
            }
            unlocked.current.add(m.consoleId);
            channel.post({ type: 'snapshot', to: [m.consoleId], snapshot: snapshotOf(stateRef.current) });
            return;
          case 'command':
            if (!open(m.consoleId)) {
              channel.post({ type: 'locked', to: m.consoleId, wrong: false });
              return;
            }
            dispatch({ type: 'fac/command', command: m.command, now: Date.now() });
            return;
          default:
        }
      }),
    [channel, dispatch],
  );

  // Every change the facilitator may need to see goes to the open consoles.
  useEffect(() => {
    if (unlocked.current.size === 0) return;
    channel.post({ type: 'snapshot', to: [...unlocked.current], snapshot: snapshotOf(state) });
  }, [channel, state.session, state.phase, state.settings.lang]);

  // The clock: when it runs out, the facilitator is asked what happens.
  const clock = fac?.clock;
  useEffect(() => {
    if (!clock || clock.runningSince === null) return undefined;
    const id = window.setTimeout(() => dispatch({ type: 'fac/clockExpired', now: Date.now() }), clockLeft(clock, Date.now()) + 50);
    return () => window.clearTimeout(id);
  }, [clock, dispatch]);

  if (!session || !fac || state.phase.kind === 'replay') return null;
  const planning = state.phase.kind === 'planning' ? state.phase.side : null;
  const sentBack = planning ? fac.sentBack[planning] : undefined;
  return (
    <>
      {fac.flash ? (
        <FlashBanner
          flash={fac.flash}
          onDismiss={() => dispatch({ type: 'fac/command', command: { type: 'dismissFlash' }, now: Date.now() })}
        />
      ) : null}
      {planning && sentBack !== undefined ? (
        <div className="fac-sentback" role="status">
          {sentBack ? t('console.public.sentBackNote', { note: sentBack }) : t('console.public.sentBack')}
        </div>
      ) : null}
    </>
  );
}

const capitalise = (s: string, lang: string): string => s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);

/** The planning clock, in the public screen's title bar (where the teams look for the time). */
export function PublicClock(props: { state: AppState }): ReactNode {
  const session = props.state.session;
  if (!session || props.state.phase.kind === 'replay') return null;
  return <ClockBadge clock={facOf(session).clock} />;
}

function FlashBanner(props: { flash: NonNullable<ReturnType<typeof facOf>['flash']>; onDismiss: () => void }): ReactNode {
  const { t, lang, fmt } = useI18n();
  const f = props.flash;
  return (
    <div className={`fac-flash fac-flash-${f.kind}`} role="alert" aria-labelledby={`flash-${f.id}`}>
      {f.kind === 'inject' ? (
        <>
          <p className="fac-flash-kicker">
            {t('console.public.newsFlash')}
            {f.region ? ` · ${regionName(f.region)}` : ''}
          </p>
          <h2 id={`flash-${f.id}`}>{f.title[lang]}</h2>
          <p>{f.brief[lang]}</p>
        </>
      ) : (
        <>
          <p className="fac-flash-kicker">{t('console.public.ruling')}</p>
          <h2 id={`flash-${f.id}`}>
            {capitalise(
              t(f.region ? 'console.public.rulingLine' : 'console.public.rulingLineNational', {
                target: `@app.overrideTarget.${f.target}`,
                region: f.region ? regionName(f.region) : '',
                from: fmt(f.from, { maximumFractionDigits: 2 }),
                to: fmt(f.to, { maximumFractionDigits: 2 }),
              }),
              lang,
            )}
          </h2>
          <p>{t('console.public.rulingReason', { reason: f.reason })}</p>
          <p className="fac-flash-note">{t('console.public.rulingWhen')}</p>
        </>
      )}
      <button type="button" className="btn" onClick={props.onDismiss}>
        {t('console.public.dismiss')}
      </button>
    </div>
  );
}
