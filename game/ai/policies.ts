/**
 * Named policies for scenario planning: fixed rules that play the same way on every seed (they
 * use no randomness), so Monte Carlo runs compare policies, not luck. Each returns orders and the
 * reasons for them.
 */
import type { Side } from '../content/scenario-schema';
import { staticCtx } from '../context';
import { totalCocaHa } from '../derive';
import { outlook } from '../phases/displacement';
import { eradicationCapacityHa } from '../phases/eradication';
import type { GameState } from '../types';
import { Planner, type BotResult } from './planner';

export type Policy = (state: GameState) => BotResult;

/** Regions with coca standing (incl. young plantings) that `pred` selects, largest first. */
const byCoca = (s: GameState, pred: (i: number) => boolean) =>
  s.regions
    .map((r, i) => ({ r, i, ha: totalCocaHa(r) }))
    .filter(({ ha, i }) => ha > 0 && pred(i))
    .sort((a, b) => b.ha - a.ha || a.i - b.i);

/**
 * Eradicate up to `totalHa` across the regions, each within `shareOf(i)` of its coca (the part of
 * it the policy will touch), its police's capacity and `maxShare` of that part a quarter; shares by
 * coca area, and what one region cannot take goes to the others.
 */
function eradicate(pl: Planner, totalHa: number, maxShare: number, shareOf: (i: number) => number): number {
  const s = pl.state;
  const p = s.scenario.params;
  const targets = byCoca(s, (i) => shareOf(i) > 0).map(({ r, i, ha }) => ({
    r,
    coca: ha * shareOf(i),
    room: Math.min(ha * shareOf(i) * maxShare, eradicationCapacityHa(r.police, r.corruption, p)),
    ha: 0,
  }));
  let left = totalHa;
  for (let pass = 0; pass < 4 && left > 1; pass++) {
    const open = targets.filter((t) => t.room - t.ha > 1);
    const coca = open.reduce((a, t) => a + t.coca, 0);
    if (!(coca > 0)) break;
    let given = 0;
    for (const t of open) {
      const add = Math.min((left * t.coca) / coca, t.room - t.ha);
      t.ha += add;
      given += add;
    }
    left -= given;
  }
  let done = 0;
  for (const t of targets) if (t.ha >= 1) done += pl.add({ kind: 'eradicate', region: t.r.id, amount: t.ha });
  if (done > 0) pl.say('ai.state.eradicate', { ha: Math.round(done), regions: targets.filter((t) => t.ha >= 1).length });
  return done;
}

/** The share of each department's coca in the scenario's eradication theatre (where CORAH worked). */
const theatre = (s: GameState) => {
  const sc = staticCtx(s.scenario);
  const share = new Float64Array(sc.defs.length);
  for (const t of s.scenario.policyData.eradicationTheatre) share[sc.index.get(t.region)!] = t.share;
  return (i: number) => share[i]!;
};

function stateBase(s: GameState, pl: Planner, opts: { eradicateHa: number; development: number; leadership: number }): void {
  pl.add({ kind: 'precursors', amount: 2 });
  pl.add({ kind: 'portControl', exit: 'sea-callao', amount: 2 });
  pl.add({ kind: 'portControl', exit: 'sea-paita', amount: 1 });
  eradicate(pl, opts.eradicateHa, 0.4, theatre(s));
  const lead = s.regions
    .filter((r) => r.insurgentFighters > 0)
    .sort((a, b) => b.insurgentFighters - a.insurgentFighters)
    .slice(0, 2);
  for (const r of lead) pl.add({ kind: 'leadership', region: r.id, amount: opts.leadership / lead.length });
  if (lead.length && opts.leadership > 0) pl.say('ai.state.leadership', { region: lead[0]!.id });
  const dev = byCoca(s, () => true).slice(0, 5);
  const devTotal = dev.reduce((a, d) => a + d.ha, 0);
  for (const { r, ha } of dev) pl.add({ kind: 'development', region: r.id, amount: (opts.development * ha) / devTotal });
  if (dev.length && opts.development > 0) pl.say('ai.state.development', { musd: opts.development, region: dev[0]!.r.id });
}

/** What the State actually did in 2016: eradication outside the VRAEM, no operational air interdiction. */
export const stateStatusQuo: Policy = (s) => {
  const pl = new Planner(s, 'state');
  stateBase(s, pl, { eradicateHa: 8500, development: 8, leadership: 3 });
  return pl.result();
};

