/**
 * A side's planning panel, built from `legalOrders(state, side)`: rows grouped by activity or by
 * region, the budget bar, a line on what each activity does, validation problems in plain words,
 * notes, and a summary to confirm before committing. Only the planning side's draft is rendered.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import {
  REGION_IDS,
  budgetUse,
  legalOrders,
  previewOrders,
  regionName,
  validateOrders,
  type GameState,
  type Side,
} from '../app-state/engine';
import { draftToOrders, emptyDraft, isChanged, optionKey, type OrderOption } from '../app-state/drafts';
import type { Draft, DraftValue } from '../app-state/types';
import { groupByActivity, groupByRegion, summarise } from '../view-model/planning';
import { problemText } from '../../report/problems';
import { OrderRow } from './OrderRow';
import { BudgetBar } from './BudgetBar';
import { SummaryList, targetName } from './SummaryList';
import { Modal } from '../dialogs/Modal';
import { dateOfTurn } from '../app-state/screen';

type Grouping = 'activity' | 'region';

export function PlanningPanel(props: {
  game: GameState;
  side: Side;
  draft: Draft | undefined;
  canUndo: boolean;
  canRedo: boolean;
  selectedRegion: string | null;
  turnLabel: string;
  onSet: (key: string, value: DraftValue) => void;
  onNote: (note: string) => void;
  onUndo: () => void;
  onRedo: () => void;
  onReset: () => void;
  onCommit: () => void;
  onSelectRegion: (id: string) => void;
  /** The advisor ("What would the computer do?"), shown under the budget. */
  advisor?: ReactNode;
}): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const { game, side } = props;
  const draft = props.draft ?? emptyDraft();
  const [grouping, setGrouping] = useState<Grouping>('activity');
  const [onlySelected, setOnlySelected] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const options = useMemo(() => legalOrders(game, side), [game, side]);
  const sideOrders = useMemo(() => draftToOrders(side, options, draft), [side, options, draft]);
  const uses = useMemo(() => budgetUse(game, sideOrders), [game, sideOrders]);
  const problems = useMemo(() => validateOrders(game, sideOrders), [game, sideOrders]);
  const preview = useMemo(() => previewOrders(game, sideOrders), [game, sideOrders]);
  const summary = useMemo(() => summarise(options, draft, preview), [options, draft, preview]);

  const visible = onlySelected && props.selectedRegion ? options.filter((o) => !o.region || o.region === props.selectedRegion) : options;
  const groups = grouping === 'activity' ? groupByActivity(side, visible, REGION_IDS) : groupByRegion(side, visible, REGION_IDS);
  const changedIn = (opts: OrderOption[]) => opts.filter((o) => isChanged(o, draft.values[optionKey(o)])).length;

  return (
    <section className={`panel planning side-${side}`} aria-labelledby={`${id}-title`}>
      <header className="panel-head">
        <h2 id={`${id}-title`}>{t('app.plan.title', { side: `@app.side.${side}` })}</h2>
        <p className="panel-sub">{props.turnLabel}</p>
      </header>
      <BudgetBar uses={uses} />
      {props.advisor ?? null}
      <div className="plan-toolbar" role="toolbar" aria-label={t('app.plan.tools')}>
        <div role="radiogroup" aria-label={t('app.plan.groupBy')} className="segmented">
          {(['activity', 'region'] as const).map((g) => (
            <label key={g} className={grouping === g ? 'on' : undefined}>
              <input type="radio" name={`${id}-group`} checked={grouping === g} onChange={() => setGrouping(g)} />
              {t(`app.plan.by.${g}`)}
            </label>
          ))}
        </div>
        <label className="check">
          <input type="checkbox" checked={onlySelected} onChange={(e) => setOnlySelected(e.target.checked)} />
          {props.selectedRegion ? t('app.plan.onlyRegion', { region: regionName(props.selectedRegion) }) : t('app.plan.onlySelected')}
        </label>
        <span className="toolbar-buttons">
          <button type="button" className="btn btn-small" onClick={props.onUndo} disabled={!props.canUndo}>
            {t('app.action.undo')}
          </button>
          <button type="button" className="btn btn-small" onClick={props.onRedo} disabled={!props.canRedo}>
            {t('app.action.redo')}
          </button>
          <button type="button" className="btn btn-small" onClick={props.onReset} disabled={summary.length === 0}>
            {t('app.plan.reset')}
          </button>
        </span>
      </div>
      <div className="plan-groups">
        {groups.map((g) => {
          const n = changedIn(g.options);
          const title = grouping === 'activity' ? t(`orders.${g.id}.label`) : g.id === 'national' ? t('app.national') : regionName(g.id);
          return (
            <details
              key={g.id}
              className="plan-group"
              open={grouping === 'region' ? g.id === props.selectedRegion || g.id === 'national' : undefined}
              onToggle={(e) => {
                // Opening a region's orders shows that region on the map and in the inspector.
                if (grouping === 'region' && g.id !== 'national' && e.currentTarget.open && g.id !== props.selectedRegion)
                  props.onSelectRegion(g.id);
              }}
            >
              <summary>
                <span className="group-title">{title}</span>
                {n > 0 ? <span className="badge">{t('app.plan.changedCount', { n })}</span> : null}
              </summary>
              {grouping === 'activity' ? <p className="explain">{t(`orders.${g.id}.help`)}</p> : null}
              {g.options.map((o, k) => {
                const activity = t(`orders.${o.kind}.label`);
                const target = targetName(o, t);
                const full = o.region || o.exit ? t('app.plan.rowName', { activity, target }) : activity;
                const bought = o.kind === 'radar' && o.region ? preview.radar.get(o.region) : undefined;
                // Rows at ports and border crossings name their exit; a kind's help is said once per group.
                const firstOfKind = k === 0 || g.options[k - 1]!.kind !== o.kind;
                return (
                  <div key={optionKey(o)} className="row-wrap">
                    {grouping === 'region' && firstOfKind ? <p className="explain explain-small">{t(`orders.${o.kind}.help`)}</p> : null}
                    <OrderRow
                      option={o}
                      value={draft.values[optionKey(o)]}
                      label={grouping === 'activity' ? (o.region || o.exit ? target : activity) : o.exit ? full : activity}
                      fullLabel={full}
                      reach={o.kind === 'eradicate' && o.region ? preview.eradication.get(o.region) : undefined}
                      radar={
                        bought
                          ? {
                              buy: bought,
                              when: t('app.time.quarter', {
                                year: String(dateOfTurn(game, bought.readyTurn).year),
                                q: dateOfTurn(game, bought.readyTurn).quarter,
                              }),
                            }
                          : undefined
                      }
                      onChange={(v) => props.onSet(optionKey(o), v)}
                    />
                  </div>
                );
              })}
            </details>
          );
        })}
        {groups.length === 0 ? <p className="empty">{t('app.plan.nothingHere')}</p> : null}
      </div>
      <div className="field notes">
        <label htmlFor={`${id}-note`}>{t('app.plan.notes')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={draft.note}
          onChange={(e) => props.onNote(e.target.value)}
          placeholder={t('app.plan.notesPlaceholder')}
        />
      </div>
      {problems.length > 0 ? (
        <div className="problems">
          <h3>{t('app.plan.problems', { n: problems.length })}</h3>
          <ul>
            {problems.map((p, i) => (
              <li key={i} data-code={p.code}>
                {problemText(t, p)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="plan-summary">
        <h3>{t('app.plan.summary', { n: summary.length })}</h3>
        <SummaryList lines={summary} kept={preview.kept} eradication={preview.eradication} />
      </div>
      <div className="panel-actions">
        <button type="button" className="btn btn-primary btn-large" onClick={() => setConfirming(true)}>
          {t('app.plan.review')}
        </button>
      </div>
      <Modal open={confirming} onClose={() => setConfirming(false)} labelledBy={`${id}-confirm`} className="dialog-confirm">
        <div className="dialog-body">
          <h2 id={`${id}-confirm`}>{t('app.plan.confirmTitle', { side: `@app.side.${side}` })}</h2>
          <SummaryList lines={summary} kept={preview.kept} eradication={preview.eradication} />
          <BudgetBar uses={uses} />
          {draft.note.trim() ? (
            <p className="note-preview">
              <strong>{t('app.plan.notes')}:</strong> {draft.note}
            </p>
          ) : null}
          {problems.length > 0 ? <p className="form-error">{t('app.plan.fixFirst', { n: problems.length })}</p> : null}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('app.plan.keepPlanning')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={problems.length > 0}
              onClick={() => {
                setConfirming(false);
                props.onCommit();
              }}
            >
              {t('app.plan.commit')}
            </button>
          </div>
        </div>
      </Modal>
    </section>
  );
}
