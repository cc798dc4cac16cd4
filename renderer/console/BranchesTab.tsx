/**
 * Rewind and branches: go back to an earlier quarter (logged) and play on as a new branch, the
 * branch tree, and two branches side by side — the key figures per quarter and where and why they
 * diverged (orders, injects, rulings, schedule, notes), computed by replaying each branch's log.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import {
  SIDES,
  canonicalJson,
  regionName,
  type FacilitatorNote,
  type GameState,
  type InjectDef,
  type InjectInput,
  type LogEntry,
  type MselAction,
  type MselEntry,
  type Order,
  type Override,
  type TurnRecord,
} from '../app-state/engine';
import { describeEvent, describeOrder } from '../../report/describe';
import { replayBranch, turnDifferences, type InputDiff, type TurnDifference } from './branch-diff';
import { DiffMap } from './DiffMap';
import type { ConsoleSnapshot } from './protocol';
import type { Branch } from './fac-types';
import type { Send } from './ConsoleApp';

/** The figures compared per quarter, with how many decimals to show. */
const FIGURES: readonly { key: keyof TurnRecord; digits: number }[] = [
  { key: 'cocaHa', digits: 0 },
  { key: 'exportedT', digits: 1 },
  { key: 'narcoFlights', digits: 0 },
  { key: 'insurgentFighters', digits: 0 },
  { key: 'usSupport', digits: 0 },
  { key: 'legitimacy', digits: 2 },
];

export interface Divergence {
  /** The first quarter whose inputs differ (null: the branches agree on every quarter both played). */
  turn: number | null;
  /** What differs that quarter: a side's orders, injects, rulings … (catalogue keys under console.diff). */
  parts: string[];
}

/** Where two branches' logs first differ, and in what. */
export function divergence(a: readonly LogEntry[], b: readonly LogEntry[]): Divergence {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!.input;
    const y = b[i]!.input;
    const parts: string[] = [];
    for (const side of SIDES) {
      const ox = x.orders.find((o) => o.side === side);
      const oy = y.orders.find((o) => o.side === side);
      if (canonicalJson(ox?.orders ?? []) !== canonicalJson(oy?.orders ?? [])) parts.push(`orders.${side}`);
    }
    for (const k of ['injects', 'msel', 'overrides', 'schedule', 'notes'] as const) {
      if (canonicalJson(x[k] ?? []) !== canonicalJson(y[k] ?? [])) parts.push(k);
    }
    if (parts.length) return { turn: i + 1, parts };
    if (a[i]!.hash !== b[i]!.hash) return { turn: i + 1, parts: ['dice'] };
  }
  return { turn: null, parts: [] };
}

function depth(b: Branch, all: readonly Branch[]): number {
  let d = 0;
  let p = b.parent;
  while (p && d < all.length) {
    d += 1;
    p = all.find((x) => x.id === p)?.parent ?? null;
  }
  return d;
}

/** Children after their parent, in the order they were made. */
function treeOrder(all: readonly Branch[]): Branch[] {
  const out: Branch[] = [];
  const visit = (parent: string | null) => {
    for (const b of all.filter((x) => x.parent === parent)) {
      out.push(b);
      visit(b.id);
    }
  };
  visit(null);
  return out;
}

