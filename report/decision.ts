/**
 * A computer side's decision in words, in the reader's language: who decided, the plan and what
 * the search expected of it, what in the side's view drove it, what each kind of order does, and
 * the best alternatives it weighed with what it expected of them. Every figure in these sentences
 * is one of the decision's own numbers (`Decision` in game/types.ts), or the difference of two of
 * them; nothing is recomputed here. The wording changes with the situation: a clear or a narrow
 * choice, the standard rules kept, a plan weighed alone; drivers and reasons carry their own keys.
 * Shared by the turn report, the AAR and decisions.csv.
 */
import { LEVERS, MEASURES, POLICIES, regionName, type Author, type Decision, type Expected, type PlanSpec, type Side } from '../game';
import type { TFunction } from '../i18n/catalogue';
import { localiseValues } from './values';

/** Two figures are the same when they round alike to a tenth. */
const tenth = (x: number) => Math.round(x * 10) / 10;

/** A signed difference as words: "+2,200", "−0.3", "±0". */
export function signed(t: TFunction, d: number): string {
  const x = tenth(d);
  return t('ai.explain.delta', { sign: x > 0 ? '+' : x < 0 ? '−' : '±', n: Math.abs(x) });
}

/** The keys a plan's name may use, from the levers' own values (for the i18n coverage test). */
export function planKeys(): string[] {
  const keys = new Set<string>(['ai.plan.with']);
  for (const side of ['state', 'clans', 'insurgents'] as const) {
    for (const l of LEVERS[side]) for (const v of l.values) keys.add(leverKey(l.id, v));
  }
  for (const b of ['normal', 'easy', 'status-quo', 'air-interdiction', 'eradication-surge', 'vraem-offensive', 'development-first'])
    keys.add(`ai.plan.base.${b}`);
  return [...keys];
}

const leverKey = (id: string, v: string | number) =>
  typeof v === 'string' ? `ai.plan.lever.${id}.${v}` : v === 0 ? `ai.plan.lever.${id}.none` : `ai.plan.lever.${id}.amount`;

/** A plan's name: "Air interdiction, seeking closer US cooperation, eradication × 1.5". */
export function planName(t: TFunction, plan: PlanSpec): string {
  const baseKey = `ai.plan.base.${plan.base}`;
  const base = t(baseKey) === baseKey ? plan.base : t(baseKey);
  const levers = Object.entries(plan.levers).map(([id, v]) => t(leverKey(id, v), { value: v }));
  return levers.length ? t('ai.plan.with', { base, levers: levers.join(', ') }) : base;
}

/**
 * An alternative's name beside the plan chosen: when both have the same base, only what differs
 * ("the same plan without police moved to the coca"), else its full name.
 */
export function altName(t: TFunction, chosen: PlanSpec, alt: PlanSpec): string {
  if (alt.base !== chosen.base) return planName(t, alt);
  const changes: string[] = [];
  for (const [id, v] of Object.entries(alt.levers)) {
    // "no port controls" already says what it is in Spanish ("sin controles…"), without a "con".
    if (chosen.levers[id] !== v)
      changes.push(t(v === 0 ? 'advisor.explain.withNone' : 'advisor.explain.with', { lever: t(leverKey(id, v), { value: v }) }));
  }
  for (const [id, v] of Object.entries(chosen.levers)) {
    if (!(id in alt.levers))
      changes.push(t(v === 0 ? 'advisor.explain.withoutNone' : 'advisor.explain.without', { lever: t(leverKey(id, v), { value: v }) }));
  }
  return changes.length ? t('advisor.explain.variant', { changes: changes.join(t('ai.explain.listSep')) }) : planName(t, alt);
}

/** One measure as words, with its change from now where the side knew the value now. */
function measure(t: TFunction, key: string, value: number, now: number | undefined): string {
  const m = t(`ai.measure.${key}`, { value: tenth(value) });
  return now === undefined ? m : t('ai.explain.withChange', { measure: m, change: signed(t, value - now) });
}

/** The measures of an expectation, in the side's order. */
function measures(t: TFunction, side: Side, e: Expected, now: Record<string, number> | undefined, only?: readonly string[]): string {
  return MEASURES[side]
    .filter((k) => k in e.measures && (!only || only.includes(k)))
    .map((k) => measure(t, k, e.measures[k]!, now?.[k]))
    .join(t('ai.explain.listSep'));
}

