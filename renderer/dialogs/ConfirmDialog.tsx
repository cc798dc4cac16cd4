/** A yes-or-no question before something that cannot be taken back (undoing a turn). */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Modal } from './Modal';

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}): ReactNode {
  const { t } = useI18n();
  const id = useId();
  return (
    <Modal open={props.open} onClose={props.onCancel} labelledBy={`${id}-title`} describedBy={`${id}-text`} className="dialog-confirm">
      <div className="dialog-body">
        <h2 id={`${id}-title`}>{props.title}</h2>
        <p id={`${id}-text`}>{props.text}</p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={props.onCancel} autoFocus>
            {t('app.action.cancel')}
          </button>
          <button type="button" className="btn btn-primary" onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </Modal>
  );
}
