/** The right-hand panel: region inspector, charts and event log, as tabs. */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { viewFor, type GameEvent, type GameState, type Side } from '../app-state/engine';
import { ChartsPanel } from '../charts/ChartsPanel';
import { EventLog } from './EventLog';
import { RegionInspector } from './RegionInspector';

const TABS = ['region', 'charts', 'log'] as const;
type Tab = (typeof TABS)[number];

export function SidePanel(props: {
  /** The state shown, as the viewer may see it; null hides everything (the hand-over). */
  view: GameState | null;
  viewer: Side | 'facilitator';
  /** The true states after each turn up to the one shown (index 0: the start), for trends. */
  states: readonly GameState[] | null;
  /** The events up to the turn shown, for the event log. */
  events: readonly GameEvent[];
  /** The turn just resolved (or shown in a replay), 0 before the first. */
  resolvedTurn: number;
  /** In the replay viewer, the event log follows the turn shown. */
  followTurn?: number;
  selected: string | null;
  onSelect: (id: string) => void;
}): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [tab, setTab] = useState<Tab>('region');
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const { view, viewer, states } = props;

  // Selecting a region (on the board, in the log) shows it in the inspector.
  useEffect(() => {
    if (props.selected) setTab('region');
  }, [props.selected]);
  // After a turn is resolved, with no region chosen, the charts are the most useful view.
  const resolved = props.resolvedTurn;
  const hasSelection = Boolean(props.selected);
  useEffect(() => {
    if (resolved > 0 && !hasSelection) setTab('charts');
  }, [resolved, hasSelection]);

  const snapshots = useMemo(
    () => (states && states.length > 0 ? states.map((s) => viewFor(s, viewer)) : view ? [view] : []),
    [states, viewer, view],
  );

  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const j = (i + d + TABS.length) % TABS.length;
    setTab(TABS[j] ?? 'region');
    tabRefs.current[j]?.focus();
  };

  return (
    <section className="panel side-panel" aria-label={t('app.area.side')}>
      <div role="tablist" aria-label={t('app.tabs.label')} className="tabs">
        {TABS.map((x, i) => (
          <button
            key={x}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${x}`}
            aria-selected={tab === x}
            aria-controls={`${id}-panel-${x}`}
            tabIndex={tab === x ? 0 : -1}
            className="tab"
            onClick={() => setTab(x)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t(`app.tabs.${x}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel-${tab}`} aria-labelledby={`${id}-tab-${tab}`} className="tabpanel" tabIndex={0}>
        {!view ? (
          <p className="empty">{t('app.tabs.hidden')}</p>
        ) : tab === 'region' ? (
          <RegionInspector game={view} snapshots={snapshots} selected={props.selected} onSelect={props.onSelect} />
        ) : tab === 'charts' ? (
          <ChartsPanel history={view.history} />
        ) : (
          <EventLog
            events={props.events}
            onSelectRegion={props.onSelect}
            {...(props.followTurn !== undefined ? { followTurn: props.followTurn } : {})}
          />
        )}
      </div>
    </section>
  );
}