/** Stand the air interdiction programme up as fast as law, radars and pilots allow. */
export const stateAirInterdiction: Policy = (s) => {
  const pl = new Planner(s, 'state');
  const n = s.national;
  if (n.interdictionLaw === 'none') {
    pl.add({ kind: 'interdictionLaw' });
    pl.say('ai.state.pushLaw', {});
  }
  pl.add({ kind: 'pilots', amount: n.pilotReadiness < 0.95 ? 6 : 2 });
  // Radars where the flights are (last quarter's departures), then where the airstrips are.
  const strips = staticCtx(s.scenario)
    .defs.map((d, i) => ({ d, i, r: s.regions[i]! }))
    .filter((x) => x.d.airstrips > 0)
    .sort((a, b) => b.r.flow.flights - a.r.flow.flights || b.d.airstrips - a.d.airstrips || a.i - b.i);
  let radars = 0;
  for (const { r } of strips) {
    const pending = r.radarPipeline.reduce((a, [, c]) => a + c, 0);
    if (r.radarCoverage + pending < 0.99 && radars < 3) {
      radars +=
        pl.add({ kind: 'radar', region: r.id, amount: Math.min(6, (1 - r.radarCoverage - pending) * s.scenario.params.radarCostMusd) }) > 0
          ? 1
          : 0;
    }
  }
  if (radars) pl.say('ai.state.radar', { regions: radars });
  const ready = n.interdictionLaw === 'passed' && n.pilotReadiness >= 0.4 && n.usSuspendedTurns === 0;
  pl.add({ kind: 'roe', value: ready ? 'shoot-down' : 'track' });
  if (ready) pl.say('ai.state.shootDown', { readiness: Math.round(n.pilotReadiness * 100) });
  stateBase(s, pl, { eradicateHa: 5000, development: 5, leadership: 2 });
  return pl.result();
};

/**
 * The 1995–2001 air bridge denial programme as it was run: shoot-down rules from the first day
 * the law and US support allow it (not waiting for readiness), crews kept in training, radars kept
 * up over the airstrips the flights use; CORAH in its theatre, development and leadership targeting
 * at the scale of the time.
 */
export const stateAirbridge: Policy = (s) => {
  const pl = new Planner(s, 'state');
  const n = s.national;
  if (n.interdictionLaw === 'none') {
    pl.add({ kind: 'interdictionLaw' });
    pl.say('ai.state.pushLaw', {});
  }
  pl.add({ kind: 'pilots', amount: n.pilotReadiness < 0.8 ? 3 : 1 });
  const strips = staticCtx(s.scenario)
    .defs.map((d, i) => ({ d, i, r: s.regions[i]! }))
    .filter((x) => x.d.airstrips > 0)
    .sort((a, b) => b.r.flow.flights - a.r.flow.flights || b.d.airstrips - a.d.airstrips || a.i - b.i);
  let radars = 0;
  for (const { r } of strips.slice(0, 4)) {
    const pending = r.radarPipeline.reduce((a, [, c]) => a + c, 0);
    if (r.radarCoverage + pending < 0.5 && radars < 1) {
      radars +=
        pl.add({ kind: 'radar', region: r.id, amount: Math.min(4, (0.5 - r.radarCoverage - pending) * s.scenario.params.radarCostMusd) }) >
        0
          ? 1
          : 0;
    }
  }
  if (radars) pl.say('ai.state.radar', { regions: radars });
  const allowed = n.interdictionLaw === 'passed' && n.usSuspendedTurns === 0;
  pl.add({ kind: 'roe', value: allowed ? 'shoot-down' : 'track' });
  if (allowed) pl.say('ai.state.shootDown', { readiness: Math.round(n.pilotReadiness * 100) });
  stateBase(s, pl, { eradicateHa: 2500, development: 6, leadership: 3 });
  return pl.result();
};

/** Eradicate as much as the budget and police allow, outside the VRAEM first. */
export const stateEradicationSurge: Policy = (s) => {
  const pl = new Planner(s, 'state');
  const sc = staticCtx(s.scenario);
  // Move police from the coast to coca regions.
  const coca = s.regions.reduce((a, r) => a + r.cocaHa, 0);
  const pool = s.budgets.state.police;
  const keep = s.regions.filter((r) => r.cocaHa === 0).length * 50;
  s.regions.forEach((r) => {
    const to = r.cocaHa > 0 ? Math.floor(((pool - keep) * r.cocaHa) / coca) : Math.min(r.police, 50);
    pl.add({ kind: 'deployPolice', region: r.id, amount: to });
  });
  pl.say('ai.state.policeToCoca', {});
  pl.add({ kind: 'precursors', amount: 1 });
  const outside = eradicate(pl, 1e6, 0.6, (i) => (sc.vraemShare[i]! < 0.5 ? 1 : 0));
  eradicate(pl, 1e6 - outside, 0.6, (i) => (sc.vraemShare[i]! >= 0.5 ? 1 : 0));
  return pl.result();
};

