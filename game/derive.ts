/** Quantities derived from the state, shared by creation, phases and views. */
import type { RegionDef } from './content/schema';
import type { Control, RegionState } from './types';

/** Who holds a region, read off the balance of state presence, fighters and clans. */
export function controlOf(r: RegionState): Control {
  const presence = r.statePresence;
  if (r.insurgentFighters >= 15 && presence < 0.35) return 'insurgent';
  if (r.clanPresence > 0.55 && presence < 0.45) return 'clans';
  if (presence >= 0.5 && r.insurgentFighters < 5) return 'state';
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
