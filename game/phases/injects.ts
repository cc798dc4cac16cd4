/**
 * Phase 1: the master scenario events list (MSEL) and the facilitator's injects, then adjudication
 * overrides. Injects are data (the scenario's `injectLibrary`, or one the facilitator writes): each
 * effect is a typed change to the state — a figure adjusted, a modifier later phases read for a few
 * turns, US support suspended, a leader lost … (docs/model.md §4.1).
 */
import { ADJUST_TARGETS, type Effect, type InjectDef, type MselEntry } from '../content/inject-schema';
import { clamp, type Ctx } from '../context';
import { emptyFlow } from '../create';
import type { GameState, InjectInput, MselLineState, Override, RegionState } from '../types';
import { PERCENT } from '../units';

/** The scenario's inject with this id (validation guarantees the MSEL's and the engine's exist). */
export function libraryInject(ctx: Ctx, id: string): InjectDef | undefined {
  return ctx.scenario.injectLibrary.find((d) => d.id === id);
}

/** A leader lost (killed or captured): insurgent cohesion falls, to no less than its floor. */
export function loseLeader(s: GameState, ctx: Ctx, leader: GameState['national']['leaders'][number], fate: 'killed' | 'captured'): void {
  const p = ctx.params;
  const n = s.national;
  leader.status = fate;
  n.insurgentCohesion = clamp(n.insurgentCohesion - p.leaderLossCohesion, p.leaderLossCohesionFloor, 1);
  ctx.events.push({
    turn: ctx.turn,
    type: fate === 'killed' ? 'leaderKilled' : 'leaderCaptured',
    region: leader.region,
    leader: leader.id,
    name: leader.name,
    successor: leader.successorOf !== null,
  });
}

function adjust(s: GameState, e: Extract<Effect, { kind: 'adjust' }>, region: RegionState | null): void {
  const [lo, hi] = ADJUST_TARGETS[e.target];
  const change = (x: number): number => {
    const v =
      e.op === 'set'
        ? e.value
        : e.op === 'add'
          ? x + e.value
          : e.op === 'mul'
            ? x * e.value
            : e.op === 'min'
              ? Math.min(x, e.value)
              : Math.max(x, e.value);
    return clamp(v, e.floor !== undefined ? Math.max(lo, e.floor) : lo, hi);
  };
  const [scope, field] = e.target.split('.') as ['national' | 'region', string];
  if (scope === 'national') {
    const n = s.national as unknown as Record<string, number>;
    n[field] = change(n[field]!);
    return;
  }
  const targets = e.where === 'every-region' ? s.regions : region ? [region] : [];
  for (const r of targets) (r as unknown as Record<string, number>)[field] = change((r as unknown as Record<string, number>)[field]!);
}

/**
 * Apply an inject's effects where it strikes (`regionId`, or nowhere in particular). Used for the
 * facilitator's and the MSEL's injects, and by the engine itself for its consequences (a mistaken
 * shootdown in trafficking applies the scenario's `mistaken-shootdown`).
 */
