/** The map's overlay switch and the flows toggle, above the board. */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { OVERLAYS, type OverlayId } from '../view-model/board-theme';

export function OverlayBar(props: {
  overlay: OverlayId;
  flows: boolean;
  onOverlay: (o: OverlayId) => void;
  onFlows: (on: boolean) => void;
}): ReactNode {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="overlay-bar">
      <div role="radiogroup" aria-label={t('app.overlay.label')} className="segmented overlay-choices">
        <span className="overlay-title" aria-hidden="true">
          {t('app.overlay.label')}
        </span>
        {OVERLAYS.map((o) => (
          <label key={o} className={props.overlay === o ? 'on' : undefined}>
            <input type="radio" name={`${id}-overlay`} checked={props.overlay === o} onChange={() => props.onOverlay(o)} />
            {t(`app.overlay.${o}`)}
          </label>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={props.flows} onChange={(e) => props.onFlows(e.target.checked)} />
        {t('app.overlay.flows')}
      </label>
    </div>
  );
}
