/** Messages to the user (toasts) for errors, platform failures and the outcome of opening a file. */
import { useCallback, useMemo, type Dispatch } from 'react';
import type { OpenOutcome } from '../app-state/files';
import { platformToast } from '../app-state/files';
import type { Action } from '../app-state/reducer';
import { hasKey } from '../i18n';
import type { PlatformError } from '../platform/types';

export interface Notify {
  /** Is this a message key of the catalogues? */
  known: (key: string) => boolean;
  error: (key: string, values?: Record<string, string | number>) => void;
  platformError: (e: PlatformError) => void;
  /** Put an opened file on screen, or say why it was refused. */
  apply: (o: OpenOutcome) => void;
}

export function useNotify(dispatch: Dispatch<Action>): Notify {
  const known = useCallback((k: string) => hasKey(k), []);
  const error = useCallback(
    (key: string, values?: Record<string, string | number>) => {
      dispatch({ type: 'toast/push', toast: values ? { kind: 'error', key, values } : { kind: 'error', key } });
    },
    [dispatch],
  );
  const platformError = useCallback(
    (e: PlatformError) => {
      const toast = platformToast(e, known);
      if (toast) dispatch({ type: 'toast/push', toast });
    },
    [known, dispatch],
  );
  const apply = useCallback(
    (o: OpenOutcome) => {
      if (o.kind === 'failed') dispatch({ type: 'toast/push', toast: o.toast });
      else if (o.kind === 'opened') for (const a of o.actions) dispatch(a);
    },
    [dispatch],
  );
  return useMemo(() => ({ known, error, platformError, apply }), [known, error, platformError, apply]);
}
