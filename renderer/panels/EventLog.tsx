/** Every event of the game so far, newest turn first, filterable by type, region, side and turn. */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { REGION_IDS, SIDES, regionName, type GameEvent, type Side } from '../app-state/engine';
import { EVENT_CATEGORIES, filterEntries, logEntries, type EventCategory, type EventFilter } from '../../report/event-log';

const PAGE = 150;

export function EventLog(props: {
  events: readonly GameEvent[];
  onSelectRegion: (id: string) => void;
  /** Show this turn's events (the replay viewer's turn); the filter can still be changed. */
  followTurn?: number;
}): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const { followTurn } = props;
  const [filter, setFilter] = useState<EventFilter>({ category: 'all', region: 'all', side: 'all', turn: followTurn ? followTurn : 'all' });
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => {
    if (followTurn === undefined) return;
    setFilter((f) => ({ ...f, turn: followTurn > 0 ? followTurn : 'all' }));
    setLimit(PAGE);
  }, [followTurn]);
  const turns = useMemo(() => [...new Set(props.events.map((e) => e.turn))].sort((a, b) => b - a), [props.events]);
  const entries = useMemo(() => logEntries(props.events, regionName), [props.events]);
  const shown = useMemo(() => {
    const list = filterEntries(entries, filter);
    // Newest turn first, the engine's order within a turn.
    return list
      .map((e, i) => ({ e, i }))
      .sort((a, b) => b.e.turn - a.e.turn || a.i - b.i)
      .map((x) => x.e);
  }, [entries, filter]);
  const set = (patch: Partial<EventFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setLimit(PAGE);
  };

  return (
    <section className="event-log" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sr-only">
        {t('app.log.title')}
      </h2>
      <div className="filters">
        <label>
          {t('app.log.type')}
          <select value={filter.category} onChange={(e) => set({ category: e.target.value as EventCategory | 'all' })}>
            <option value="all">{t('app.log.all')}</option>
            {EVENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`app.log.category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app.log.region')}
          <select value={filter.region} onChange={(e) => set({ region: e.target.value })}>
            <option value="all">{t('app.log.all')}</option>
            {REGION_IDS.map((r) => (
              <option key={r} value={r}>
                {regionName(r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app.log.side')}
          <select value={filter.side} onChange={(e) => set({ side: e.target.value as Side | 'all' })}>
            <option value="all">{t('app.log.all')}</option>
            {SIDES.map((s) => (
              <option key={s} value={s}>
                {t(`app.side.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app.log.turn')}
          <select value={String(filter.turn)} onChange={(e) => set({ turn: e.target.value === 'all' ? 'all' : Number(e.target.value) })}>
            <option value="all">{t('app.log.all')}</option>
            {turns.map((n) => (
              <option key={n} value={n}>
                {t('app.log.turnN', { n })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="log-count" aria-live="polite">
        {t('app.log.count', { n: shown.length, total: entries.length })}
      </p>
      {shown.length === 0 ? (
        <p className="empty">{t('app.log.empty')}</p>
      ) : (
        <ol className="log-list">
          {shown.slice(0, limit).map((e, i) => {
            const region = e.region;
            return (
              <li key={i} className={`log-item cat-${e.category}`}>
                <span className="log-turn">{t('app.log.turnShort', { n: e.turn })}</span>
                <span className="log-text">{t(e.key, e.values)}</span>
                {region ? (
                  <button
                    type="button"
                    className="btn btn-link"
                    onClick={() => props.onSelectRegion(region)}
                    aria-label={t('app.log.showRegion', { region: regionName(region) })}
                  >
                    ⌖
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {shown.length > limit ? (
        <button type="button" className="btn" onClick={() => setLimit((l) => l + PAGE)}>
          {t('app.log.more', { n: shown.length - limit })}
        </button>
      ) : null}
    </section>
  );
}
