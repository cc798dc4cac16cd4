/**
 * The console's injects: fire one from the scenario's library now, the MSEL with each line's state
 * and its fire / hold / release / cancel, a new line scheduled by turn or by trigger, and an inject
 * written here from the same effect blocks as the library's (checked with the scenario's own schema,
 * problems named in words).
 */
import { useState, type ReactNode } from 'react';
import { useI18n, type TFunction } from '../i18n';
import {
  ADJUST_TARGETS,
  InjectDefSchema,
  MODIFIER_HOOKS,
  REGION_IDS,
  TRIGGER_METRICS,
  regionName,
  type Effect,
  type GameState,
  type InjectDef,
  type MselEntry,
} from '../app-state/engine';
import type { ConsoleSnapshot } from './protocol';
import type { Send } from './ConsoleApp';
import { PendingList } from './ConsoleApp';

export function InjectsTab(props: { snap: ConsoleSnapshot; game: GameState; send: Send }): ReactNode {
  const { snap, game, send } = props;
  const { t } = useI18n();
  return (
    <div className="stack">
      <h2>{t('console.injects.title')}</h2>
      <FireInject game={game} send={send} />
      <PendingList snap={snap} send={send} />
      <MselTable snap={snap} game={game} send={send} />
      <ScheduleForm game={game} send={send} />
      <CustomInject game={game} send={send} />
    </div>
  );
}

function RegionSelect(props: { value: string; onChange: (v: string) => void; label: string; defaultLabel: string }): ReactNode {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.defaultLabel}</option>
        {REGION_IDS.map((r) => (
          <option key={r} value={r}>
            {regionName(r)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Does an inject act on a region (so the facilitator may say where)? */
const regional = (def: InjectDef): boolean =>
  def.defaultRegion !== null ||
  def.effects.some(
    (e) =>
      (e.kind === 'adjust' && e.target.startsWith('region.') && e.where !== 'every-region') ||
      (e.kind === 'modifier' && e.where === 'region') ||
      e.kind === 'installationAttack' ||
      e.kind === 'clanBossArrested' ||
      e.kind === 'leaderLost' ||
      e.kind === 'civilianAircraftShotDown',
  );

function FireInject(props: { game: GameState; send: Send }): ReactNode {
  const { t, lang } = useI18n();
  const lib = props.game.scenario.injectLibrary;
  const [id, setId] = useState(lib[0]?.id ?? '');
  const [region, setRegion] = useState('');
  const def = lib.find((d) => d.id === id);
  return (
    <section aria-labelledby="fire-h" className="console-card">
      <h3 id="fire-h">{t('console.injects.fireTitle')}</h3>
      <form
        className="console-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!def) return;
          props.send({ type: 'fireInject', inject: region && regional(def) ? { id: def.id, region } : { id: def.id } });
        }}
      >
        <label>
          {t('console.injects.library')}
          <select
            value={id}
            onChange={(e) => {
              setId(e.target.value);
              setRegion('');
            }}
          >
            {lib.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title[lang]}
              </option>
            ))}
          </select>
        </label>
        {def && regional(def) ? (
          <RegionSelect
            value={region}
            onChange={setRegion}
            label={t('console.region')}
            defaultLabel={
              def.defaultRegion
                ? t('console.injects.defaultRegion', { region: regionName(def.defaultRegion) })
                : t('console.injects.nowhere')
            }
          />
        ) : null}
        {def ? <p className="console-brief wide">{def.brief[lang]}</p> : null}
        <button type="submit" className="btn btn-primary">
          {t('console.injects.fire')}
        </button>
      </form>
      <p className="hint">{t('console.injects.fireHint')}</p>
    </section>
  );
}

function whenText(t: TFunction, e: MselEntry): string {
  const w = e.when;
  if ('turn' in w) return t('console.msel.onTurn', { turn: w.turn });
  const metric = `@console.metric.${w.metric}`;
  return w.above !== undefined
    ? t('console.msel.above', { metric, value: w.above, after: w.after ?? 1 })
    : t('console.msel.below', { metric, value: w.below ?? 0, after: w.after ?? 1 });
}

