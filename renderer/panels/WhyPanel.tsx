/**
 * Why the turn's figures changed (issue 10): coca broken down into its causes, violence into its
 * incidents, the scenario's events of the quarter, and the State's programmes with what each
 * waits on. Plain data from report/why.ts; this component only words and lays it out.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { regionName, type GameEvent, type GameState } from '../app-state/engine';
import { cocaWhy, priceWhy, programmesStatus, turnInjects, violenceWhy } from '../../report/why';
import { amountText } from '../../report/describe';
import { targetName } from './SummaryList';

export function WhyPanel(props: { game: GameState; events: readonly GameEvent[] }): ReactNode {
  const { t, fmt, lang } = useI18n();
  const { game, events } = props;
  const ha = (n: number) => t('app.unit.ha', { n: Math.round(n) });
  const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${ha(Math.abs(n))}`;
  const prev = game.history.length > 1 ? game.history[game.history.length - 2]!.cocaHa : game.national.ref.cocaHa;
  const coca = cocaWhy(game, prev);
  const violence = violenceWhy(events);
  const killed = violence.parts.reduce((a, p) => a + p.killed, 0);
  const injects = turnInjects(events);
  const st = programmesStatus(game);
  const price = priceWhy(game.history);
  const money = (n: number) => t('app.unit.usdPerKg', { n: Math.round(n * 100) / 100 });
  const driverText = (unit: 'usdPerKg' | 'pct' | 'index', n: number) =>
    unit === 'usdPerKg'
      ? money(n)
      : unit === 'pct'
        ? t('app.unit.pct', { n: Math.round(n * 10) / 10 })
        : t('why.price.index', { n: Math.round(n) });
  const list = (xs: { region: string; ha: number }[]) => xs.map((x) => `${regionName(x.region)} ${ha(x.ha)}`).join(', ');
  const waitValues = (v: Record<string, string | number>) => {
    const out: Record<string, string | number> = { ...v };
    if (typeof v.region === 'string') out.region = regionName(v.region);
    if (typeof v.regions === 'string') out.regions = v.regions.split(', ').map(regionName).join(', ');
    if (typeof v.roe === 'string') out.roe = `@orders.choice.roe.${v.roe}`;
    return out;
  };
  return (
    <section className="why" aria-label={t('why.title')}>
      <h3>{t('why.title')}</h3>
      <details className="why-block why-coca" open>
        <summary>{t('why.coca.title', { before: ha(coca.before), after: ha(coca.after) })}</summary>
        <table className="table why-table">
          <tbody>
            {coca.parts.map((p) => (
              <tr key={p.id} data-part={p.id}>
                <th scope="row">{t(`why.coca.${p.id}`)}</th>
                <td className={`num${p.value > 0 ? ' up' : p.value < 0 ? ' down' : ''}`}>{signed(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {coca.topEradicated.length ? <p className="why-note">{t('why.coca.topEradicated', { list: list(coca.topEradicated) })}</p> : null}
        {coca.topDisplacedIn.length ? <p className="why-note">{t('why.coca.topDisplaced', { list: list(coca.topDisplacedIn) })}</p> : null}
      </details>
      {price ? (
        <details className="why-block why-price">
          <summary>
            {price.leaf.before === null
              ? t('why.price.titleNow', { after: money(price.leaf.after) })
              : t('why.price.title', { before: money(price.leaf.before), after: money(price.leaf.after) })}
          </summary>
          <p className="why-note">{t('why.price.intro')}</p>
          <table className="table why-table">
            <tbody>
              {price.drivers.map((d) => (
                <tr key={d.id} data-driver={d.id}>
                  <th scope="row">{t(`why.price.${d.id}`)}</th>
                  <td className="num">
                    {d.before === null
                      ? t('why.price.rowNow', { after: driverText(d.unit, d.after) })
                      : t('why.price.row', { before: driverText(d.unit, d.before), after: driverText(d.unit, d.after) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      <details className="why-block why-violence">
        <summary>{t('why.violence.title', { n: killed })}</summary>
        {violence.parts.some((p) => p.count > 0) ? (
          <ul className="lines">
            {violence.parts
              .filter((p) => p.count > 0)
              .map((p) => (
                <li key={p.id}>{t(`why.violence.${p.id}`, { count: p.count, killed: p.killed })}</li>
              ))}
          </ul>
        ) : (
          <p className="empty">{t('why.violence.none')}</p>
        )}
      </details>
      {injects.length ? (
        <div className="why-block why-injects">
          <h4>{t('why.injects.title')}</h4>
          <ul className="lines">
            {injects.map((x, i) => (
              <li key={i}>
                {x.region ? t('why.injects.inRegion', { title: x.title[lang], region: regionName(x.region) }) : x.title[lang]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <details className="why-block why-programmes" open>
        <summary>{t('why.programmes.title')}</summary>
        <ul className="lines">
          <li>{t('why.programmes.law', { status: t(`why.programmes.lawStatus.${st.law}`, { turns: st.lawTurnsLeft }) })}</li>
          <li>{t('why.programmes.roe', { roe: `@orders.choice.roe.${st.roe}`, acting: `@orders.choice.roe.${st.roeActing}` })}</li>
          <li>{t('why.programmes.pilots', { pct: st.pilotReadinessPct })}</li>
          <li>
            {st.usSuspendedTurns > 0
              ? t('why.programmes.usSuspended', { turns: st.usSuspendedTurns })
              : t('why.programmes.us', { n: fmt(st.usSupport) })}
          </li>
        </ul>
        <h4>{t('why.programmes.runningTitle', { total: amountText(t, 'musd', Math.round(st.runningMusd * 100) / 100) })}</h4>
        {st.running.length ? (
          <ul className="lines why-running">
            {st.running.map((k) => (
              <li key={`${k.kind}|${k.region ?? k.exit ?? ''}`} data-kind={k.kind}>
                {t('plan.summary.kept', {
                  activity: t(`orders.${k.kind}.label`),
                  target: targetName(k, t),
                  value: amountText(t, 'musd', Math.round(k.upkeepMusd * 100) / 100),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('why.programmes.noneRunning')}</p>
        )}
        <h4>{t('why.programmes.waitsTitle')}</h4>
        {st.waits.length ? (
          <ul className="lines why-waits">
            {st.waits.map((w, i) => (
              <li key={i}>{t(`why.programmes.wait.${w.key}`, waitValues(w.values))}</li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('why.programmes.nothingWaits')}</p>
        )}
        <h4>{t('why.programmes.radarTitle')}</h4>
        <ul className="lines why-radar">
          {st.radar.slice(0, 10).map((r) => (
            <li key={r.region}>
              {t('why.programmes.radarRow', { region: regionName(r.region), pct: r.coveragePct, airstrips: r.airstrips })}
              {r.pending.map((p) => ` · ${t('why.programmes.radarPending', { pct: p.pct, turn: p.turn })}`).join('')}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
