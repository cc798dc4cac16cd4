/**
 * A plain list of the regions as buttons, coloured by the overlay: the board's stand-in while the
 * map loads or if it fails, and always a keyboard- and screen-reader-friendly way to pick a region.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { BoardModel } from '../view-model/board-model';
import { cssColor, luminance } from '../view-model/board-theme';

export function RegionTiles(props: { model: BoardModel; onSelect: (id: string) => void }): ReactNode {
  const { t } = useI18n();
  const { model } = props;
  const byId = new Map(model.regions.map((r) => [r.id, r]));
  return (
    <div className="tiles-wrap">
      <p className="tiles-legend">
        {model.legend.title}: {model.legend.entries.map((e) => e.label).join(' · ')}
      </p>
      <div role="group" aria-label={t('app.board.regionButtons')} className="tiles">
        {model.listOrder.map((id) => {
          const r = byId.get(id);
          if (!r) return null;
          const dark = luminance(r.fill) < 0.35;
          return (
            <button
              key={id}
              type="button"
              className={`tile${model.selectedId === id ? ' selected' : ''}`}
              aria-pressed={model.selectedId === id}
              style={{ background: cssColor(r.fill), color: dark ? '#ffffff' : '#000000' }}
              onClick={() => props.onSelect(id)}
              title={r.tooltip.join('\n')}
            >
              <span className="tile-name">{r.name}</span>
              <span className="tile-value">{r.valueText}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
