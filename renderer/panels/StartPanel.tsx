/** What the left panel shows before a game: what Cordillera is and how to start. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export function StartPanel(props: {
  onNewGame: () => void;
  onOpen: () => void;
  onOpenReplay: () => void;
  onOpenAutosave: () => void;
}): ReactNode {
  const { t } = useI18n();
  return (
    <section className="panel start" aria-labelledby="start-title">
      <header className="panel-head">
        <h2 id="start-title">{t('app.start.title')}</h2>
      </header>
      <p className="lead">{t('app.start.lead')}</p>
      <div className="panel-actions">
        <button type="button" className="btn btn-primary btn-large" onClick={props.onNewGame}>
          {t('app.start.newGame')}
        </button>
        <button type="button" className="btn btn-large" onClick={props.onOpen}>
          {t('app.start.open')}
        </button>
        <button type="button" className="btn btn-large" onClick={props.onOpenReplay}>
          {t('app.start.openReplay')}
        </button>
        <button type="button" className="btn btn-large" onClick={props.onOpenAutosave}>
          {t('app.start.resumeAutosave')}
        </button>
      </div>
      <h3>{t('app.start.howTitle')}</h3>
      <ol className="how">
        <li>{t('app.start.how1')}</li>
        <li>{t('app.start.how2')}</li>
        <li>{t('app.start.how3')}</li>
        <li>{t('app.start.how4')}</li>
      </ol>
      <h3>{t('app.start.sidesTitle')}</h3>
      <ul className="sides-intro">
        <li className="side-state">
          <strong>{t('app.side.state')}</strong> — {t('app.start.sideState')}
        </li>
        <li className="side-clans">
          <strong>{t('app.side.clans')}</strong> — {t('app.start.sideClans')}
        </li>
        <li className="side-insurgents">
          <strong>{t('app.side.insurgents')}</strong> — {t('app.start.sideInsurgents')}
        </li>
      </ul>
    </section>
  );
}