/** The measures where an alternative differs most from the choice (relative to the choice's level), at most `n`. */
function differences(side: Side, chosen: Expected, alt: Expected, n: number): string[] {
  return MEASURES[side]
    .filter((k) => k in chosen.measures && k in alt.measures)
    .map((k) => ({ k, d: Math.abs(alt.measures[k]! - chosen.measures[k]!) / Math.max(1, Math.abs(chosen.measures[k]!)) }))
    .filter((x) => x.d > 0.001)
    .sort((a, b) => b.d - a.d)
    .slice(0, n)
    .map((x) => x.k);
}

const reason = (t: TFunction, r: { key: string; values: Record<string, string | number> }): string =>
  t(r.key, localiseValues(r.values, regionName));

export interface DecisionLines {
  /** The plan and what the search expected of it (null for the rule-based levels: they do not look ahead). */
  headline: string;
  /** What the plan was expected to do to the side's measures. */
  expects: string | null;
  /** What in the side's view drove it. */
  drivers: string[];
  /** What each kind of order given does. */
  reasons: string[];
  /** The best alternatives weighed, each with what was expected of it. */
  alternatives: string[];
  /** How much the search weighed. */
  search: string | null;
}

/** A decision in words. */
export function decisionLines(t: TFunction, side: Side, d: Decision): DecisionLines {
  const plan = planName(t, d.plan);
  const drivers = d.drivers.map((r) => reason(t, r));
  const reasons = d.reasons.map((r) => reason(t, r));
  const e = d.expected;
  if (!e) {
    return {
      headline: t(d.search ? 'ai.explain.headline.unweighed' : 'ai.explain.headline.rules', { plan }),
      expects: null,
      drivers,
      reasons,
      alternatives: [],
      search: null,
    };
  }
  const turns = d.search?.horizon ?? 1;
  const alts = d.alternatives ?? [];
  const next = alts[0];
  let headline: string;
  if (!next) headline = t('ai.explain.headline.only', { plan, score: e.score, turns });
  else if (d.plan.base === 'normal' && Object.keys(d.plan.levers).length === 0) {
    headline = t('ai.explain.headline.standard', { plan, score: e.score, turns, candidates: d.search?.candidates ?? alts.length + 1 });
  } else {
    const margin = tenth(e.score - next.expected.score);
    headline = t(margin >= 1 ? 'ai.explain.headline.clear' : 'ai.explain.headline.narrow', {
      plan,
      score: e.score,
      turns,
      margin,
      alt: altName(t, d.plan, next.plan),
      altScore: next.expected.score,
    });
  }
  const expectsList = measures(t, side, e, d.now);
  const alternatives = alts.map((a) => {
    const diff = differences(side, e, a.expected, 2);
    const list = diff.length ? measures(t, side, a.expected, undefined, diff) : '';
    return t(list ? 'ai.explain.alternative' : 'ai.explain.alternativeSame', {
      plan: altName(t, d.plan, a.plan),
      score: a.expected.score,
      measures: list,
    });
  });
  const search = d.search
    ? t('ai.explain.search', { candidates: d.search.candidates, samples: d.search.samples, evaluations: d.search.evaluations })
    : null;
  return {
    headline,
    expects: expectsList ? t('ai.explain.expects', { turns, measures: expectsList }) : null,
    drivers,
    reasons,
    alternatives,
    search,
  };
}

/** Who decided, in words: "Computer (hard)", "Policy: status quo", "Players, applying the computer's advice as given". */
export function authorName(t: TFunction, side: Side, a: Author): string {
  switch (a.kind) {
    case 'bot':
      return t('report.seat.bot', { level: `@app.difficulty.${a.difficulty}` });
    case 'policy':
      return t('report.seat.policy', {
        policy: Object.prototype.hasOwnProperty.call(POLICIES[side], a.policy) ? `@report.policy.${a.policy}` : a.policy,
      });
    case 'human':
      if (!a.advice) return t('report.seat.human');
      return a.advice.applied === 'seen'
        ? t('advisor.seat.seen', { level: `@app.difficulty.${a.advice.difficulty}` })
        : t(`report.seat.advised.${a.advice.applied}`, { level: `@app.difficulty.${a.advice.difficulty}` });
  }
}

/** The decision an author's words are about: a computer's own, or the advice people saw or applied. */
export const decisionOf = (a: Author): Decision | null => (a.kind === 'human' ? (a.advice?.decision ?? null) : a.decision);

/** Every line of a decision, in reading order (decisions.csv's `reasons` column, the command line). */
export function decisionText(t: TFunction, side: Side, d: Decision): string[] {
  const l = decisionLines(t, side, d);
  return [
    l.headline,
    ...(l.expects ? [l.expects] : []),
    ...l.drivers.map((x) => t('ai.explain.because', { reason: x })),
    ...l.reasons,
    ...l.alternatives.map((x) => t('ai.explain.weighed', { alternative: x })),
  ];
}
