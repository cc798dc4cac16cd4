/**
 * The public screen while the facilitator holds a quarter to review the committed plans: opaque
 * like the hand-over curtain (no plan and no figure shows through), with nothing for a team to
 * press. Only the console releases the quarter or sends a plan back to its team.
 */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Modal } from '../dialogs/Modal';

export function HeldCurtain(props: { turnLabel: string }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  return (
    <Modal open labelledBy={`${id}-title`} describedBy={`${id}-desc`} dismissable={false} className="curtain curtain-held">
      <div className="curtain-body" tabIndex={-1}>
        <p className="curtain-turn">{props.turnLabel}</p>
        <h2 id={`${id}-title`}>{t('console.public.heldTitle')}</h2>
        <p id={`${id}-desc`}>{t('console.public.heldText')}</p>
      </div>
    </Modal>
  );
}
