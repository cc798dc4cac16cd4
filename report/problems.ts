/**
 * A refused order in the player's words: which activity, where, what is wrong, the limit and how
 * to fix it. It reads the machine code and values the engine gives each failure (never its
 * English message); codes it does not word fall back to the validation catalogue.
 */
import type { TFunction } from '../i18n/catalogue';
import { ORDER_SPECS, regionName, type Unit, type ValidationError } from '../game';
import { amountText } from './describe';
import { localiseValues } from './values';

const isKind = (k: unknown): k is keyof typeof ORDER_SPECS => typeof k === 'string' && k in ORDER_SPECS;

/** "Eradicate coca in Ayacucho", "Port control in Callao", or the activity alone. */
function what(t: TFunction, kind: string, where: string): string {
  const activity = isKind(kind) ? t(`orders.${kind}.label`) : t('plan.error.unknownActivity');
  if (!where) return activity;
  const place = /^PE-[A-Z]{3}$/.test(where) ? regionName(where) : t(`app.exit.${where}`);
  return t('plan.error.where', { activity, where: place });
}

const POOL_UNIT: Record<string, Unit> = { money: 'musd', army: 'personnel', police: 'personnel', fighters: 'fighters' };

export function problemText(t: TFunction, e: Pick<ValidationError, 'code' | 'values' | 'message'>): string {
  const v = e.values ?? {};
  const kind = String(v.kind ?? '');
  const unit: Unit = isKind(kind) ? ORDER_SPECS[kind].unit : 'none';
  const amount = (n: unknown) => (typeof n === 'number' ? amountText(t, unit, n) : typeof n === 'string' ? n : '');
  switch (e.code) {
    case 'order.overMax':
      return t('plan.error.overMax', { what: what(t, kind, String(v.where ?? '')), amount: amount(v.amount), max: amount(v.max) });
    case 'order.notAllowed':
      return t('plan.error.notAllowed', { what: what(t, kind, String(v.where ?? '')) });
    case 'order.malformed': {
      const reason = String(v.reason ?? 'other');
      const known = ['whole', 'min', 'max', 'number', 'missing', 'choice', 'unknownField', 'other'].includes(reason) ? reason : 'other';
      // The value as typed (a formatted number would round 114.5 to 115 and hide the problem).
      return t(`plan.error.malformed.${known}`, {
        what: what(t, kind, String(v.where ?? '')),
        value: typeof v.value === 'number' ? String(v.value) : '',
        name: String(v.name ?? v.field ?? ''),
      });
    }
    case 'order.overBudget': {
      const pool = String(v.pool ?? 'money');
      const u = POOL_UNIT[pool] ?? 'none';
      const used = Number(v.used ?? 0),
        available = Number(v.available ?? 0);
      const over = Math.round((used - available) * 100) / 100;
      const key = pool in POOL_UNIT ? pool : 'money';
      return t(`plan.error.overBudget.${key}`, {
        used: amountText(t, u, used),
        available: amountText(t, u, available),
        over: amountText(t, u, over),
      });
    }
    case 'order.overFighters':
      return t('plan.error.overFighters', {
        region: regionName(String(v.region ?? '')),
        used: Number(v.used ?? 0),
        available: Number(v.available ?? 0),
      });
    default: {
      const key = `validation.${e.code}`;
      const text = t(key, localiseValues(e.values, regionName));
      return text === key ? t('validation.unknown', { message: e.message }) : text;
    }
  }
}
