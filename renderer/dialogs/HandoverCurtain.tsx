/**
 * The hand-over curtain: a full-screen, opaque modal shown between two human sides' planning, so
 * the next team never sees the previous team's plan. It cannot be dismissed with Escape: only the
 * next team's button lifts it.
 */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Side } from '../app-state/engine';
import { Modal } from './Modal';

export function HandoverCurtain(props: { side: Side; turnLabel: string; onReveal: () => void }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const team = `@app.team.${props.side}`;
  return (
    <Modal open labelledBy={`${id}-title`} describedBy={`${id}-desc`} dismissable={false} className={`curtain side-${props.side}`}>
      <div className="curtain-body">
        <p className="curtain-turn">{props.turnLabel}</p>
        <h2 id={`${id}-title`}>{t('app.curtain.passTo', { team })}</h2>
        <p id={`${id}-desc`}>{t('app.curtain.explain', { team })}</p>
        <button type="button" className="btn btn-primary btn-huge" onClick={props.onReveal} autoFocus>
          {t('app.curtain.reveal', { team })}
        </button>
      </div>
    </Modal>
  );
}
