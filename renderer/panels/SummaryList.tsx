/**
 * What a plan orders, line by line: the summary shown before committing. Each line shows the true
 * before → after of a standing programme and what it costs this quarter, as the engine charges it;
 * programmes left running are listed with their upkeep; eradication shows what it can achieve.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { regionName, type EradicationReach, type KeptProgramme } from '../app-state/engine';
import { type SummaryLine } from '../view-model/planning';
import { amountText } from '../../report/describe';

/** A row's target as people read it: the region, the exit, or "National". */
export function targetName(o: { region?: string; exit?: string }, t: (k: string) => string): string {
  if (o.region) return regionName(o.region);
  if (o.exit) return t(`app.exit.${o.exit}`);
  return t('app.national');
}

export function SummaryList(props: {
  lines: SummaryLine[];
  kept?: KeptProgramme[];
  eradication?: Map<string, EradicationReach>;
}): ReactNode {
  const { t, fmt } = useI18n();
  const money = (n: number) => fmt(n, { maximumFractionDigits: 2 });
  const show = (line: SummaryLine, v: number | string) =>
    typeof v === 'number' ? amountText(t, line.unit, v) : t(`orders.choice.${line.kind}.${v}`);
  const cost = (line: SummaryLine): string => {
    if (line.kind === 'buildLabs' && typeof line.value === 'number' && typeof line.from === 'number') {
      const d = line.value - line.from;
      return d > 0 ? t('plan.summary.labsAdded', { n: d, cost: money(line.costMusd) }) : t('plan.summary.labsClosed', { n: -d });
    }
    if (line.kind === 'eradicate' && line.region) {
      const r = props.eradication?.get(line.region);
      if (r)
        return t('plan.summary.eradicate', { high: amountText(t, 'ha', Math.floor(r.reachHa)), ordered: amountText(t, 'ha', r.orderedHa) });
    }
    if (line.lasts === 'standing' && line.unit === 'musd')
      return line.value === 0 ? t('plan.summary.stopped') : t('plan.summary.perQuarter', { cost: money(line.costMusd) });
    if (line.costMusd > 0) return t('plan.summary.cost', { cost: money(line.costMusd) });
    return '';
  };
  const kept = props.kept ?? [];
  return (
    <>
      {props.lines.length === 0 ? (
        <p className="empty">{t('app.plan.noChanges')}</p>
      ) : (
        <ul className="summary-list">
          {props.lines.map((line) => {
            const c = line.kind === 'interdictionLaw' ? '' : cost(line);
            const standing = line.lasts === 'standing' || line.lasts === 'setting';
            return (
              <li key={line.key} data-kind={line.kind} data-region={line.region}>
                <strong>{t(`orders.${line.kind}.label`)}</strong>
                {line.region || line.exit ? ` — ${targetName(line, t)}` : ''}
                {line.to ? ` → ${regionName(line.to)}` : ''}:{' '}
                {line.kind === 'interdictionLaw' ? (
                  t('app.plan.yes')
                ) : (
                  <>
                    {!standing ? show(line, line.value) : t('app.plan.fromTo', { from: show(line, line.from), to: show(line, line.value) })}
                  </>
                )}
                {c ? <span className="summary-cost"> · {c}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
      {kept.length > 0 ? (
        <div className="summary-kept">
          <h4>{t('plan.summary.keptTitle', { n: kept.length })}</h4>
          <ul className="summary-list">
            {kept.map((k) => (
              <li key={`${k.kind}|${k.region ?? k.exit ?? ''}`} data-kind={k.kind}>
                {t('plan.summary.kept', {
                  activity: t(`orders.${k.kind}.label`),
                  target: targetName(k, t),
                  value: amountText(t, 'musd', k.costMusd),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
