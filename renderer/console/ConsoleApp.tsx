/**
 * The facilitator's console (the white cell): a page of its own (`#console`), in a second window on
 * the desktop or a second tab on the web, never on the public screen. It shows what only the
 * facilitator may see (every figure, the MSEL, the teams' committed plans, the branches) and sends
 * commands to the main window, which owns the game and checks each one again.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { I18nProvider, useI18n, type Lang } from '../i18n';
import {
  MAX_FACILITATOR_NOTE_CHARS,
  OVERRIDE_TARGETS,
  REGION_IDS,
  SIDES,
  regionName,
  type GameState,
  type Side,
} from '../app-state/engine';
import { describeEvent, describeOrder } from '../../report/describe';
import { DIFFICULTIES, type Seat } from '../app-state/types';
import type { Platform } from '../platform/types';
import { clockLeft, CLOCK_WARN_MS } from './fac-types';
import { parseMessage, type ConsoleCommand, type ConsoleSnapshot } from './protocol';
import { currentValue } from './fac-reducer';
import { InjectsTab } from './InjectsTab';
import { BranchesTab } from './BranchesTab';
import { formatClock } from './ClockBadge';
import './console.css';

type TabId = 'injects' | 'rulings' | 'plans' | 'clock' | 'branches' | 'notes';
const TABS: readonly TabId[] = ['injects', 'rulings', 'plans', 'clock', 'branches', 'notes'];

export type Send = (c: ConsoleCommand) => void;

function newConsoleId(): string {
  const a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return `c${a[0]!.toString(36)}${a[1]!.toString(36)}`;
}

/** The page: connects to the main window, then shows the console (or asks for the passphrase). */
export function ConsoleRoot(props: { platform: Platform }): ReactNode {
  const channel = useMemo(() => props.platform.consoleChannel(), [props.platform]);
  const consoleId = useMemo(newConsoleId, []);
  const [snap, setSnap] = useState<ConsoleSnapshot | null>(null);
  const [locked, setLocked] = useState<{ wrong: boolean } | null>(null);
  const [lang, setLangLocal] = useState<Lang>(document.documentElement.lang === 'es' ? 'es' : 'en');

  useEffect(() => {
    const off = channel.subscribe((raw) => {
      const m = parseMessage(raw);
      if (!m) return;
      if (m.type === 'snapshot' && m.to.includes(consoleId)) {
        setSnap(m.snapshot);
        setLocked(null);
        setLangLocal(m.snapshot.lang);
      } else if (m.type === 'locked' && m.to === consoleId) setLocked({ wrong: m.wrong });
    });
    channel.post({ type: 'hello', consoleId });
    return off;
  }, [channel, consoleId]);

  const send = useCallback<Send>((command) => channel.post({ type: 'command', consoleId, command }), [channel, consoleId]);
  const setLang = useCallback(
    (l: Lang) => {
      setLangLocal(l);
      send({ type: 'lang', lang: l });
    },
    [send],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <I18nProvider lang={lang} setLang={setLang}>
      {locked ? (
        <Unlock wrong={locked.wrong} onUnlock={(passphrase) => channel.post({ type: 'unlock', consoleId, passphrase })} />
      ) : snap ? (
        <Console snap={snap} send={send} />
      ) : (
        <Waiting />
      )}
    </I18nProvider>
  );
}

function Waiting(): ReactNode {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('console.title');
  }, [t]);
  return (
    <main className="console console-waiting">
      <h1>{t('console.title')}</h1>
      <p role="status">{t('console.waiting')}</p>
    </main>
  );
}

