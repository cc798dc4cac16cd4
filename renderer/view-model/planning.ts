/**
 * The planning panel's rows as plain data: legal options grouped by activity or by region, slider
 * steps by unit, the summary of what a draft orders, and validation errors in translatable form.
 */
import {
  ORDER_SPECS,
  type OrderKind,
  type Side,
  type Unit,
  type ValidationError,
  kindsFor,
  lastsOf,
  type Lasts,
  type PlanPreview,
} from '../app-state/engine';
import { isChanged, optionKey, rowValue, currentAmount, currentChoice, isChoice, isMove, type OrderOption } from '../app-state/drafts';
import type { Draft } from '../app-state/types';
import type { Values } from '../i18n';
import { localiseValues } from '../../report/values';

export interface OptionGroup {
  /** `kind` (activity view) or region id / `national` (region view). */
  id: string;
  options: OrderOption[];
}

/** Rows grouped by activity, in the side's order of kinds. */
export function groupByActivity(side: Side, options: OrderOption[], regionOrder: readonly string[]): OptionGroup[] {
  const rank = (o: OrderOption) => (o.region ? regionOrder.indexOf(o.region) : -1);
  return kindsFor(side)
    .map((kind) => ({ id: kind, options: options.filter((o) => o.kind === kind).sort((a, b) => rank(a) - rank(b)) }))
    .filter((g) => g.options.length > 0);
}

/** Rows grouped by region (national and exit orders first, as `national`). */
export function groupByRegion(side: Side, options: OrderOption[], regionOrder: readonly string[]): OptionGroup[] {
  const kinds = kindsFor(side);
  const byKind = (a: OrderOption, b: OrderOption) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind);
  const national = options.filter((o) => !o.region).sort(byKind);
  const groups: OptionGroup[] = national.length ? [{ id: 'national', options: national }] : [];
  for (const r of regionOrder) {
    const opts = options.filter((o) => o.region === r).sort(byKind);
    if (opts.length) groups.push({ id: r, options: opts });
  }
  return groups;
}

const UNIT_MIN_STEP: Record<Unit, number> = {
  musd: 0.1,
  ha: 10,
  personnel: 10,
  fighters: 1,
  labs: 1,
  weight: 1,
  share: 0.05,
  pct: 1,
  choice: 1,
  none: 1,
};

/** A slider step: round, at least the unit's smallest sensible step, about 200 steps end to end. */
export function stepFor(o: OrderOption): number {
  const unit = ORDER_SPECS[o.kind].unit;
  const min = UNIT_MIN_STEP[unit];
  const range = o.max - o.min;
  if (!(range > 0)) return min;
  const raw = range / 200;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const step = Math.max(min, nice);
  return unit === 'musd' || unit === 'share' ? step : Math.max(1, Math.round(step));
}

export interface SummaryLine {
  key: string;
  kind: OrderKind;
  region?: string;
  exit?: string;
  to?: string;
  from: number | string;
  value: number | string;
  unit: Unit;
  /** What the order costs this quarter, as the engine charges it (`previewOrders`). */
  costMusd: number;
  lasts: Lasts;
}

/**
 * What the draft orders, row by row, in the legal options' order. Costs come from the engine's
 * preview of the same orders, so the summary charges what the engine will (new laboratories only,
 * a programme's level each quarter); without a preview, the amount times the unit cost.
 */
export function summarise(options: OrderOption[], draft: Draft, preview?: PlanPreview): SummaryLine[] {
  const out: SummaryLine[] = [];
  const charged = new Map<string, number>();
  for (const p of preview?.orders ?? []) {
    const o = p.order;
    if ('to' in o) continue;
    charged.set(
      optionKey({ kind: o.kind, ...('region' in o ? { region: o.region } : {}), ...('exit' in o ? { exit: o.exit } : {}) }),
      p.costMusd,
    );
  }
  for (const o of options) {
    const v = draft.values[optionKey(o)];
    if (!isChanged(o, v)) continue;
    const r = rowValue(o, v);
    const unit = ORDER_SPECS[o.kind].unit;
    const line: SummaryLine = {
      key: optionKey(o),
      kind: o.kind,
      unit,
      lasts: lastsOf(o.kind),
      from: isChoice(o) ? currentChoice(o) : isMove(o) ? 0 : currentAmount(o),
      value: isChoice(o) ? r.choice : r.amount,
      costMusd: isChoice(o) ? 0 : (charged.get(optionKey(o)) ?? r.amount * o.costPerUnitMusd),
    };
    if (o.region) line.region = o.region;
    if (o.exit) line.exit = o.exit;
    if (isMove(o)) line.to = r.to;
    out.push(line);
  }
  return out;
}

/** A validation error as a catalogue key and values; ids in the values become names. */
export function errorMessage(
  e: Pick<ValidationError, 'code' | 'values' | 'message'>,
  regionName: (id: string) => string,
  has: (key: string) => boolean,
): { key: string; values: Values } {
  const key = `validation.${e.code}`;
  if (has(key)) return { key, values: localiseValues(e.values, regionName) };
  return { key: 'validation.unknown', values: { message: e.message } };
}
