/**
 * Messages: errors in a `role="alert"` region (announced at once), information in a `role="status"`
 * region. Information fades by itself; errors stay until dismissed.
 */
import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Toast } from '../app-state/types';

function ToastItem(props: { toast: Toast; onDismiss: (id: number) => void }): ReactNode {
  const { t } = useI18n();
  const { toast, onDismiss } = props;
  useEffect(() => {
    if (toast.kind !== 'info') return;
    const timer = window.setTimeout(() => onDismiss(toast.id), 6000);
    return () => window.clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className={`toast toast-${toast.kind}`}>
      <div className="toast-body">
        <p className="toast-title">{t(toast.key, toast.values)}</p>
        {toast.details && toast.details.length > 0 ? (
          <ul className="toast-details">
            {toast.details.slice(0, 6).map((d, i) => (
              <li key={i}>{t(d.key, d.values)}</li>
            ))}
            {toast.details.length > 6 ? <li>{t('app.toast.more', { n: toast.details.length - 6 })}</li> : null}
          </ul>
        ) : null}
      </div>
      <button type="button" className="btn btn-small" onClick={() => onDismiss(toast.id)} aria-label={t('app.toast.dismiss')}>
        ×
      </button>
    </div>
  );
}

export function Toasts(props: { toasts: Toast[]; onDismiss: (id: number) => void }): ReactNode {
  const { t } = useI18n();
  const errors = props.toasts.filter((x) => x.kind === 'error');
  const infos = props.toasts.filter((x) => x.kind === 'info');
  return (
    <div className="toasts">
      <div role="alert" aria-label={t('app.toast.errors')} className="toast-stack">
        {errors.map((x) => (
          <ToastItem key={x.id} toast={x} onDismiss={props.onDismiss} />
        ))}
      </div>
      <div role="status" aria-label={t('app.toast.messages')} className="toast-stack">
        {infos.map((x) => (
          <ToastItem key={x.id} toast={x} onDismiss={props.onDismiss} />
        ))}
      </div>
    </div>
  );
}
