/** One planning row: a slider and a number (with unit), a choice, a checkbox, or a move. */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ORDER_SPECS, lastsOf, regionName, type EradicationReach, type RadarPurchase } from '../app-state/engine';
import { currentAmount, isAction, isChanged, isChoice, isMove, rowValue, type OrderOption } from '../app-state/drafts';
import type { DraftValue } from '../app-state/types';
import { stepFor } from '../view-model/planning';
import { amountText } from '../../report/describe';

/** A number input that lets the user type freely and reports only numbers. */
function NumberField(props: {
  value: number;
  min: number;
  max: number;
  step: number;
  label: string;
  onChange: (n: number) => void;
  invalid: boolean;
}): ReactNode {
  const [text, setText] = useState(String(props.value));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(String(props.value));
  }, [props.value, focused]);
  return (
    <input
      type="number"
      className="num"
      inputMode="decimal"
      min={props.min}
      max={props.max}
      step={props.step}
      value={text}
      aria-label={props.label}
      aria-invalid={props.invalid || undefined}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        setText(String(props.value));
      }}
      onChange={(e) => {
        setText(e.target.value);
        const n = e.target.value.trim() === '' ? Number.NaN : Number(e.target.value);
        if (Number.isFinite(n)) props.onChange(n);
      }}
    />
  );
}

