/** The end of the game: who led, each side's final score, the game's totals, and the ways out. */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { GameState } from '../app-state/engine';
import { scoreLines } from '../../report/turn-report';

export type EndExport = 'log' | 'csv' | 'report' | 'pdf';

export function GameEndPanel(props: {
  game: GameState;
  onExport: (kind: EndExport) => void;
  onNewGame: () => void;
  onUndo?: () => void;
}): ReactNode {
  const { t, fmt } = useI18n();
  const id = useId();
  const { game } = props;
  const scores = scoreLines(game.history);
  const totals = game.national.totals;
  const first = game.history[0];
  const last = game.history[game.history.length - 1];
  return (
    <section className="panel game-end" aria-labelledby={`${id}-title`}>
      <header className="panel-head">
        <h2 id={`${id}-title`}>{t('app.end.title')}</h2>
        <p className="panel-sub">{t('app.end.turns', { n: game.turn })}</p>
      </header>
      {/* Scores measure each side's own aims on its own scale: no "winner" (the scenario sets no victory conditions). */}
      <p className="lead">{t('help.end.notARace')}</p>
      <ul className="scores scores-final">
        {scores.map((s) => (
          <li key={s.side} className={`score side-${s.side}`}>
            <span className="score-side">{t(`app.side.${s.side}`)}</span>
            <span className="score-value">{fmt(s.value)}</span>
            {first ? <span className="score-first">{t('help.end.first', { first: fmt(first.scores[s.side]) })}</span> : null}
          </li>
        ))}
      </ul>
      <h3>{t('app.end.summary')}</h3>
      <ul className="lines">
        {last ? <li>{t('app.end.coca', { from: game.national.ref.cocaHa, to: last.cocaHa })}</li> : null}
        <li>
          {t('app.end.killed', { security: totals.securityKilled, insurgents: totals.insurgentsKilled, civilians: totals.civiliansKilled })}
        </li>
        <li>
          {t('app.end.revenue', { clans: totals.clanRevenueMusd, insurgents: totals.insurgentRevenueMusd, state: totals.stateSpendMusd })}
        </li>
        <li>{t('app.end.shootdowns', { n: totals.mistakenShootdowns })}</li>
      </ul>
      <div className="panel-actions">
        <button type="button" className="btn" onClick={() => props.onExport('report')}>
          {t('app.menu.exportReport')}
        </button>
        <button type="button" className="btn" onClick={() => props.onExport('pdf')}>
          {t('app.menu.exportPdf')}
        </button>
        <button type="button" className="btn" onClick={() => props.onExport('csv')}>
          {t('app.menu.exportCsv')}
        </button>
        <button type="button" className="btn" onClick={() => props.onExport('log')}>
          {t('app.menu.exportLog')}
        </button>
        {props.onUndo ? (
          <button type="button" className="btn" onClick={props.onUndo}>
            {t('app.undo.button')}
          </button>
        ) : null}
        <button type="button" className="btn btn-primary" onClick={props.onNewGame}>
          {t('app.menu.newGame')}
        </button>
      </div>
    </section>
  );
}