export function BranchesTab(props: { snap: ConsoleSnapshot; game: GameState; send: Send }): ReactNode {
  const { t } = useI18n();
  const { snap, game, send } = props;
  const [turn, setTurn] = useState(String(Math.max(0, game.turn - 2)));
  const [confirming, setConfirming] = useState(false);
  const others = snap.branches.filter((b) => b.id !== snap.branchId);
  const [a, setA] = useState(snap.branchId);
  const [b, setB] = useState(others[others.length - 1]?.id ?? snap.branchId);
  const tree = treeOrder(snap.branches);
  return (
    <div className="stack">
      <h2>{t('console.branches.title')}</h2>
      <section className="console-card" aria-labelledby="rewind-h">
        <h3 id="rewind-h">{t('console.branches.rewindTitle')}</h3>
        <p className="hint">{t('console.branches.rewindIntro')}</p>
        <form
          className="console-form row"
          onSubmit={(e) => {
            e.preventDefault();
            setConfirming(true);
          }}
        >
          <label>
            {t('console.branches.toTurn')}
            <select
              value={turn}
              onChange={(e) => {
                setTurn(e.target.value);
                setConfirming(false);
              }}
              disabled={game.turn === 0}
            >
              {Array.from({ length: game.turn }, (_, i) => i).map((i) => (
                <option key={i} value={i}>
                  {i === 0 ? t('console.branches.start') : t('console.quarter', { turn: i })}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn" disabled={game.turn === 0}>
            {t('console.branches.rewind')}
          </button>
        </form>
        {confirming ? (
          <div className="console-confirm" role="alertdialog" aria-labelledby="rewind-confirm">
            <p id="rewind-confirm">
              {t(Number(turn) === 0 ? 'console.branches.confirmStart' : 'console.branches.confirm', {
                turn: Number(turn),
                current: game.turn,
              })}
            </p>
            <button
              type="button"
              className="btn btn-primary"
              autoFocus
              onClick={() => {
                setConfirming(false);
                send({ type: 'rewind', turn: Number(turn) });
              }}
            >
              {t('console.branches.confirmYes')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('app.action.cancel')}
            </button>
          </div>
        ) : null}
      </section>
      <section className="console-card" aria-labelledby="tree-h">
        <h3 id="tree-h">{t('console.branches.tree')}</h3>
        <ul className="console-tree">
          {tree.map((br) => (
            <li
              key={br.id}
              style={{ marginInlineStart: `${depth(br, snap.branches) * 1.5}rem` }}
              aria-current={br.id === snap.branchId ? 'true' : undefined}
            >
              <strong>{t('console.branches.name', { name: br.name })}</strong>{' '}
              {br.parent
                ? t('console.branches.forked', { parent: snap.branches.find((x) => x.id === br.parent)?.name ?? '?', turn: br.forkTurn })
                : t('console.branches.root')}
              {' · '}
              {t('console.branches.played', { turns: br.id === snap.branchId ? game.turn : br.log.entries.length })}
              {br.id === snap.branchId ? (
                <span className="tag">{t('console.branches.current')}</span>
              ) : (
                <button type="button" className="btn btn-small" onClick={() => send({ type: 'switchBranch', id: br.id })}>
                  {t('console.branches.switch', { name: br.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      {snap.branches.length > 1 ? (
        <section className="console-card" aria-labelledby="compare-h">
          <h3 id="compare-h">{t('console.branches.compare')}</h3>
          <div className="row">
            <label>
              {t('console.branches.left')}
              <select value={a} onChange={(e) => setA(e.target.value)}>
                {snap.branches.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('console.branches.right')}
              <select value={b} onChange={(e) => setB(e.target.value)}>
                {snap.branches.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <Compare snap={snap} a={a} b={b} />
        </section>
      ) : null}
    </div>
  );
}

function Compare(props: { snap: ConsoleSnapshot; a: string; b: string }): ReactNode {
  const { t, fmt } = useI18n();
  const { snap } = props;
  const ba = snap.branches.find((x) => x.id === props.a);
  const bb = snap.branches.find((x) => x.id === props.b);
  const ra = useMemo(() => (ba ? replayBranch(ba.log) : null), [ba]);
  const rb = useMemo(() => (bb ? replayBranch(bb.log) : null), [bb]);
  const diffs = useMemo(() => (ra && rb ? turnDifferences(ra, rb) : []), [ra, rb]);
  if (!ba || !bb || !ra || !rb) return <p className="console-error">{t('console.branches.cannotCompare')}</p>;
  const ha = ra.states[ra.states.length - 1]!.history;
  const hb = rb.states[rb.states.length - 1]!.history;
  const div = divergence(ba.log.entries, bb.log.entries);
  const turns = Math.max(ha.length, hb.length);
  const cell = (h: TurnRecord[], i: number, key: keyof TurnRecord, digits: number) => {
    const v = h[i]?.[key];
    return typeof v === 'number' ? fmt(v, { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—';
  };
  return (
    <>
      <p className="console-divergence" role="status">
        {div.turn === null
          ? t('console.branches.same')
          : t('console.branches.diverged', { turn: div.turn, why: div.parts.map((p) => t(`console.diff.${p}`)).join('; ') })}
      </p>
      {/* Scrolls sideways on a small screen: focusable, so the keyboard can scroll it too. */}
      <div
        className="console-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('console.branches.tableCaption', { a: ba.name, b: bb.name })}
      >
        <table className="console-table compare">
          <caption className="sr-only">{t('console.branches.tableCaption', { a: ba.name, b: bb.name })}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('console.branches.quarter')}
              </th>
              {FIGURES.map((f) => (
                <th key={f.key} scope="colgroup" colSpan={2}>
                  {t(`console.metric.${f.key}`)}
                </th>
              ))}
            </tr>
            <tr>
              {FIGURES.map((f) => [
                <th key={`${f.key}a`} scope="col">
                  {ba.name}
                </th>,
                <th key={`${f.key}b`} scope="col">
                  {bb.name}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: turns }, (_, i) => (
              <tr key={i} className={div.turn !== null && i + 1 >= div.turn ? 'diverged' : ''}>
                <th scope="row">{i + 1}</th>
                {FIGURES.map((f) => {
                  const x = cell(ha, i, f.key, f.digits);
                  const y = cell(hb, i, f.key, f.digits);
                  return [
                    <td key={`${f.key}a`}>{x}</td>,
                    <td key={`${f.key}b`} className={x !== y ? 'differs' : ''}>
                      {y}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DiffMap a={ra} b={rb} nameA={ba.name} nameB={bb.name} firstTurn={div.turn} />
      <WhyTheyDiffer diffs={diffs} nameA={ba.name} nameB={bb.name} lib={snap.game?.scenario.injectLibrary ?? []} />
    </>
  );
}

/** At most this many items of one kind are listed per branch and quarter; the rest are counted. */
const MAX_ITEMS = 5;

/** Quarter by quarter, what one branch had and the other did not: the causes, then the dice. */
function WhyTheyDiffer(props: { diffs: readonly TurnDifference[]; nameA: string; nameB: string; lib: readonly InjectDef[] }): ReactNode {
  const { t, lang, fmt } = useI18n();
  const { diffs, nameA, nameB } = props;
  const injectTitle = (inj: InjectInput) =>
    'custom' in inj ? inj.custom.title[lang] : (props.lib.find((d) => d.id === inj.id)?.title[lang] ?? inj.id);
  const item = (d: InputDiff, x: unknown): string => {
    switch (d.part) {
      case 'orders':
        return describeOrder(t, x as Order);
      case 'injects': {
        const inj = x as InjectInput;
        return t('console.why.inject', { title: injectTitle(inj), region: inj.region ? regionName(inj.region) : '@app.national' });
      }
      case 'msel': {
        const m = x as MselAction;
        return t('console.pending.msel', { entry: m.entry, action: `@events.mselAction.${m.action}` });
      }
      case 'schedule':
        return t('console.pending.schedule', { entry: (x as MselEntry).id });
      case 'overrides': {
        const o = x as Override;
        return t(o.region ? 'console.pending.override' : 'console.pending.overrideNational', {
          target: `@app.overrideTarget.${o.target}`,
          region: o.region ? regionName(o.region) : '',
          value: fmt(o.value, { maximumFractionDigits: 3 }),
          reason: o.reason,
        });
      }
      case 'notes':
        return t('console.pending.note', { text: (x as FacilitatorNote).text });
    }
  };
  const list = (items: readonly string[]) =>
    items.length > MAX_ITEMS ? [...items.slice(0, MAX_ITEMS), t('console.why.more', { count: items.length - MAX_ITEMS })] : items;
  const side = (name: string, items: readonly string[]) =>
    items.length ? (
      <li>
        <strong>{t('console.why.onlyIn', { name })}</strong> {list(items).join(' · ')}
      </li>
    ) : null;
  const partName = (d: InputDiff) => t(d.part === 'orders' ? `console.diff.orders.${d.side}` : `console.diff.${d.part}`);
  return (
    <section className="console-card" aria-labelledby="why-h">
      <h3 id="why-h">{t('console.why.title')}</h3>
      {diffs.length === 0 ? (
        <p className="hint">{t('console.branches.same')}</p>
      ) : (
        <ol className="console-list why-list">
          {diffs.map((d) => (
            <li key={d.turn}>
              <strong className="turn">{t('console.quarter', { turn: d.turn })}</strong>
              <ul>
                {d.inputs.map((x, i) => (
                  <li key={i}>
                    {t('console.why.differ', { what: partName(x) })}
                    <ul>
                      {side(
                        nameA,
                        x.onlyA.map((y) => item(x, y)),
                      )}
                      {side(
                        nameB,
                        x.onlyB.map((y) => item(x, y)),
                      )}
                    </ul>
                  </li>
                ))}
                {d.firedOnlyA.length || d.firedOnlyB.length ? (
                  <li>
                    {t('console.why.fired')}
                    <ul>
                      {side(
                        nameA,
                        d.firedOnlyA.map((e) => describeEvent(t, e)),
                      )}
                      {side(
                        nameB,
                        d.firedOnlyB.map((e) => describeEvent(t, e)),
                      )}
                    </ul>
                  </li>
                ) : null}
                {d.diceDiffer ? <li>{t('console.why.dice')}</li> : null}
                {d.inputs.length === 0 && !d.diceDiffer && d.firedOnlyA.length === 0 && d.firedOnlyB.length === 0 && d.outcomeDiffers ? (
                  <li>{t('console.why.position')}</li>
                ) : null}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
