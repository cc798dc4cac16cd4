/** Every figure of the selected region, with its change since last turn and its trend. */
import { useId, useMemo, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { MAP, REGION_IDS, regionName, type GameState } from '../app-state/engine';
import { REGION_FIGURE_GROUPS, regionFigureRows, type RegionUnit } from '../view-model/region-figures';
import { Sparkline } from '../charts/Sparkline';
import { Change } from './Change';

export function RegionInspector(props: {
  game: GameState;
  snapshots: { regions: GameState['regions'] }[];
  selected: string | null;
  onSelect: (id: string) => void;
}): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const region = props.selected ? props.game.regions.find((r) => r.id === props.selected) : undefined;
  const def = props.selected ? MAP.regions.find((r) => r.id === props.selected) : undefined;
  const rows = useMemo(() => (region ? regionFigureRows(region.id, region, props.snapshots) : []), [region, props.snapshots]);
  const zones = def ? MAP.zones.filter((z) => z.members.some((m) => m.region === def.id)) : [];
  const show = (unit: RegionUnit, v: number) =>
    Number.isFinite(v) ? t(`app.unit.${unit}`, { n: unit === 'share' ? v * 100 : v }) : t('app.inspector.unknown');

  return (
    <section className="inspector" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sr-only">
        {t('app.inspector.title')}
      </h2>
      <label className="field">
        {t('app.inspector.region')}
        <select value={props.selected ?? ''} onChange={(e) => props.onSelect(e.target.value)}>
          <option value="" disabled>
            {t('app.inspector.choose')}
          </option>
          {REGION_IDS.map((r) => (
            <option key={r} value={r}>
              {regionName(r)}
            </option>
          ))}
        </select>
      </label>
      {!region || !def ? (
        <p className="empty">{t('app.inspector.none')}</p>
      ) : (
        <>
          <h3 className="inspector-name">
            {regionName(def.id)} <span className="muted">({def.id})</span>
          </h3>
          <p className="inspector-facts">
            {t('app.inspector.facts', {
              capital: def.capital,
              terrain: `@app.terrain.${def.terrain}`,
              population: def.population,
              poverty: def.povertyPct,
            })}
          </p>
          <p className="inspector-facts">
            {t('app.inspector.facts2', { alkaloid: def.alkaloidPct, yield: def.yieldTPerHaYear, airstrips: def.airstrips })}{' '}
            {t(`app.control.${region.control}`)}
          </p>
          {zones.length ? (
            <p className="inspector-facts">{t('app.inspector.zones', { zones: zones.map((z) => t(`app.zone.${z.id}`)).join(', ') })}</p>
          ) : null}
          {REGION_FIGURE_GROUPS.map((g) => (
            <table className="table inspector-table" key={g}>
              <caption>{t(`app.inspector.group.${g}`)}</caption>
              <tbody>
                {rows
                  .filter((r) => r.def.group === g)
                  .map((r) => (
                    <tr key={r.def.id}>
                      <th scope="row">{t(`app.regionFigure.${r.def.id}`)}</th>
                      <td className="num">{show(r.def.unit, r.value)}</td>
                      <td className="num">
                        <Change value={r.change === null ? null : r.def.unit === 'share' ? r.change * 100 : r.change} tone="neutral" />
                      </td>
                      <td className="trend">
                        <Sparkline values={r.series} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ))}
          <p className="field-help">{t('app.inspector.trendHelp')}</p>
        </>
      )}
    </section>
  );
}