export function OrderRow(props: {
  option: OrderOption;
  value: DraftValue | undefined;
  /** What the row is called: the region (activity view) or the activity (region view). */
  label: string;
  /** The full name for assistive technology: activity and target. */
  fullLabel: string;
  /** For eradication: what the order can achieve this quarter and what limits it (the engine's rule). */
  reach?: EradicationReach | undefined;
  /** For radar: the coverage now, on order and bought, and the quarter it comes online (the engine's rule). */
  radar?: { buy: RadarPurchase; when: string } | undefined;
  onChange: (v: DraftValue) => void;
}): ReactNode {
  const { t, fmt } = useI18n();
  const id = useId();
  const o = props.option;
  const spec = ORDER_SPECS[o.kind];
  const r = rowValue(o, props.value);
  const changed = isChanged(o, props.value);
  const unitText = (n: number) => amountText(t, spec.unit, n);
  const costText = (musd: number) =>
    musd >= 0.1
      ? t('app.plan.costPer', { cost: fmt(musd, { maximumFractionDigits: 2 }) })
      : t('app.plan.costPerUsd', { usd: Math.round(musd * 1e6) });
  const lasts = lastsOf(o.kind);
  // One-quarter orders and purchases have no level in force to show.
  const noNow = lasts === 'quarter' || lasts === 'bought';
  const pct = (share: number) => `${fmt(Math.round(share * 100))} %`;
  const outOfRange = !isChoice(o) && !isAction(o) && (r.amount < o.min || r.amount > o.max);

  if (isAction(o)) {
    const done = o.max <= 0 || currentAmount(o) >= 1;
    return (
      <div className={`order-row order-action${changed ? ' changed' : ''}`}>
        <label className="check">
          <input
            type="checkbox"
            checked={done || r.amount >= 1}
            disabled={done}
            onChange={(e) => props.onChange({ amount: e.target.checked ? 1 : 0 })}
          />
          {props.label}
        </label>
        {done ? <span className="row-hint">{t('app.plan.alreadyDone')}</span> : null}
      </div>
    );
  }

  if (isChoice(o)) {
    return (
      <div className={`order-row order-choice${changed ? ' changed' : ''}`}>
        <label htmlFor={`${id}-c`} className="row-label">
          {props.label}
        </label>
        <select id={`${id}-c`} value={r.choice} aria-label={props.fullLabel} onChange={(e) => props.onChange({ choice: e.target.value })}>
          {(o.choices ?? []).map((c) => (
            <option key={c} value={c}>
              {t(`orders.choice.${o.kind}.${c}`)}
            </option>
          ))}
        </select>
      </div>
    );
  }

  const step = stepFor(o);
  const sliderMax = Math.max(o.max, o.min);
  return (
    <div className={`order-row${changed ? ' changed' : ''}${outOfRange ? ' invalid' : ''}`}>
      <div className="row-head">
        <span className="row-label" id={`${id}-l`}>
          {props.label}
        </span>
        <span className="row-hint">
          {isMove(o) || noNow ? null : t('app.plan.now', { value: unitText(currentAmount(o)) })}
          {o.costPerUnitMusd > 0 && spec.unit !== 'musd' ? `${noNow ? '' : ' · '}${costText(o.costPerUnitMusd)}` : ''}
          <span className={`lasts lasts-${lasts}`}>
            {isMove(o) || (noNow && !(o.costPerUnitMusd > 0 && spec.unit !== 'musd')) ? '' : ' · '}
            {t(`plan.lasts.${lasts}`)}
          </span>
        </span>
      </div>
      {isMove(o) ? (
        <div className="row-move">
          <label htmlFor={`${id}-to`}>{t('app.plan.to')}</label>
          <select
            id={`${id}-to`}
            value={r.to}
            aria-label={t('app.plan.destinationFor', { order: props.fullLabel })}
            onChange={(e) => props.onChange({ to: e.target.value })}
          >
            {(o.to ?? []).map((d) => (
              <option key={d} value={d}>
                {regionName(d)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="row-inputs">
        <input
          type="range"
          min={o.min}
          max={sliderMax}
          step={step}
          value={Math.min(sliderMax, Math.max(o.min, r.amount))}
          aria-label={props.fullLabel}
          aria-valuetext={unitText(r.amount)}
          disabled={sliderMax <= o.min}
          onChange={(e) => props.onChange({ amount: Number(e.target.value) })}
        />
        <NumberField
          value={r.amount}
          min={o.min}
          max={sliderMax}
          step={step}
          label={props.fullLabel}
          invalid={outOfRange}
          onChange={(n) => props.onChange({ amount: n })}
        />
        <span className="unit" aria-hidden="true">
          {t(`app.unitShort.${spec.unit}`)}
        </span>
      </div>
      {props.reach && props.reach.orderedHa > 0 ? (
        <p className={`row-reach reach-${props.reach.limit}`} role="status">
          {t(`plan.reach.${props.reach.limit}`, {
            low: unitText(Math.floor(props.reach.lowHa)),
            high: unitText(Math.floor(props.reach.reachHa)),
            police: props.reach.police,
            cap: unitText(Math.floor(props.reach.escortCapHa)),
            standing: unitText(Math.floor(props.reach.standingHa)),
            teamsMax: unitText(props.reach.teamsMaxHa),
          })}{' '}
          {t('plan.reach.paid')}
        </p>
      ) : null}
      {props.radar && props.radar.buy.addedCoverage > 0 ? (
        <p className="row-reach reach-none" role="status">
          {t(props.radar.buy.pendingCoverage > 0 ? 'plan.radar.withPending' : 'plan.radar.now', {
            now: pct(props.radar.buy.coverage),
            pending: pct(props.radar.buy.pendingCoverage),
            added: pct(props.radar.buy.addedCoverage),
            after: pct(props.radar.buy.afterCoverage),
            when: props.radar.when,
          })}{' '}
          {t(
            props.radar.buy.coverage + props.radar.buy.pendingCoverage + props.radar.buy.addedCoverage > 1
              ? 'plan.radar.full'
              : 'plan.radar.paid',
          )}
        </p>
      ) : null}
      {changed && lasts === 'standing' && o.kind === 'buildLabs' ? (
        <p className="row-note">
          {t('plan.row.labs', { value: unitText(currentAmount(o)), cost: fmt(o.costPerUnitMusd, { maximumFractionDigits: 2 }) })}
        </p>
      ) : null}
      {changed && lasts === 'standing' && spec.unit === 'musd' ? (
        <p className="row-note">{t('plan.row.upkeep', { value: unitText(currentAmount(o)) })}</p>
      ) : null}
      {outOfRange ? <p className="row-error">{t('app.plan.range', { min: unitText(o.min), max: unitText(sliderMax) })}</p> : null}
    </div>
  );
}
