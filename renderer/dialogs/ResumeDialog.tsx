/**
 * On start after the app did not close cleanly with a game in progress: resume from the game's
 * last autosave, or start fresh (the autosave stays available under File ▸ Open autosave).
 */
import { useId, type ReactNode } from 'react';
import { LOCALE, useI18n } from '../i18n';
import { autosaveName } from '../app-state/autosave';
import { Modal } from './Modal';
import { savedAtText } from './AutosaveDialog';

export function ResumeDialog(props: {
  label: string;
  turn: number;
  savedAt: string;
  onResume: () => void;
  onFresh: () => void;
}): ReactNode {
  const { t, lang } = useI18n();
  const id = useId();
  return (
    <Modal open onClose={props.onFresh} labelledBy={`${id}-title`} describedBy={`${id}-text`} className="dialog-confirm dialog-resume">
      <div className="dialog-body">
        <h2 id={`${id}-title`}>{t('app.resume.title')}</h2>
        <p id={`${id}-text`}>{t('app.resume.text')}</p>
        <p>
          <strong>{t('app.resume.game', { label: autosaveName(t, lang, props.label) })}</strong>
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={props.onFresh}>
            {t('app.resume.fresh')}
          </button>
          <button type="button" className="btn btn-primary" onClick={props.onResume} autoFocus>
            {t('app.resume.resume', { turn: props.turn, time: savedAtText(props.savedAt, LOCALE[lang]) })}
          </button>
        </div>
      </div>
    </Modal>
  );
}
