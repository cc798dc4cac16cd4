/** A change since last turn: arrow, sign and number, coloured (and named for screen readers) by tone. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export function Change(props: { value: number | null; tone: 'good' | 'bad' | 'neutral' }): ReactNode {
  const { t, fmt } = useI18n();
  if (props.value === null) return <span className="change">–</span>;
  if (Math.abs(props.value) < 1e-9) return <span className="change">{t('app.report.noChange')}</span>;
  const sign = props.value > 0 ? '▲ +' : '▼ −';
  return (
    <span className={`change change-${props.tone}`}>
      {sign}
      {fmt(Math.abs(props.value))}
      <span className="sr-only"> {t(`app.report.tone.${props.tone}`)}</span>
    </span>
  );
}