export function applyEffects(s: GameState, ctx: Ctx, def: InjectDef, regionId: string | null): void {
  const n = s.national;
  const i = regionId !== null ? ctx.index.get(regionId) : undefined;
  const region = i !== undefined ? s.regions[i]! : null;
  const usFrom = n.usSupport;
  let usTouched = false;
  let shootdown = false;
  for (const e of def.effects) {
    switch (e.kind) {
      case 'modifier':
        n.modifiers.push({
          inject: def.id,
          hook: e.hook,
          op: e.op,
          value: e.value,
          turnsLeft: e.turns === 0 ? null : e.turns,
          region: e.where === 'region' ? regionId : null,
          destination: e.destination ?? null,
          exit: e.exit ?? null,
        });
        break;
      case 'adjust':
        adjust(s, e, region);
        if (e.target === 'national.usSupport') usTouched = true;
        if (e.target === 'region.radarCoverage' && region)
          ctx.events.push({ turn: ctx.turn, type: 'radarOnline', region: region.id, coverage: region.radarCoverage });
        break;
      case 'usSuspension':
        n.usSuspendedTurns = e.turns;
        usTouched = true;
        break;
      case 'usResumption':
        n.usSuspendedTurns = 0;
        usTouched = true;
        break;
      case 'rulesOfEngagement':
        n.roe = e.value;
        break;
      case 'interdictionLaw':
        if (n.interdictionLaw !== 'passed') {
          n.interdictionLaw = 'passed';
          n.lawTurnsLeft = 0;
          ctx.events.push({ turn: ctx.turn, type: 'interdictionLawPassed' });
        }
        break;
      case 'foreignClient':
        if (!n.foreignClients.includes(e.client)) n.foreignClients.push(e.client);
        break;
      case 'leaderLost': {
        const leader =
          n.leaders.find((l) => l.status === 'active' && (regionId === null || l.region === regionId)) ??
          n.leaders.find((l) => l.status === 'active');
        if (leader) loseLeader(s, ctx, leader, e.fate);
        break;
      }
      case 'installationAttack': {
        if (!region) break;
        const killed = e.min + Math.floor(ctx.rng.float() * (e.max - e.min + 1));
        region.flow.securityKilled += killed;
        region.flow.violenceEvents += 1;
        n.totals.securityKilled += killed;
        ctx.events.push({
          turn: ctx.turn,
          type: 'installationAttacked',
          region: region.id,
          securityKilled: killed,
          insurgentsKilled: 0,
          civiliansKilled: 0,
        });
        break;
      }
      case 'civilianAircraftShotDown':
        shootdown = true;
        n.totals.mistakenShootdowns += 1;
        ctx.scratch.mistakenShootdowns += 1;
        ctx.events.push({ turn: ctx.turn, type: 'civilianAircraftShotDown', region: regionId ?? ctx.defs[0]!.id });
        break;
      case 'clanBossArrested':
        if (region) ctx.events.push({ turn: ctx.turn, type: 'clanBossArrested', region: region.id });
        break;
    }
  }
  if (usTouched)
    ctx.events.push({ turn: ctx.turn, type: 'usSupportChanged', from: usFrom, to: n.usSupport, cause: shootdown ? 'shootdown' : 'inject' });
}

function fire(s: GameState, ctx: Ctx, inj: InjectInput, entry: string | null, reason: 'scheduled' | 'trigger' | 'facilitator'): void {
  const def = 'custom' in inj ? inj.custom : libraryInject(ctx, inj.id);
  if (!def) return;
  const regionId = inj.region ?? def.defaultRegion;
  ctx.events.push({
    turn: ctx.turn,
    type: 'injectApplied',
    inject: def.id,
    title: def.title,
    region: inj.region ?? null,
    entry,
    reason,
    custom: 'custom' in inj,
  });
  applyEffects(s, ctx, def, regionId);
}

/** A line's definition: the scenario's, or the one the facilitator scheduled. */
function lineDef(ctx: Ctx, line: MselLineState): MselEntry | undefined {
  return line.entry ?? ctx.scenario.msel.find((m) => m.id === line.id);
}

/** Does the MSEL line fire this turn? On its turn (or later, once released), or when its trigger first holds. */
function due(s: GameState, ctx: Ctx, line: MselLineState): 'scheduled' | 'trigger' | null {
  const def = lineDef(ctx, line);
  if (!def || line.status !== 'pending') return null;
  const w = def.when;
  if ('turn' in w) return ctx.turn >= w.turn ? 'scheduled' : null;
  if (w.after !== undefined && ctx.turn < w.after) return null;
  const last = s.history[s.history.length - 1];
  if (!last) return null;
  const v = last[w.metric];
  return (w.above !== undefined && v > w.above) || (w.below !== undefined && v < w.below) ? 'trigger' : null;
}

/** Bounds of what an override may set: counts (labs, fighters) and cash. */
const OVERRIDE_MAX_COUNT = 10_000;
const OVERRIDE_MAX_MUSD = 1e5;

