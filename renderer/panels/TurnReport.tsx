/**
 * The turn report after resolution: key national numbers with their change, displacement lines,
 * incidents, revenue and scores, and the computer sides' reasons for their orders.
 */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { SIDES, regionName, type GameState } from '../app-state/engine';
import type { Setup, TurnOutcome } from '../app-state/types';
import { displacements, incidents, keyFigures, revenueBySide, scoreLines } from '../../report/turn-report';
import { Change } from './Change';
import { WhyPanel } from './WhyPanel';
import { DecisionView } from './DecisionView';
import type { Author } from '../app-state/engine';

const explained = (a: Author | undefined): boolean => a?.kind === 'bot' || (a?.kind === 'human' && Boolean(a.advice));
import './panels.css';

export function TurnReport(props: {
  game: GameState;
  outcome: TurnOutcome | null;
  setup: Setup;
  turnLabel: string;
  onContinue?: () => void;
  continueLabel?: string;
  /** Take the turn back (the facilitator's undo). */
  onUndo?: () => void;
  /** Heading level 2 (its own panel) or 3 (inside another panel, as in the replay viewer). */
  level?: 2 | 3;
}): ReactNode {
  const { t, fmt } = useI18n();
  const id = useId();
  const { game, outcome } = props;
  const figures = keyFigures(game.history, { cocaHa: game.national.ref.cocaHa, insurgentFighters: game.national.ref.fighters });
  const events = outcome?.events ?? [];
  const moved = displacements(events);
  const inc = incidents(events, regionName);
  const revenue = revenueBySide(events);
  const scores = scoreLines(game.history);
  const Title = props.level === 3 ? 'h3' : 'h2';

  return (
    <section className="panel report" aria-labelledby={`${id}-title`}>
      <header className="panel-head">
        <Title id={`${id}-title`} className="report-title">
          {outcome ? t('app.report.title', { turn: outcome.turn }) : t('app.report.titleStart')}
        </Title>
        <p className="panel-sub">{props.turnLabel}</p>
      </header>
      {props.onContinue || props.onUndo ? (
        <div className="panel-actions panel-actions-top">
          {props.onContinue ? (
            <button type="button" className="btn btn-primary btn-large" onClick={props.onContinue}>
              {props.continueLabel}
            </button>
          ) : null}
          {props.onUndo ? (
            <button type="button" className="btn" onClick={props.onUndo}>
              {t('app.undo.button')}
            </button>
          ) : null}
        </div>
      ) : null}
      {figures.length > 0 ? (
        <table className="table figures">
          <caption>{t('app.report.keyNumbers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('app.report.figure')}</th>
              <th scope="col">{t('app.report.value')}</th>
              <th scope="col">{t('app.report.change')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.def.id}>
                <th scope="row">{t(`app.series.${f.def.id}`)}</th>
                <td className="num">{t(`app.unit.${f.def.unit}`, { n: f.value })}</td>
                <td className="num">
                  <Change value={f.change} tone={f.tone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">{t('app.report.noHistory')}</p>
      )}
      {outcome ? <WhyPanel game={game} events={events} /> : null}

      <h3>{t('app.report.scores')}</h3>
      <ul className="scores">
        {scores.map((s) => (
          <li key={s.side} className={`score side-${s.side}`}>
            <span className="score-side">{t(`app.side.${s.side}`)}</span>
            <span className="score-value">{fmt(s.value)}</span>
            <Change value={s.change} tone="neutral" />
          </li>
        ))}
      </ul>

      <h3>{t('app.report.displacement')}</h3>
      {moved.length ? (
        <ul className="lines">
          {moved.slice(0, 12).map((d) => (
            <li key={`${d.from}>${d.to}`}>
              {t('app.report.moved', { ha: Math.round(d.ha), from: regionName(d.from), to: regionName(d.to) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('app.report.noDisplacement')}</p>
      )}

      <h3>{t('app.report.incidents')}</h3>
      {inc.length ? (
        <ul className="lines">
          {inc.slice(0, 20).map((e, i) => (
            <li key={i} className={`ev ev-${e.type}`}>
              {t(e.key, e.values)}
            </li>
          ))}
          {inc.length > 20 ? <li>{t('app.report.moreInLog', { n: inc.length - 20 })}</li> : null}
        </ul>
      ) : (
        <p className="empty">{t('app.report.noIncidents')}</p>
      )}

      <h3>{t('app.report.revenue')}</h3>
      <ul className="lines">
        {SIDES.map((side) => (
          <li key={side}>{t('app.report.revenueLine', { side: `@app.side.${side}`, musd: revenue[side] })}</li>
        ))}
      </ul>

      {outcome && SIDES.some((s) => explained(outcome.authors[s])) ? (
        <>
          <h3>{t('app.report.botReasons')}</h3>
          {SIDES.map((side) => {
            const a = outcome.authors[side];
            // A computer side's decision, or the computer's advice a team saw (the report notes it).
            return a && explained(a) ? <DecisionView key={side} side={side} author={a} /> : null;
          })}
        </>
      ) : null}
    </section>
  );
}