function MselTable(props: { snap: ConsoleSnapshot; game: GameState; send: Send }): ReactNode {
  const { t, lang } = useI18n();
  const { game, send, snap } = props;
  const lines = game.national.msel;
  return (
    <section aria-labelledby="msel-h" className="console-card">
      <h3 id="msel-h">{t('console.msel.title')}</h3>
      <p className="hint">{t('console.msel.intro')}</p>
      <table className="console-table">
        <thead>
          <tr>
            <th scope="col">{t('console.msel.line')}</th>
            <th scope="col">{t('console.msel.inject')}</th>
            <th scope="col">{t('console.msel.when')}</th>
            <th scope="col">{t('console.msel.status')}</th>
            <th scope="col">{t('console.msel.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => {
            const entry = l.entry ?? game.scenario.msel.find((m) => m.id === l.id);
            const def = entry ? game.scenario.injectLibrary.find((d) => d.id === entry.inject.id) : undefined;
            const queued = snap.pending.msel.find((m) => m.entry === l.id);
            const open = l.status === 'pending' || l.status === 'held';
            return (
              <tr key={l.id}>
                <th scope="row">{l.id}</th>
                <td>
                  {def?.title[lang] ?? entry?.inject.id}
                  {entry?.inject.region ? ` (${regionName(entry.inject.region)})` : ''}
                </td>
                <td>{entry ? whenText(t, entry) : ''}</td>
                <td>
                  {l.status === 'fired' ? t('console.msel.firedOn', { turn: l.firedTurn ?? 0 }) : t(`console.msel.state.${l.status}`)}
                  {queued ? (
                    <span className="tag">{t('console.msel.queued', { action: `@events.mselAction.${queued.action}` })}</span>
                  ) : null}
                </td>
                <td className="actions">
                  {(['fire', 'hold', 'release', 'cancel'] as const).map((action) => (
                    <button
                      key={action}
                      type="button"
                      className="btn btn-small"
                      disabled={!open || (action === 'hold' && l.status === 'held') || (action === 'release' && l.status !== 'held')}
                      aria-label={t('console.msel.actionOn', { action: `@console.msel.do.${action}`, line: l.id })}
                      onClick={() => send({ type: 'msel', action: { entry: l.id, action } })}
                    >
                      {t(`console.msel.do.${action}`)}
                    </button>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function ScheduleForm(props: { game: GameState; send: Send }): ReactNode {
  const { t, lang } = useI18n();
  const { game } = props;
  const lib = game.scenario.injectLibrary;
  const [inject, setInject] = useState(lib[0]?.id ?? '');
  const [region, setRegion] = useState('');
  const [kind, setKind] = useState<'turn' | 'trigger'>('trigger');
  const [turn, setTurn] = useState(String(game.turn + 2));
  const [metric, setMetric] = useState<(typeof TRIGGER_METRICS)[number]>('narcoFlights');
  const [dir, setDir] = useState<'above' | 'below'>('above');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const n = Number(value.replace(',', '.'));
    const tn = Number(turn);
    if (kind === 'trigger' && (value.trim() === '' || !Number.isFinite(n))) return setError(t('console.schedule.errorValue'));
    if (kind === 'turn' && (!Number.isInteger(tn) || tn <= game.turn || tn > game.turnsTotal))
      return setError(t('console.schedule.errorTurn', { from: game.turn + 1, to: game.turnsTotal }));
    let k = game.national.msel.length + 1;
    while (game.national.msel.some((l) => l.id === `facilitator-${k}`)) k += 1;
    const entry: MselEntry = {
      id: `facilitator-${k}`,
      inject: region ? { id: inject, region } : { id: inject },
      when: kind === 'turn' ? { turn: tn } : { metric, ...(dir === 'above' ? { above: n } : { below: n }) },
    };
    setError(null);
    props.send({ type: 'schedule', entry });
  };
  const last = game.history[game.history.length - 1];
  return (
    <section aria-labelledby="schedule-h" className="console-card">
      <h3 id="schedule-h">{t('console.schedule.title')}</h3>
      <form className="console-form" onSubmit={submit} noValidate>
        <label>
          {t('console.injects.library')}
          <select value={inject} onChange={(e) => setInject(e.target.value)}>
            {lib.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title[lang]}
              </option>
            ))}
          </select>
        </label>
        <RegionSelect value={region} onChange={setRegion} label={t('console.region')} defaultLabel={t('console.injects.asDefined')} />
        <fieldset className="wide">
          <legend>{t('console.schedule.when')}</legend>
          <label className="inline">
            <input type="radio" name="when" checked={kind === 'trigger'} onChange={() => setKind('trigger')} />{' '}
            {t('console.schedule.byTrigger')}
          </label>
          <label className="inline">
            <input type="radio" name="when" checked={kind === 'turn'} onChange={() => setKind('turn')} /> {t('console.schedule.byTurn')}
          </label>
        </fieldset>
        {kind === 'turn' ? (
          <label>
            {t('console.schedule.turn')}
            <input inputMode="numeric" value={turn} onChange={(e) => setTurn(e.target.value)} />
          </label>
        ) : (
          <>
            <label>
              {t('console.schedule.metric')}
              <select value={metric} onChange={(e) => setMetric(e.target.value as typeof metric)}>
                {TRIGGER_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {t(`console.metric.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('console.schedule.direction')}
              <select value={dir} onChange={(e) => setDir(e.target.value as 'above' | 'below')}>
                <option value="above">{t('console.schedule.above')}</option>
                <option value="below">{t('console.schedule.below')}</option>
              </select>
            </label>
            <label>
              {t('console.schedule.value')}
              <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
            </label>
            {last ? (
              <p className="hint wide">
                {t('console.schedule.lastValue', { value: Math.round(last[metric] * 1000) / 1000, turn: last.turn })}
              </p>
            ) : null}
          </>
        )}
        {error ? (
          <p role="alert" className="console-error wide">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary">
          {t('console.schedule.submit')}
        </button>
      </form>
      <p className="hint">{t('console.schedule.hint')}</p>
    </section>
  );
}

type EffectKind = 'adjust' | 'modifier' | 'usSuspension' | 'rulesOfEngagement' | 'interdictionLaw' | 'foreignClient';
const EFFECT_KINDS: readonly EffectKind[] = ['adjust', 'modifier', 'usSuspension', 'rulesOfEngagement', 'interdictionLaw', 'foreignClient'];
const ADJUST_IDS = Object.keys(ADJUST_TARGETS) as (keyof typeof ADJUST_TARGETS)[];

interface EffectDraft {
  kind: EffectKind;
  target: keyof typeof ADJUST_TARGETS;
  op: 'set' | 'add' | 'mul';
  hook: (typeof MODIFIER_HOOKS)[number];
  value: string;
  turns: string;
  roe: 'off' | 'track' | 'force-down' | 'shoot-down';
  client: 'sinaloa' | 'urabenos' | 'pcc' | 'zetas' | 'familia';
}

const newEffect = (): EffectDraft => ({
  kind: 'adjust',
  target: 'national.usSupport',
  op: 'add',
  hook: 'leafYield',
  value: '',
  turns: '2',
  roe: 'shoot-down',
  client: 'pcc',
});

function toEffect(d: EffectDraft): Effect {
  const v = Number(d.value.replace(',', '.'));
  switch (d.kind) {
    case 'adjust':
      return {
        kind: 'adjust',
        target: d.target,
        op: d.op,
        value: v,
        ...(d.target.startsWith('region.') ? { where: 'region' as const } : {}),
      };
    case 'modifier':
      return { kind: 'modifier', hook: d.hook, op: d.op === 'add' ? 'add' : 'mul', value: v, turns: Number(d.turns), where: 'national' };
    case 'usSuspension':
      return { kind: 'usSuspension', turns: Number(d.turns) };
    case 'rulesOfEngagement':
      return { kind: 'rulesOfEngagement', value: d.roe };
    case 'interdictionLaw':
      return { kind: 'interdictionLaw' };
    case 'foreignClient':
      return { kind: 'foreignClient', client: d.client };
  }
}

/** A schema problem in the facilitator's words: which field, what is wrong with it. */
function problemText(t: TFunction, path: readonly PropertyKey[], code: string): string {
  const [head, i, field] = path.map(String);
  let where: string;
  if (head === 'title' || head === 'brief') where = t(`console.custom.field.${head}`, { lang: `@app.lang.${i ?? 'en'}` });
  else if (head === 'effects')
    where = t('console.custom.field.effect', {
      n: Number(i ?? 0) + 1,
      field: field ? `@console.custom.part.${field}` : '@console.custom.part.kind',
    });
  else where = t('console.custom.field.other', { field: path.join('.') });
  const what =
    code === 'too_small'
      ? '@console.custom.problem.small'
      : code === 'too_big'
        ? '@console.custom.problem.big'
        : code === 'invalid_type'
          ? '@console.custom.problem.number'
          : '@console.custom.problem.invalid';
  return t('console.custom.problem.line', { where, what });
}

function CustomInject(props: { game: GameState; send: Send }): ReactNode {
  const { t } = useI18n();
  const [titleEn, setTitleEn] = useState('');
  const [titleEs, setTitleEs] = useState('');
  const [briefEn, setBriefEn] = useState('');
  const [briefEs, setBriefEs] = useState('');
  const [region, setRegion] = useState('');
  const [effects, setEffects] = useState<EffectDraft[]>([newEffect()]);
  const [errors, setErrors] = useState<string[]>([]);
  const setE = (i: number, patch: Partial<EffectDraft>) => setEffects(effects.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const submit = (ev: React.FormEvent) => {
    ev.preventDefault();
    const problems: string[] = [];
    const slug =
      titleEn
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40) || 'event';
    const def = {
      id: `custom-${slug}`,
      title: { en: titleEn.trim(), es: titleEs.trim() },
      brief: { en: briefEn.trim(), es: briefEs.trim() },
      defaultRegion: region || null,
      effects: effects.map(toEffect),
      sources: ['facilitator'],
    };
    const r = InjectDefSchema.safeParse(def);
    if (!r.success) for (const issue of r.error.issues) problems.push(problemText(t, issue.path, issue.code));
    effects.forEach((e, i) => {
      if (e.kind === 'adjust' && e.target.startsWith('region.') && !region) problems.push(t('console.custom.needsRegion', { n: i + 1 }));
    });
    setErrors([...new Set(problems)]);
    if (problems.length) return;
    props.send({ type: 'fireInject', inject: region ? { custom: def, region } : { custom: def } });
  };
  return (
    <section aria-labelledby="custom-h" className="console-card">
      <h3 id="custom-h">{t('console.custom.title')}</h3>
      <p className="hint">{t('console.custom.intro')}</p>
      <form className="console-form" onSubmit={submit} noValidate>
        <label>
          {t('console.custom.titleEn')}
          <input value={titleEn} maxLength={500} onChange={(e) => setTitleEn(e.target.value)} />
        </label>
        <label>
          {t('console.custom.titleEs')}
          <input value={titleEs} maxLength={500} onChange={(e) => setTitleEs(e.target.value)} />
        </label>
        <label>
          {t('console.custom.briefEn')}
          <textarea rows={2} value={briefEn} maxLength={500} onChange={(e) => setBriefEn(e.target.value)} />
        </label>
        <label>
          {t('console.custom.briefEs')}
          <textarea rows={2} value={briefEs} maxLength={500} onChange={(e) => setBriefEs(e.target.value)} />
        </label>
        <RegionSelect value={region} onChange={setRegion} label={t('console.region')} defaultLabel={t('console.injects.nowhere')} />
        {effects.map((e, i) => (
          <fieldset key={i} className="wide effect">
            <legend>{t('console.custom.effect', { n: i + 1 })}</legend>
            <label>
              {t('console.custom.part.kind')}
              <select value={e.kind} onChange={(x) => setE(i, { kind: x.target.value as EffectKind })}>
                {EFFECT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`console.custom.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            {e.kind === 'adjust' ? (
              <label>
                {t('console.custom.part.target')}
                <select value={e.target} onChange={(x) => setE(i, { target: x.target.value as EffectDraft['target'] })}>
                  {ADJUST_IDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`console.custom.target.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {e.kind === 'modifier' ? (
              <label>
                {t('console.custom.part.hook')}
                <select value={e.hook} onChange={(x) => setE(i, { hook: x.target.value as EffectDraft['hook'] })}>
                  {MODIFIER_HOOKS.map((k) => (
                    <option key={k} value={k}>
                      {t(`console.custom.hook.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {e.kind === 'adjust' || e.kind === 'modifier' ? (
              <>
                <label>
                  {t('console.custom.part.op')}
                  <select value={e.op} onChange={(x) => setE(i, { op: x.target.value as EffectDraft['op'] })}>
                    {(e.kind === 'adjust' ? (['set', 'add', 'mul'] as const) : (['add', 'mul'] as const)).map((k) => (
                      <option key={k} value={k}>
                        {t(`console.custom.op.${k}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('console.custom.part.value')}
                  <input inputMode="decimal" value={e.value} onChange={(x) => setE(i, { value: x.target.value })} />
                </label>
              </>
            ) : null}
            {e.kind === 'modifier' || e.kind === 'usSuspension' ? (
              <label>
                {t('console.custom.part.turns')}
                <input inputMode="numeric" value={e.turns} onChange={(x) => setE(i, { turns: x.target.value })} />
              </label>
            ) : null}
            {e.kind === 'rulesOfEngagement' ? (
              <label>
                {t('console.custom.part.roe')}
                <select value={e.roe} onChange={(x) => setE(i, { roe: x.target.value as EffectDraft['roe'] })}>
                  {(['off', 'track', 'force-down', 'shoot-down'] as const).map((k) => (
                    <option key={k} value={k}>
                      {t(`console.custom.roe.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {e.kind === 'foreignClient' ? (
              <label>
                {t('console.custom.part.client')}
                <select value={e.client} onChange={(x) => setE(i, { client: x.target.value as EffectDraft['client'] })}>
                  {(['sinaloa', 'urabenos', 'pcc', 'zetas', 'familia'] as const).map((k) => (
                    <option key={k} value={k}>
                      {t(`console.custom.client.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {effects.length > 1 ? (
              <button type="button" className="btn btn-small" onClick={() => setEffects(effects.filter((_, j) => j !== i))}>
                {t('console.custom.removeEffect', { n: i + 1 })}
              </button>
            ) : null}
          </fieldset>
        ))}
        <div className="row wide">
          <button type="button" className="btn" disabled={effects.length >= 20} onClick={() => setEffects([...effects, newEffect()])}>
            {t('console.custom.addEffect')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('console.custom.fire')}
          </button>
        </div>
        {errors.length ? (
          <div role="alert" className="console-error wide">
            <p>{t('console.custom.errors', { count: errors.length })}</p>
            <ul>
              {errors.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </form>
    </section>
  );
}
