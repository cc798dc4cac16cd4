/** File ▸ Open autosave: the autosaves the platform keeps (newest first), each with when it was written. */
import { useId, type ReactNode } from 'react';
import { LOCALE, useI18n } from '../i18n';
import { autosaveName } from '../app-state/autosave';
import type { AutosaveEntry } from '../platform/types';
import { Modal } from './Modal';
import './dialogs.css';

/** An ISO time for people, in the interface's language; the raw text if it is not a time. */
export function savedAtText(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function AutosaveDialog(props: {
  open: boolean;
  /** Null while the list is being read. */
  entries: AutosaveEntry[] | null;
  onOpen: (entry: AutosaveEntry) => void;
  onClose: () => void;
}): ReactNode {
  const { t, lang } = useI18n();
  const id = useId();
  const { entries } = props;
  return (
    <Modal
      open={props.open}
      onClose={props.onClose}
      labelledBy={`${id}-title`}
      describedBy={`${id}-help`}
      className="dialog-confirm dialog-autosaves"
    >
      <div className="dialog-body">
        <h2 id={`${id}-title`}>{t('app.autosave.title')}</h2>
        <p id={`${id}-help`} className="field-help">
          {t('app.autosave.help')}
        </p>
        {entries === null ? (
          <p className="empty">{t('app.autosave.loading')}</p>
        ) : entries.length === 0 ? (
          <p className="empty">{t('app.autosave.none')}</p>
        ) : (
          <ul className="autosave-list" aria-label={t('app.autosave.title')}>
            {entries
              .map((entry) => ({ ...entry, label: autosaveName(t, lang, entry.label) }))
              .map((e) => (
                <li key={e.id} className="autosave-item">
                  <span className="autosave-label">
                    <strong>{e.label}</strong>
                    <span className="muted"> — {t('app.autosave.savedAt', { time: savedAtText(e.savedAt, LOCALE[lang]) })}</span>
                  </span>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => props.onOpen(e)}
                    aria-label={t('app.autosave.openNamed', { label: e.label })}
                  >
                    {t('app.autosave.open')}
                  </button>
                </li>
              ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={props.onClose} autoFocus>
            {t('app.action.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