function applyOverride(s: GameState, ctx: Ctx, o: Override): void {
  const i = o.region !== undefined ? ctx.index.get(o.region) : undefined;
  const r = i !== undefined ? s.regions[i] : undefined;
  const n = s.national;
  let from = 0;
  let to = 0;
  const set = (get: () => number, put: (v: number) => void, lo: number, hi: number) => {
    from = get();
    put(clamp(o.value, lo, hi));
    to = get();
  };
  switch (o.target) {
    case 'region.cocaHa':
      set(
        () => r!.cocaHa,
        (v) => (r!.cocaHa = v),
        0,
        ctx.defs[i!]!.maxCocaHa,
      );
      break;
    case 'region.labs':
      set(
        () => r!.labs,
        (v) => (r!.labs = Math.round(v)),
        0,
        OVERRIDE_MAX_COUNT,
      );
      break;
    case 'region.insurgentFighters':
      set(
        () => r!.insurgentFighters,
        (v) => (r!.insurgentFighters = Math.round(v)),
        0,
        OVERRIDE_MAX_COUNT,
      );
      break;
    case 'region.legitimacy':
      set(
        () => r!.legitimacy,
        (v) => (r!.legitimacy = v),
        0,
        1,
      );
      break;
    case 'region.statePresence':
      set(
        () => r!.statePresence,
        (v) => (r!.statePresence = v),
        0,
        1,
      );
      break;
    case 'region.corruption':
      set(
        () => r!.corruption,
        (v) => (r!.corruption = v),
        0,
        1,
      );
      break;
    case 'national.usSupport':
      set(
        () => n.usSupport,
        (v) => (n.usSupport = v),
        0,
        PERCENT,
      );
      break;
    case 'national.pilotReadiness':
      set(
        () => n.pilotReadiness,
        (v) => (n.pilotReadiness = v),
        0,
        1,
      );
      break;
    case 'national.insurgentFront':
      set(
        () => n.insurgentFront,
        (v) => (n.insurgentFront = v),
        0,
        1,
      );
      break;
    case 'national.clanCashMusd':
      set(
        () => n.clanCashMusd,
        (v) => (n.clanCashMusd = v),
        0,
        OVERRIDE_MAX_MUSD,
      );
      break;
    case 'national.insurgentCashMusd':
      set(
        () => n.insurgentCashMusd,
        (v) => (n.insurgentCashMusd = v),
        0,
        OVERRIDE_MAX_MUSD,
      );
      break;
  }
  ctx.events.push({ turn: ctx.turn, type: 'overrideApplied', target: o.target, region: o.region ?? null, from, to, reason: o.reason });
}

export function injectsPhase(s: GameState, ctx: Ctx): void {
  // A new turn's flows start at zero here, before anything (an inject too) can add to them.
  for (const r of s.regions) r.flow = emptyFlow();
  for (const e of s.exits) e.flow = { shippedT: 0, seizedT: 0, exportedT: 0 };
  // Modifiers from earlier turns tick down first, so an inject this turn lasts its full duration.
  s.national.modifiers = s.national.modifiers.filter((m) => m.turnsLeft === null || --m.turnsLeft > 0);
  // The facilitator's notes (they change nothing), and the lines the facilitator adds to the MSEL.
  for (const note of ctx.notes)
    ctx.events.push({ turn: ctx.turn, type: 'facilitatorNoted', noteTurn: note.turn, phase: note.phase, text: note.text });
  for (const entry of ctx.schedule) s.national.msel.push({ id: entry.id, status: 'pending', firedTurn: null, entry });
  // The facilitator's changes to the MSEL, then the lines due this turn, in the MSEL's order.
  const forced = new Set<string>();
  for (const a of ctx.msel) {
    const line = s.national.msel.find((l) => l.id === a.entry);
    if (!line || line.status === 'fired' || line.status === 'cancelled') continue;
    if (a.action === 'hold') line.status = 'held';
    else if (a.action === 'cancel') line.status = 'cancelled';
    else if (a.action === 'release') line.status = 'pending';
    else forced.add(line.id);
    ctx.events.push({ turn: ctx.turn, type: 'mselChanged', entry: line.id, action: a.action });
  }
  for (const line of s.national.msel) {
    const reason = forced.has(line.id) ? 'facilitator' : due(s, ctx, line);
    if (!reason) continue;
    line.status = 'fired';
    line.firedTurn = ctx.turn;
    fire(s, ctx, lineDef(ctx, line)!.inject, line.id, reason);
  }
  for (const inj of ctx.injects) fire(s, ctx, inj, null, 'facilitator');
  for (const o of ctx.overrides) applyOverride(s, ctx, o);
}
