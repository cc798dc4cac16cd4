/**
 * A computer side's decision in words (or the computer's advice a team applied): the plan and what
 * the search expected of it, what in the side's view drove it, what each kind of order does and
 * the alternatives it weighed. The words come from `report/decision.ts`, built from the decision's
 * own numbers, as in the after-action report.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Author, Decision, Side } from '../app-state/engine';
import { authorName, decisionLines } from '../../report/decision';

export function DecisionLines(props: { side: Side; decision: Decision }): ReactNode {
  const { t } = useI18n();
  const l = decisionLines(t, props.side, props.decision);
  const list = (label: string, items: string[]) =>
    items.length ? (
      <>
        <h5>{label}</h5>
        <ul className="lines">
          {items.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      </>
    ) : null;
  return (
    <>
      <p className="decision-plan">{l.headline}</p>
      {l.expects ? <p className="decision-expects">{l.expects}</p> : null}
      {list(t('report.decisions.drivers'), l.drivers)}
      {list(t('report.decisions.reasons'), l.reasons)}
      {list(t('report.decisions.alternatives'), l.alternatives)}
      {l.search ? <p className="hint">{l.search}</p> : null}
    </>
  );
}

/** Who decided a side's orders, and the decision behind them. */
export function DecisionView(props: { side: Side; author: Author }): ReactNode {
  const { t } = useI18n();
  const { side, author } = props;
  const decision = author.kind === 'human' ? author.advice?.decision : author.decision;
  return (
    <div className={`rationale side-${side}`}>
      <h4>
        {t(`app.side.${side}`)} — {authorName(t, side, author)}
      </h4>
      {decision ? <DecisionLines side={side} decision={decision} /> : null}
    </div>
  );
}