function Unlock(props: { wrong: boolean; onUnlock: (p: string) => void }): ReactNode {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  return (
    <main className="console console-waiting">
      <h1>{t('console.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onUnlock(value);
        }}
        className="console-unlock"
      >
        <label>
          {t('console.lock.label')}
          <input type="password" value={value} autoFocus onChange={(e) => setValue(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('console.lock.unlock')}
        </button>
        {props.wrong ? (
          <p role="alert" className="console-error">
            {t('console.lock.wrong')}
          </p>
        ) : null}
      </form>
    </main>
  );
}

function Console(props: { snap: ConsoleSnapshot; send: Send }): ReactNode {
  const { snap, send } = props;
  const { t, lang, setLang } = useI18n();
  const [tab, setTab] = useState<TabId>('injects');
  const game = snap.game;
  useEffect(() => {
    document.title = t('console.title');
  }, [t]);
  const branch = snap.branches.find((b) => b.id === snap.branchId);
  const tabRefs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});
  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    const d = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : d ? (i + d + TABS.length) % TABS.length : null;
    if (to === null) return;
    e.preventDefault();
    const next = TABS[to]!;
    setTab(next);
    tabRefs.current[next]?.focus();
  };
  return (
    <main className="console">
      <header className="console-head">
        <h1>{t('console.title')}</h1>
        <p className="console-where">
          {game
            ? t('console.where', {
                turn:
                  snap.phase.kind === 'planning' || snap.phase.kind === 'curtain' || snap.phase.kind === 'held' ? game.turn + 1 : game.turn,
                total: game.turnsTotal,
                phase: `@console.phase.${snap.phase.kind}`,
                branch: branch?.name ?? '?',
              })
            : t('console.noGame')}
        </p>
        <div className="console-lang" role="group" aria-label={t('app.menu.language')}>
          {(['en', 'es'] as const).map((l) => (
            <button
              key={l}
              type="button"
              className={`btn btn-small${lang === l ? ' on' : ''}`}
              aria-pressed={lang === l}
              onClick={() => setLang(l)}
            >
              {l.toUpperCase()}
            </button>
          ))}
        </div>
      </header>
      {snap.clock.expired ? <Expiry snap={snap} send={send} /> : null}
      {snap.flash ? (
        <div className="console-onscreen" role="status">
          <span>
            {t('console.onScreen', {
              what:
                snap.flash.kind === 'inject'
                  ? snap.flash.title[lang]
                  : t('console.onScreenRuling', { target: `@app.overrideTarget.${snap.flash.target}` }),
            })}
          </span>
          <button type="button" className="btn btn-small" onClick={() => send({ type: 'dismissFlash' })}>
            {t('console.takeOff')}
          </button>
        </div>
      ) : null}
      {!game ? (
        <p>{t('console.noGame')}</p>
      ) : (
        <div className="console-body">
          <nav className="console-tabs" role="tablist" aria-orientation="vertical" aria-label={t('console.sections')}>
            {TABS.map((id, i) => (
              <button
                key={id}
                id={`tab-${id}`}
                type="button"
                role="tab"
                aria-selected={tab === id}
                aria-controls={`panel-${id}`}
                tabIndex={tab === id ? 0 : -1}
                ref={(el) => {
                  tabRefs.current[id] = el;
                }}
                onKeyDown={(e) => onTabKey(e, i)}
                onClick={() => setTab(id)}
              >
                {t(`console.tab.${id}`)}
                {id === 'injects' && pendingCount(snap) > 0 ? <span className="badge">{pendingCount(snap)}</span> : null}
              </button>
            ))}
            <ClockMini snap={snap} />
          </nav>
          <section className="console-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'injects' ? <InjectsTab snap={snap} game={game} send={send} /> : null}
            {tab === 'rulings' ? <RulingsTab snap={snap} game={game} send={send} /> : null}
            {tab === 'plans' ? <PlansTab snap={snap} send={send} /> : null}
            {tab === 'clock' ? <ClockTab snap={snap} send={send} /> : null}
            {tab === 'branches' ? <BranchesTab snap={snap} game={game} send={send} /> : null}
            {tab === 'notes' ? <NotesTab snap={snap} send={send} /> : null}
          </section>
        </div>
      )}
    </main>
  );
}

const pendingCount = (s: ConsoleSnapshot): number =>
  s.pending.injects.length + s.pending.msel.length + s.pending.overrides.length + s.pending.schedule.length + s.pending.notes.length;

/** The clock in the console's margin, ticking. */
function ClockMini(props: { snap: ConsoleSnapshot }): ReactNode {
  const { t } = useI18n();
  const now = useNow(props.snap.clock.runningSince !== null);
  const c = props.snap.clock;
  if (c.limitMs === 0 && !c.expired) return null;
  const left = clockLeft(c, now);
  return (
    <p className={`console-clock-mini${left <= CLOCK_WARN_MS ? ' warn' : ''}`}>{t('console.clock.left', { time: formatClock(left) })}</p>
  );
}

export function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return undefined;
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, [running]);
  return now;
}

