/** The main national series over time, as small multiples. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { TurnRecord } from '../app-state/engine';
import { CHARTS } from '../../report/series';
import { LineChart } from './LineChart';

export function ChartsPanel(props: { history: TurnRecord[]; only?: string[] }): ReactNode {
  const { t, fmt } = useI18n();
  const { history } = props;
  if (history.length === 0) return <p className="empty">{t('app.charts.empty')}</p>;
  const xLabels = history.map((r) => t('app.time.quarterShort', { year: String(r.year), q: r.quarter }));
  const charts = props.only ? CHARTS.filter((c) => props.only?.includes(c.id)) : CHARTS;
  return (
    <div className="charts-grid">
      {charts.map((c) => {
        const lines = c.lines.map((l) => ({
          id: l.id,
          label: t(`app.series.${l.id}`),
          colour: l.colour,
          ...(l.dash ? { dash: l.dash } : {}),
          values: history.map((r) => l.value(r)),
        }));
        const summary = lines.map((l) => `${l.label}: ${fmt(l.values[l.values.length - 1] ?? Number.NaN)}`).join('; ');
        return (
          <LineChart
            key={c.id}
            title={t(`app.chart.${c.id}`)}
            unitLabel={t(`app.unitShort.${c.unit}`)}
            format={(n) => fmt(n)}
            xLabels={xLabels}
            lines={lines}
            summary={summary}
          />
        );
      })}
    </div>
  );
}
