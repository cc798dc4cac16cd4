/**
 * The computer thinking: a small indicator in the status bar while hard computer sides decide in
 * the worker (the board stays live), and the panel shown when every team has committed and the
 * turn waits for them. Progress is the share of the search's budget spent.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Side } from '../app-state/engine';
import type { AiProgress } from '../hooks/use-computer';
import './advisor.css';

const pctOf = (progress: AiProgress, sides: readonly Side[]): number => {
  if (!sides.length) return 0;
  return Math.round((sides.reduce((a, s) => a + (progress[`decide:${s}`] ?? 0), 0) / sides.length) * 100);
};

/** The status bar's indicator (nothing when no computer side is thinking). */
export function ThinkingIndicator(props: { sides: readonly Side[]; progress: AiProgress }): ReactNode {
  const { t } = useI18n();
  if (!props.sides.length) return null;
  const names = props.sides.map((s) => t(`app.side.${s}`)).join(t('ai.explain.listSep'));
  const pct = pctOf(props.progress, props.sides);
  return (
    <span className="thinking-indicator" role="status" data-thinking={props.sides.join(' ')}>
      <span className="thinking-spinner" aria-hidden="true" />
      <span className="thinking-text">{t('advisor.status.thinking', { sides: names })}</span>
      <span className="thinking-pct">{t('advisor.status.progress', { pct })}</span>
    </span>
  );
}

/** The left panel while the turn waits for computer sides. */
export function WaitingPanel(props: { sides: readonly Side[]; progress: AiProgress; turnLabel: string }): ReactNode {
  const { t } = useI18n();
  const names = props.sides.map((s) => t(`app.side.${s}`)).join(t('ai.explain.listSep'));
  const pct = pctOf(props.progress, props.sides);
  return (
    <section className="panel waiting-panel" aria-labelledby="waiting-title" aria-busy="true">
      <header className="panel-head">
        <h2 id="waiting-title">{t('advisor.waiting.title')}</h2>
        <p className="panel-sub">{props.turnLabel}</p>
      </header>
      <p>{t('advisor.waiting.text', { sides: names })}</p>
      <progress className="thinking-bar" max={100} value={pct} aria-label={t('advisor.waiting.title')} />
      <p className="hint">{props.sides.length ? t('advisor.waiting.hint') : null}</p>
    </section>
  );
}
