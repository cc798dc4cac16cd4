/**
 * The region inspector's rows: every figure of a region's state, its unit, and its series over the
 * turns played so far (from per-turn snapshots), as plain data.
 */
import type { RegionState } from '../app-state/engine';

export type RegionUnit = 'ha' | 't' | 'usdPerKg' | 'musd' | 'people' | 'count' | 'share' | 'labs';

export interface RegionFigureDef {
  id: string;
  unit: RegionUnit;
  group: 'coca' | 'security' | 'politics' | 'trafficking' | 'turn';
  value(r: RegionState): number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export const REGION_FIGURES: RegionFigureDef[] = [
  { id: 'cocaHa', unit: 'ha', group: 'coca', value: (r) => r.cocaHa },
  { id: 'immatureHa', unit: 'ha', group: 'coca', value: (r) => sum(r.immatureHa) },
  { id: 'leafPriceUsdPerKg', unit: 'usdPerKg', group: 'coca', value: (r) => r.leafPriceUsdPerKg },
  { id: 'eradicationRisk', unit: 'share', group: 'coca', value: (r) => r.eradicationRisk },
  { id: 'developmentStockMusd', unit: 'musd', group: 'coca', value: (r) => r.developmentStockMusd },
  { id: 'labs', unit: 'labs', group: 'trafficking', value: (r) => r.labs },
  { id: 'stockT', unit: 't', group: 'trafficking', value: (r) => r.stockT },
  { id: 'originValueUsdPerKg', unit: 'usdPerKg', group: 'trafficking', value: (r) => r.originValueUsdPerKg },
  { id: 'clanPresence', unit: 'share', group: 'trafficking', value: (r) => r.clanPresence },
  { id: 'radarCoverage', unit: 'share', group: 'trafficking', value: (r) => r.radarCoverage },
  { id: 'riverControlMusd', unit: 'musd', group: 'trafficking', value: (r) => r.riverControlMusd },
  { id: 'army', unit: 'people', group: 'security', value: (r) => r.army },
  { id: 'police', unit: 'people', group: 'security', value: (r) => r.police },
  { id: 'insurgentFighters', unit: 'people', group: 'security', value: (r) => r.insurgentFighters },
  { id: 'intel', unit: 'share', group: 'security', value: (r) => r.intel },
  { id: 'statePresence', unit: 'share', group: 'politics', value: (r) => r.statePresence },
  { id: 'legitimacy', unit: 'share', group: 'politics', value: (r) => r.legitimacy },
  { id: 'corruption', unit: 'share', group: 'politics', value: (r) => r.corruption },
  { id: 'flow.eradicatedHa', unit: 'ha', group: 'turn', value: (r) => r.flow.eradicatedHa },
  { id: 'flow.plantedHa', unit: 'ha', group: 'turn', value: (r) => r.flow.plantedHa },
  { id: 'flow.abandonedHa', unit: 'ha', group: 'turn', value: (r) => r.flow.abandonedHa },
  { id: 'flow.displacedInHa', unit: 'ha', group: 'turn', value: (r) => r.flow.displacedInHa },
  { id: 'flow.displacedOutHa', unit: 'ha', group: 'turn', value: (r) => r.flow.displacedOutHa },
  { id: 'flow.leafT', unit: 't', group: 'turn', value: (r) => r.flow.leafT },
  { id: 'flow.producedT', unit: 't', group: 'turn', value: (r) => r.flow.producedT },
  { id: 'flow.shippedT', unit: 't', group: 'turn', value: (r) => r.flow.shippedT },
  { id: 'flow.seizedT', unit: 't', group: 'turn', value: (r) => r.flow.seizedT },
  { id: 'flow.violenceEvents', unit: 'count', group: 'turn', value: (r) => r.flow.violenceEvents },
  { id: 'flow.securityKilled', unit: 'people', group: 'turn', value: (r) => r.flow.securityKilled },
  { id: 'flow.insurgentsKilled', unit: 'people', group: 'turn', value: (r) => r.flow.insurgentsKilled },
  { id: 'flow.civiliansKilled', unit: 'people', group: 'turn', value: (r) => r.flow.civiliansKilled },
  { id: 'flow.recruits', unit: 'people', group: 'turn', value: (r) => r.flow.recruits },
];

export const REGION_FIGURE_GROUPS = ['coca', 'trafficking', 'security', 'politics', 'turn'] as const;

export interface RegionFigureRow {
  def: RegionFigureDef;
  value: number;
  change: number | null;
  series: number[];
}

/** Rows for one region: `series` is the region's state after each turn in `snapshots`. */
export function regionFigureRows(id: string, current: RegionState, snapshots: { regions: RegionState[] }[]): RegionFigureRow[] {
  const states = snapshots.map((s) => s.regions.find((r) => r.id === id)).filter((r): r is RegionState => Boolean(r));
  return REGION_FIGURES.map((def) => {
    const series = states.map((r) => def.value(r));
    const value = def.value(current);
    const prev = series.length > 1 ? series[series.length - 2] : undefined;
    const change = prev !== undefined && Number.isFinite(prev) && Number.isFinite(value) ? value - prev : null;
    return { def, value, change, series };
  });
}