/** Forces and leadership targeting concentrated on the VRAEM. */
export const stateVraemOffensive: Policy = (s) => {
  const pl = new Planner(s, 'state');
  const sc = staticCtx(s.scenario);
  const army = s.budgets.state.army;
  const vraem = s.regions.map((r, i) => ({ r, i })).filter(({ i }) => sc.vraemShare[i]! >= 0.5);
  const weight = vraem.reduce((a, { i }) => a + sc.vraemShare[i]!, 0);
  const elsewhere = s.regions.filter((_r, i) => sc.vraemShare[i]! < 0.5);
  const kept = elsewhere.reduce((a, r) => a + Math.floor(r.army * 0.5), 0);
  for (const r of elsewhere) pl.add({ kind: 'deployArmy', region: r.id, amount: Math.floor(r.army * 0.5) });
  for (const { r, i } of vraem)
    pl.add({ kind: 'deployArmy', region: r.id, amount: Math.floor(((army - kept) * sc.vraemShare[i]!) / weight) });
  pl.say('ai.state.armyToVraem', {});
  for (const { r } of vraem)
    if (r.insurgentFighters > 0 || s.national.leaders.some((l) => l.status === 'active' && l.region === r.id))
      pl.add({ kind: 'leadership', region: r.id, amount: 4 });
  stateBase(s, pl, { eradicateHa: 5000, development: 6, leadership: 0 });
  return pl.result();
};

/** Alternative development and governance first; eradication only where development has arrived. */
export const stateDevelopmentFirst: Policy = (s) => {
  const pl = new Planner(s, 'state');
  const targets = byCoca(s, () => true).slice(0, 8);
  const total = targets.reduce((a, t) => a + t.ha, 0);
  for (const { r, ha } of targets) pl.add({ kind: 'development', region: r.id, amount: (30 * ha) / total });
  pl.say('ai.state.development', { musd: 30, region: targets[0]?.r.id ?? '' });
  const sc = staticCtx(s.scenario);
  eradicate(pl, 2500, 0.3, (i) => (s.regions[i]!.developmentStockMusd > 10 && sc.vraemShare[i]! < 0.5 ? 1 : 0));
  pl.add({ kind: 'precursors', amount: 2 });
  return pl.result();
};

/** The clans as they behaved: routes by the baseline shares, protection paid, some mining. */
export const clansStatusQuo: Policy = (s) => {
  const pl = new Planner(s, 'clans');
  const sc = staticCtx(s.scenario);
  pl.add({ kind: 'finishShare', value: 0.3 });
  s.regions.forEach((r, i) => {
    if (r.insurgentFighters > 0 && r.cocaHa > 0) {
      const potentialT = (r.cocaHa * sc.defs[i]!.yieldTPerHaYear) / 4 / sc.leafKgPerKg[i]!;
      const due =
        (potentialT * 1000 * r.originValueUsdPerKg * (s.national.insurgentTaxPct / 100) * Math.min(1, r.insurgentFighters / 40)) / 1e6;
      if (pl.add({ kind: 'protection', region: r.id, amount: due }) > 0)
        pl.say('ai.clans.protection', { region: r.id, musd: Math.round(due * 10) / 10 });
    }
  });
  for (const id of ['PE-MDD', 'PE-PUN']) pl.add({ kind: 'mining', region: id, amount: 1 });
  // New ground: finance planting where it is most attractive (the engine's own measure).
  const frontier = s.regions
    .map((r, i) => ({ r, a: outlook(r, sc, i).attractiveness, i }))
    .filter((x) => x.a > 0)
    .sort((a, b) => b.a - a.a || a.i - b.i)
    .slice(0, 3);
  const w = frontier.reduce((a, x) => a + x.a, 0);
  for (const { r, a } of frontier) {
    const ha = Math.floor((CLAN_NEW_GROUND_HA * a) / w);
    if (pl.add({ kind: 'plant', region: r.id, amount: ha }) > 0) pl.say('ai.clans.plant', { region: r.id, ha });
  }
  return pl.result();
};

/** Hectares of new ground the status-quo clans finance a quarter (modelling assumption, see docs/model.md §7). */
const CLAN_NEW_GROUND_HA = 400;

/** The insurgents as they behaved: ambush patrols near their base, tax the trade, keep the front alive. */
export const insurgentsStatusQuo: Policy = (s) => {
  const pl = new Planner(s, 'insurgents');
  pl.add({ kind: 'taxRate', value: 3 });
  pl.add({ kind: 'posture', value: 'balanced' });
  for (const r of s.regions) {
    if (r.insurgentFighters >= 10 && r.army + r.police > 0) {
      const n = Math.floor(r.insurgentFighters * 0.3);
      if (pl.add({ kind: 'ambush', region: r.id, amount: n }) > 0) pl.say('ai.insurgents.ambush', { region: r.id, fighters: n });
    }
  }
  pl.add({ kind: 'propaganda', amount: Math.min(0.3, pl.money * 0.2) });
  const base = s.regions.filter((r) => r.insurgentFighters > 0).sort((a, b) => b.insurgentFighters - a.insurgentFighters)[0];
  if (base) pl.add({ kind: 'recruit', region: base.id, amount: pl.money * 0.5 });
  return pl.result();
};

export const POLICIES: Record<Side, Record<string, Policy>> = {
  state: {
    'status-quo': stateStatusQuo,
    'air-interdiction': stateAirInterdiction,
    'eradication-surge': stateEradicationSurge,
    'vraem-offensive': stateVraemOffensive,
    'development-first': stateDevelopmentFirst,
    airbridge: stateAirbridge,
  },
  clans: { 'status-quo': clansStatusQuo },
  insurgents: { 'status-quo': insurgentsStatusQuo },
};
