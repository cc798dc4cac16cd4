/**
 * Values for translated messages that come from the engine (validation errors, bot rationale):
 * ids become names or catalogue references (`@app.exit.sea-callao`), which `t` translates.
 */
import type { Values } from '../i18n/catalogue';
import { MAP, ORDER_SPECS, SIDES } from '../game';

const REGION_ID = /^PE-[A-Z]{3}$/;
const POOLS = new Set(['money', 'army', 'police', 'fighters']);
const EXITS = new Set(MAP.exits.map((e) => e.id));
const SIDE_SET = new Set<string>(SIDES);

export function localiseValues(values: Record<string, string | number> | undefined, regionName: (id: string) => string): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    if (typeof v !== 'string') out[k] = v;
    else if (REGION_ID.test(v)) out[k] = regionName(v);
    else if (EXITS.has(v)) out[k] = `@app.exit.${v}`;
    else if (v in ORDER_SPECS) out[k] = `@orders.${v}.label`;
    else if (POOLS.has(v)) out[k] = `@app.pool.${v}`;
    else if (SIDE_SET.has(v)) out[k] = `@app.side.${v}`;
    else out[k] = v;
  }
  return out;
}
