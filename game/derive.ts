/** Quantities derived from the state, shared by creation, phases and views. */
import type { Params } from './content/scenario-schema';
import type { RegionDef } from './content/schema';
import type { Control, NationalState, RegionState } from './types';

/** How well the State tracks flights and builds intelligence: better with US support, at its base while support is suspended. */
export function usTracking(n: NationalState, p: Params): number {
  return n.usSuspendedTurns > 0 ? p.usTrackingBase : p.usTrackingBase + n.usSupport / p.usTrackingSupportScale;
}

/** Who holds a region, read off the balance of state presence, fighters and clans. */
export function controlOf(r: RegionState, p: Params): Control {
  const presence = r.statePresence;
  if (r.insurgentFighters >= p.controlInsurgentFighters && presence < p.controlInsurgentPresence) return 'insurgent';
  if (r.clanPresence > p.controlClanPresence && presence < p.controlClanStatePresence) return 'clans';
  if (presence >= p.controlStatePresence && r.insurgentFighters < p.controlStateMaxFighters) return 'state';
  return 'contested';
}

/** Population-weighted mean of regional legitimacy, 0–1. */
export function nationalLegitimacy(regions: readonly RegionState[], defs: readonly RegionDef[]): number {
  let w = 0;
  let s = 0;
  regions.forEach((r, i) => {
    const pop = defs[i]!.population;
    w += pop;
    s += pop * r.legitimacy;
  });
  return w > 0 ? s / w : 0;
}

/** Total coca area including plantings not yet harvested. */
export const totalCocaHa = (r: RegionState): number => r.cocaHa + r.immatureHa.reduce((a, x) => a + x, 0);
