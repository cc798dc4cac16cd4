/** The right-hand panel: region inspector, charts and event log, as tabs. */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { viewFor, type GameState, type Side } from '../app-state/engine';
import type { Session } from '../app-state/types';
import { ChartsPanel } from '../charts/ChartsPanel';
import { EventLog } from './EventLog';
import { RegionInspector } from './RegionInspector';

const TABS = ['region', 'charts', 'log'] as const;
type Tab = (typeof TABS)[number];

export function SidePanel(props: {
  view: GameState | null;
  viewer: Side | 'facilitator';
  session: Session | null;
  selected: string | null;
  onSelect: (id: string) => void;
}): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [tab, setTab] = useState<Tab>('region');
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const { view, viewer, session } = props;

  // Selecting a region (on the board, in the log) shows it in the inspector.
  useEffect(() => {
    if (props.selected) setTab('region');
  }, [props.selected]);
  // After a turn is resolved, with no region chosen, the charts are the most useful view.
  const resolved = session?.last?.turn ?? 0;
  const hasSelection = Boolean(props.selected);
  useEffect(() => {
    if (resolved > 0 && !hasSelection) setTab('charts');
  }, [resolved, hasSelection]);

  const snapshots = useMemo(
    () => (session ? session.snapshots.map((s) => viewFor(s, viewer)) : view ? [view] : []),
    [session, viewer, view],
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
            ref={(el) => { tabRefs.current[i] = el; }}
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
        {!view ? <p className="empty">{t('app.tabs.hidden')}</p>
          : tab === 'region' ? <RegionInspector game={view} snapshots={snapshots} selected={props.selected} onSelect={props.onSelect} />
            : tab === 'charts' ? <ChartsPanel history={view.history} />
              : <EventLog events={session?.events ?? []} onSelectRegion={props.onSelect} />}
      </div>
    </section>
  );
}