function Expiry(props: { snap: ConsoleSnapshot; send: Send }): ReactNode {
  const { t } = useI18n();
  const p = props.snap.phase;
  const side = p.kind === 'planning' || p.kind === 'curtain' ? p.side : null;
  return (
    <div className="console-expiry" role="alertdialog" aria-labelledby="expiry-title">
      <h2 id="expiry-title">{t('console.expiry.title')}</h2>
      <p>{side ? t('console.expiry.text', { side: `@app.side.${side}` }) : t('console.expiry.noTeam')}</p>
      <div className="row">
        <button type="button" className="btn" onClick={() => props.send({ type: 'expiry', choice: 'wait' })}>
          {t('console.expiry.wait')}
        </button>
        <button type="button" className="btn" disabled={!side} onClick={() => props.send({ type: 'expiry', choice: 'commit' })}>
          {t('console.expiry.commit')}
        </button>
        <button type="button" className="btn" disabled={!side} onClick={() => props.send({ type: 'expiry', choice: 'computer' })}>
          {t('console.expiry.computer')}
        </button>
      </div>
    </div>
  );
}

function RulingsTab(props: { snap: ConsoleSnapshot; game: GameState; send: Send }): ReactNode {
  const { t, fmt } = useI18n();
  const { game, send, snap } = props;
  const [target, setTarget] = useState<(typeof OVERRIDE_TARGETS)[number]>('national.usSupport');
  const [region, setRegion] = useState(REGION_IDS[0]!);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const regional = target.startsWith('region.');
  const now = currentValue(game, { target, region });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const v = Number(value.replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(v)) return setError(t('console.ruling.errorValue'));
    if (reason.trim().length < 3) return setError(t('console.ruling.errorReason'));
    setError(null);
    send({ type: 'override', override: { target, ...(regional ? { region } : {}), value: v, reason: reason.trim() } });
    setValue('');
    setReason('');
  };
  return (
    <div className="stack">
      <h2>{t('console.ruling.title')}</h2>
      <p className="hint">{t('console.ruling.intro')}</p>
      <form className="console-form" onSubmit={submit} noValidate>
        <label>
          {t('console.ruling.target')}
          <select value={target} onChange={(e) => setTarget(e.target.value as typeof target)}>
            {OVERRIDE_TARGETS.map((x) => (
              <option key={x} value={x}>
                {t(`app.overrideTarget.${x}`)}
                {x.startsWith('region.') ? ` (${t('console.ruling.regional')})` : ''}
              </option>
            ))}
          </select>
        </label>
        {regional ? (
          <label>
            {t('console.region')}
            <select value={region} onChange={(e) => setRegion(e.target.value)}>
              {REGION_IDS.map((r) => (
                <option key={r} value={r}>
                  {regionName(r)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <p className="console-now">{t('console.ruling.now', { value: now === null ? '—' : fmt(now, { maximumFractionDigits: 3 }) })}</p>
        <label>
          {t('console.ruling.value')}
          <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <label className="wide">
          {t('console.ruling.reason')}
          <textarea value={reason} rows={3} maxLength={2000} onChange={(e) => setReason(e.target.value)} aria-required="true" />
        </label>
        {error ? (
          <p role="alert" className="console-error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary">
          {t('console.ruling.submit')}
        </button>
      </form>
      <PendingList snap={snap} send={send} only="overrides" />
    </div>
  );
}

/** What is queued for the next resolution, each with a way to take it back. */
export function PendingList(props: { snap: ConsoleSnapshot; send: Send; only?: 'overrides' }): ReactNode {
  const { t, lang, fmt } = useI18n();
  const { snap, send } = props;
  const p = snap.pending;
  const lib = snap.game?.scenario.injectLibrary ?? [];
  const rows: { key: string; text: string; part: keyof typeof p; index: number }[] = [];
  if (!props.only) {
    p.injects.forEach((inj, index) => {
      const title = 'custom' in inj ? inj.custom.title[lang] : (lib.find((d) => d.id === inj.id)?.title[lang] ?? inj.id);
      rows.push({
        key: `i${index}`,
        part: 'injects',
        index,
        text: t('console.pending.inject', { title, region: inj.region ? regionName(inj.region) : '@app.national' }),
      });
    });
    p.msel.forEach((m, index) =>
      rows.push({
        key: `m${index}`,
        part: 'msel',
        index,
        text: t('console.pending.msel', { entry: m.entry, action: `@events.mselAction.${m.action}` }),
      }),
    );
    p.schedule.forEach((e, index) =>
      rows.push({ key: `s${index}`, part: 'schedule', index, text: t('console.pending.schedule', { entry: e.id }) }),
    );
  }
  p.overrides.forEach((o, index) =>
    rows.push({
      key: `o${index}`,
      part: 'overrides',
      index,
      text: t(o.region ? 'console.pending.override' : 'console.pending.overrideNational', {
        target: `@app.overrideTarget.${o.target}`,
        region: o.region ? regionName(o.region) : '',
        value: fmt(o.value, { maximumFractionDigits: 3 }),
        reason: o.reason,
      }),
    }),
  );
  if (!props.only)
    p.notes.forEach((n, index) => rows.push({ key: `n${index}`, part: 'notes', index, text: t('console.pending.note', { text: n.text }) }));
  return (
    <section aria-labelledby="pending-h">
      {/* Whatever the phase, what is queued goes in with the next quarter resolved. */}
      <h3 id="pending-h">{snap.game ? t('console.pending.titleTurn', { turn: snap.game.turn + 1 }) : t('console.pending.title')}</h3>
      {rows.length === 0 ? (
        <p className="hint">{t('console.pending.none')}</p>
      ) : (
        <ul className="console-list">
          {rows.map((r) => (
            <li key={r.key}>
              <span>{r.text}</span>
              <button type="button" className="btn btn-small" onClick={() => send({ type: 'withdraw', part: r.part, index: r.index })}>
                {t('console.pending.withdraw')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PlansTab(props: { snap: ConsoleSnapshot; send: Send }): ReactNode {
  const { t } = useI18n();
  const { snap, send } = props;
  const [notes, setNotes] = useState<Partial<Record<Side, string>>>({});
  const review = snap.phase.kind === 'review';
  return (
    <div className="stack">
      <h2>{t('console.plans.title')}</h2>
      <p className="hint">{t('console.plans.intro')}</p>
      <label className="console-check">
        <input type="checkbox" checked={snap.holdTurn} onChange={(e) => send({ type: 'holdTurn', on: e.target.checked })} />
        <span>{t('console.plans.hold')}</span>
      </label>
      <p className="hint">{t('console.plans.holdHint')}</p>
      {snap.phase.kind === 'held' ? (
        <div className="console-held" role="status">
          <p>{t('console.plans.heldBanner')}</p>
          <button type="button" className="btn btn-primary" onClick={() => send({ type: 'release' })}>
            {t('console.plans.release')}
          </button>
        </div>
      ) : null}
      <div className="plans-grid">
        {SIDES.map((side) => {
          const seat = snap.seats?.[side];
          const committed = snap.committed[side];
          const status =
            seat?.kind === 'computer' ? 'computer' : committed ? 'committed' : snap.queue.includes(side) ? 'planning' : 'waiting';
          return (
            <section key={side} className={`console-card side-${side}`} aria-label={t(`app.side.${side}`)}>
              <h3>
                {t(`app.side.${side}`)} <span className="tag">{t(`console.plans.status.${status}`)}</span>
              </h3>
              {committed ? (
                <>
                  <ul className="console-orders">
                    {committed.orders.length === 0 ? (
                      <li>{t('console.plans.noOrders')}</li>
                    ) : (
                      committed.orders.map((o, i) => <li key={i}>{describeOrder(t, o)}</li>)
                    )}
                  </ul>
                  {committed.note ? (
                    <p className="console-rationale">
                      <strong>{t('console.plans.rationale')}</strong> {committed.note}
                    </p>
                  ) : null}
                  <label>
                    {t('console.plans.sendBackNote')}
                    <input value={notes[side] ?? ''} onChange={(e) => setNotes({ ...notes, [side]: e.target.value })} />
                  </label>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      send({ type: 'sendBack', side, note: notes[side] ?? '' });
                      setNotes({ ...notes, [side]: '' });
                    }}
                  >
                    {t('console.plans.sendBack')}
                  </button>
                </>
              ) : null}
              {seat ? <SeatPicker side={side} seat={seat} enabled={review} send={send} /> : null}
            </section>
          );
        })}
      </div>
      {!review ? <p className="hint">{t('console.plans.seatHint')}</p> : null}
    </div>
  );
}

function SeatPicker(props: { side: Side; seat: Seat; enabled: boolean; send: Send }): ReactNode {
  const { t } = useI18n();
  const { side, seat, enabled, send } = props;
  const value = seat.kind === 'human' ? 'human' : `computer-${seat.difficulty}`;
  return (
    <label>
      {t('console.plans.seat')}
      <select
        value={value}
        disabled={!enabled}
        onChange={(e) => {
          const v = e.target.value;
          const next: Seat =
            v === 'human'
              ? { kind: 'human', difficulty: seat.difficulty }
              : { kind: 'computer', difficulty: v.replace('computer-', '') as Seat['difficulty'] };
          send({ type: 'seat', side, seat: next });
        }}
      >
        <option value="human">{t('console.plans.human')}</option>
        {DIFFICULTIES.map((d) => (
          <option key={d} value={`computer-${d}`}>
            {t('console.plans.computer', { level: `@console.plans.level.${d}` })}
          </option>
        ))}
      </select>
    </label>
  );
}

function ClockTab(props: { snap: ConsoleSnapshot; send: Send }): ReactNode {
  const { t } = useI18n();
  const { snap, send } = props;
  const c = snap.clock;
  const now = useNow(c.runningSince !== null);
  const left = clockLeft(c, now);
  const [minutes, setMinutes] = useState('10');
  const [seconds, setSeconds] = useState('0');
  const set = (e: React.FormEvent) => {
    e.preventDefault();
    const total = (Number(minutes) || 0) * 60 + (Number(seconds) || 0);
    send({ type: 'clock', op: 'set', seconds: Math.max(0, Math.min(4 * 3600, total)) });
  };
  return (
    <div className="stack">
      <h2>{t('console.clock.title')}</h2>
      <p className="hint">{t('console.clock.intro')}</p>
      <p className={`console-clock${left <= CLOCK_WARN_MS && c.limitMs > 0 ? ' warn' : ''}`} aria-live="off">
        {formatClock(left)}
      </p>
      <p>
        {c.expired
          ? t('console.clock.expired')
          : c.runningSince !== null
            ? t('console.clock.running')
            : c.limitMs > 0
              ? t('console.clock.paused')
              : t('console.clock.unset')}
      </p>
      <form className="console-form row" onSubmit={set}>
        <label>
          {t('console.clock.minutes')}
          <input inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} size={4} />
        </label>
        <label>
          {t('console.clock.seconds')}
          <input inputMode="numeric" value={seconds} onChange={(e) => setSeconds(e.target.value)} size={4} />
        </label>
        <button type="submit" className="btn">
          {t('console.clock.set')}
        </button>
      </form>
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={c.runningSince !== null || left <= 0}
          onClick={() => send({ type: 'clock', op: 'start' })}
        >
          {t('console.clock.start')}
        </button>
        <button type="button" className="btn" disabled={c.runningSince === null} onClick={() => send({ type: 'clock', op: 'pause' })}>
          {t('console.clock.pause')}
        </button>
        <button type="button" className="btn" onClick={() => send({ type: 'clock', op: 'extend', seconds: 60 })}>
          {t('console.clock.extend', { minutes: 1 })}
        </button>
        <button type="button" className="btn" onClick={() => send({ type: 'clock', op: 'extend', seconds: 300 })}>
          {t('console.clock.extend', { minutes: 5 })}
        </button>
      </div>
      <p className="hint">{t('console.clock.warnings', { minutes: CLOCK_WARN_MS / 60_000 })}</p>
    </div>
  );
}

function NotesTab(props: { snap: ConsoleSnapshot; send: Send }): ReactNode {
  const { t } = useI18n();
  const { snap, send } = props;
  const [text, setText] = useState('');
  const facEvents = snap.events.filter(
    (e) => e.type === 'injectApplied' || e.type === 'overrideApplied' || e.type === 'mselChanged' || e.type === 'facilitatorNoted',
  );
  return (
    <div className="stack">
      <h2>{t('console.notes.title')}</h2>
      <p className="hint">{t('console.notes.intro')}</p>
      <form
        className="console-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) {
            send({ type: 'note', text });
            setText('');
          }
        }}
      >
        <label className="wide">
          {t('console.notes.label')}
          <textarea rows={3} value={text} maxLength={MAX_FACILITATOR_NOTE_CHARS} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!text.trim()}>
          {t('console.notes.add')}
        </button>
      </form>
      <PendingList snap={snap} send={send} />
      <section aria-labelledby="timeline-h">
        <h3 id="timeline-h">{t('console.notes.timeline')}</h3>
        {facEvents.length === 0 ? (
          <p className="hint">{t('console.notes.noneYet')}</p>
        ) : (
          <ol className="console-list timeline">
            {facEvents.map((e, i) => (
              <li key={i}>
                <span className="turn">{t('console.quarter', { turn: e.turn })}</span> {describeEvent(t, e)}
              </li>
            ))}
          </ol>
        )}
        {snap.rewinds.length ? (
          <>
            <h3>{t('console.branches.rewinds')}</h3>
            <ul className="console-list">
              {snap.rewinds.map((r, i) => (
                <li key={i}>
                  {t('console.branches.rewindLine', {
                    from: snap.branches.find((b) => b.id === r.from)?.name ?? r.from,
                    fromTurn: r.fromTurn,
                    toTurn: r.toTurn,
                    branch: snap.branches.find((b) => b.id === r.branch)?.name ?? r.branch,
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
