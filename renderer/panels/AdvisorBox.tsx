/**
 * The advisor in the planning panel: "What would the computer do?" asks the hard computer to plan
 * for this team from what this team can see (in the worker), then shows its plan and reasons in
 * the same words as a computer side's decision, with a button to take it as the draft. Only the
 * planning side's advice is ever passed here. The log notes at commit that it was seen.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Side } from '../app-state/engine';
import type { Advice } from '../app-state/types';
import { DecisionLines } from './DecisionView';
import './advisor.css';

export function AdvisorBox(props: {
  side: Side;
  advice: Advice | undefined;
  progress: number | undefined;
  onAsk: () => void;
  onApply: () => void;
}): ReactNode {
  const { t } = useI18n();
  const { side, advice } = props;
  const status = advice?.status;
  return (
    <section className={`advisor side-${side}`} aria-label={t('advisor.ask')} data-advice={status ?? 'none'}>
      {status === 'ready' && advice?.decision ? (
        <>
          <h3>{t('advisor.title')}</h3>
          <div className="rationale">
            <DecisionLines side={side} decision={advice.decision} />
          </div>
          <p className="hint">{t('advisor.recorded')}</p>
          {advice.applied ? (
            <p className="advisor-applied" role="status">
              {t('advisor.applied')}
            </p>
          ) : (
            <button type="button" className="btn btn-small" onClick={props.onApply}>
              {t('advisor.apply')} ({t('advisor.orders', { count: advice.orders?.length ?? 0 })})
            </button>
          )}
        </>
      ) : status === 'thinking' ? (
        <p role="status" className="advisor-thinking">
          <span className="thinking-spinner" aria-hidden="true" />
          {t('advisor.thinking', { pct: Math.round((props.progress ?? 0) * 100) })}
        </p>
      ) : (
        <>
          <button type="button" className="btn btn-small" onClick={props.onAsk}>
            {t('advisor.ask')}
          </button>
          <p className="hint">{status === 'failed' ? t('advisor.failed', { detail: advice?.error ?? '' }) : t('advisor.askHint')}</p>
        </>
      )}
    </section>
  );
}
