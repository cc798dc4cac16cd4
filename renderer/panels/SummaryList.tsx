/** What a plan orders, line by line: the summary shown before committing. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { regionName } from '../app-state/engine';
import { type SummaryLine } from '../view-model/planning';
import { amountText } from '../../report/describe';

/** A row's target as people read it: the region, the exit, or "National". */
export function targetName(o: { region?: string; exit?: string }, t: (k: string) => string): string {
  if (o.region) return regionName(o.region);
  if (o.exit) return t(`app.exit.${o.exit}`);
  return t('app.national');
}

export function SummaryList(props: { lines: SummaryLine[] }): ReactNode {
  const { t } = useI18n();
  if (props.lines.length === 0) return <p className="empty">{t('app.plan.noChanges')}</p>;
  const show = (line: SummaryLine, v: number | string) =>
    typeof v === 'number' ? amountText(t, line.unit, v) : t(`orders.choice.${line.kind}.${v}`);
  return (
    <ul className="summary-list">
      {props.lines.map((line) => (
        <li key={line.key}>
          <strong>{t(`orders.${line.kind}.label`)}</strong>
          {line.region || line.exit ? ` — ${targetName(line, t)}` : ''}
          {line.to ? ` → ${regionName(line.to)}` : ''}: {line.kind === 'interdictionLaw' ? t('app.plan.yes') : (
            <>{typeof line.from === 'number' && line.from === 0 && (line.to || line.unit === 'musd' || line.unit === 'ha') ? show(line, line.value) : t('app.plan.fromTo', { from: show(line, line.from), to: show(line, line.value) })}</>
          )}
        </li>
      ))}
    </ul>
  );
}
