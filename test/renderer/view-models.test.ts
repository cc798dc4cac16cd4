/** The renderer's view models as plain functions: report, event log, board input, planning rows, charts. */
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_SCENARIOS,
  MAP,
  REGION_IDS,
  bot,
  createGame,
  legalOrders,
  regionName,
  resolveTurn,
  SIDES,
  viewFor,
  type GameEvent,
  type GameState,
  type TurnRecord,
} from '../../game';
import { displacements, incidents, keyFigures, leaders, revenueBySide, scoreLines } from '../../report/turn-report';
import { EVENT_INFO, eventMessage, eventRegions, filterEntries, logEntries } from '../../report/event-log';
import { boardInputFrom, flowsFromEvents, flowsFromState, regionTable } from '../../renderer/view-model/board-input';
import { buildBoardModel } from '../../renderer/view-model/board-model';
import { groupByActivity, groupByRegion, stepFor, summarise, errorMessage } from '../../renderer/view-model/planning';
import { amountText } from '../../report/describe';
import { regionFigureRows } from '../../renderer/view-model/region-figures';
import { CHARTS, niceTicks, yDomain } from '../../report/series';
import { localiseValues } from '../../report/values';
import { optionKey } from '../../renderer/app-state/drafts';
import { translate } from '../../renderer/i18n';

function playTurns(n: number): { states: GameState[]; events: GameEvent[][] } {
  let g = createGame(BUILTIN_SCENARIOS[0]!, 5, { turns: 8 });
  const states = [g];
  const events: GameEvent[][] = [];
  for (let i = 0; i < n; i++) {
    const r = resolveTurn(g, { orders: SIDES.map((s) => bot(g, s, 'normal').orders) });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    g = r.state;
    states.push(g);
    events.push(r.events);
  }
  return { states, events };
}

const played = playTurns(2);
const last = played.states[2]!;
const lastEvents = played.events[1]!;
const t = (k: string, v?: Parameters<typeof translate>[2]) => translate('en', k, v);

describe('turn report', () => {
  it('key figures show the change since last turn, coloured by what is good for the State', () => {
    const h: TurnRecord[] = [
      { ...last.history[0]!, cocaHa: 1000, seizedT: 5 },
      { ...last.history[1]!, cocaHa: 900, seizedT: 4 },
    ];
    const figs = keyFigures(h);
    const coca = figs.find((f) => f.def.id === 'cocaHa')!;
    expect(coca).toMatchObject({ value: 900, change: -100, tone: 'good' });
    expect(figs.find((f) => f.def.id === 'seizedT')).toMatchObject({ change: -1, tone: 'bad' });
    expect(keyFigures(h.slice(0, 1))[0]!.change).toBeNull();
    expect(keyFigures([])).toEqual([]);
  });

  it('displacement lines sum the events by pair, largest first', () => {
    const ev: GameEvent[] = [
      { turn: 1, type: 'cultivationDisplaced', region: 'PE-HUC', to: 'PE-UCA', ha: 700 },
      { turn: 1, type: 'cultivationDisplaced', region: 'PE-HUC', to: 'PE-UCA', ha: 500 },
      { turn: 1, type: 'cultivationDisplaced', region: 'PE-CUS', to: 'PE-PUN', ha: 300 },
      { turn: 1, type: 'cultivationDisplaced', region: 'PE-CUS', to: 'PE-APU', ha: 0.1 },
    ];
    const d = displacements(ev);
    expect(d).toEqual([
      { from: 'PE-HUC', to: 'PE-UCA', ha: 1200 },
      { from: 'PE-CUS', to: 'PE-PUN', ha: 300 },
    ]);
    expect(t('app.report.moved', { ha: d[0]!.ha, from: regionName('PE-HUC'), to: regionName('PE-UCA') })).toBe(
      '1,200 ha moved from Huánuco to Ucayali',
    );
  });

  it('incidents put violence first and sum seizures by region and mode', () => {
    const inc = incidents(lastEvents, regionName);
    expect(inc.length).toBeGreaterThan(0);
    const seizures = inc.filter((e) => e.type === 'shipmentSeized');
    const keys = seizures.map((e) => e.region);
    expect(new Set(keys).size).toBe(keys.length);
    expect(seizures.length).toBeLessThanOrEqual(5);
    const firstNonSecurity = inc.findIndex((e) => e.category !== 'security');
    if (firstNonSecurity >= 0)
      expect(inc.slice(firstNonSecurity).every((e) => e.category !== 'security' || e.type === 'civilianAircraftShotDown')).toBe(true);
  });

  it('revenue and scores come from events and history', () => {
    const rev = revenueBySide(lastEvents);
    expect(rev.clans).toBeGreaterThan(0);
    const scores = scoreLines(last.history);
    expect(scores.map((s) => s.side)).toEqual(['state', 'clans', 'insurgents']);
    expect(scores[0]!.change).toBeCloseTo(last.history[1]!.scores.state - last.history[0]!.scores.state);
    expect(leaders(last.history).length).toBeGreaterThan(0);
  });
});

describe('event log', () => {
  it('every event type has a category, and every event a message with its ids named', () => {
    for (const e of played.events.flat()) {
      expect(EVENT_INFO[e.type]).toBeDefined();
      const m = eventMessage(e, regionName);
      const text = translate('en', m.key, m.values);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toMatch(/PE-[A-Z]{3}/);
      expect(translate('es', m.key, m.values)).not.toMatch(/\{\w+\}/);
    }
  });

  it('casualties name only who was killed', () => {
    const m = eventMessage(
      { turn: 1, type: 'ambushSprung', region: 'PE-AYA', securityKilled: 2, insurgentsKilled: 0, civiliansKilled: 1 },
      regionName,
    );
    expect(translate('en', m.key, m.values)).toBe('Ambush in Ayacucho — killed: security forces 2, civilians 1.');
    expect(translate('es', m.key, m.values)).toBe('Emboscada en Ayacucho — muertos: fuerzas de seguridad 2, civiles 1.');
    const none = eventMessage(
      { turn: 1, type: 'clashOccurred', region: 'PE-JUN', securityKilled: 0, insurgentsKilled: 0, civiliansKilled: 0 },
      regionName,
    );
    expect(translate('en', none.key, none.values)).toBe('Clash in Junín — no one killed.');
  });

  it('log entries merge the many shipment records and filter by type, region, side and turn', () => {
    const all = played.events.flat();
    const entries = logEntries(all, regionName);
    const raw = all.filter((e) => e.type === 'shipmentSeized').length;
    const merged = entries.filter((e) => e.type === 'shipmentSeized').length;
    expect(merged).toBeLessThan(raw);
    expect(
      filterEntries(entries, { category: 'cultivation', region: 'all', side: 'all', turn: 'all' }).every(
        (e) => e.category === 'cultivation',
      ),
    ).toBe(true);
    const aya = filterEntries(entries, { category: 'all', region: 'PE-AYA', side: 'all', turn: 2 });
    expect(aya.length).toBeGreaterThan(0);
    expect(aya.every((e) => e.regions.includes('PE-AYA') && e.turn === 2)).toBe(true);
    expect(
      filterEntries(entries, { category: 'all', region: 'all', side: 'insurgents', turn: 'all' }).every((e) => e.side === 'insurgents'),
    ).toBe(true);
    expect(eventRegions({ turn: 1, type: 'fightersMoved', region: 'PE-AYA', to: 'PE-JUN', fighters: 3 })).toEqual(['PE-AYA', 'PE-JUN']);
  });
});

describe('board input', () => {
  it('has a row for every region and flows from the state when there are no export events', () => {
    const rows = regionTable(last, MAP);
    expect(rows.map((r) => r.id)).toEqual([...REGION_IDS]);
    expect(rows.find((r) => r.id === 'PE-AYA')!.airstrips).toBe(MAP.regions.find((r) => r.id === 'PE-AYA')!.airstrips);
    const flows = flowsFromState(last, MAP);
    expect(flows.length).toBeGreaterThan(0);
    const shipped = last.regions.reduce((a, r) => a + r.flow.shippedT, 0);
    expect(flows.reduce((a, f) => a + f.tonnes, 0)).toBeCloseTo(shipped, 6);
    expect(flowsFromEvents([{ turn: 1, type: 'shipmentExported', region: 'PE-AYA', exit: 'air-bolivia', mode: 'air', tonnes: 2 }])).toEqual(
      [{ from: 'PE-AYA', exit: 'air-bolivia', mode: 'air', tonnes: 2 }],
    );
  });

  it('builds a board model with no warnings, in either language', () => {
    for (const lang of ['en', 'es'] as const) {
      const model = buildBoardModel(
        boardInputFrom({
          game: viewFor(last, 'state'),
          map: MAP,
          events: lastEvents,
          overlay: 'coca',
          selectedId: 'PE-AYA',
          t: (k, v) => translate(lang, k, v),
          locale: lang === 'en' ? 'en-GB' : 'es-PE',
          scale: 1,
          showFlows: true,
        }),
      );
      expect(model.warnings).toEqual([]);
      expect(model.selectedId).toBe('PE-AYA');
      expect(model.flows.length).toBeGreaterThan(0);
    }
  });
});

describe('planning rows', () => {
  const g = played.states[0]!;
  it('groups options by activity and by region, covering every option once', () => {
    for (const side of SIDES) {
      const opts = legalOrders(g, side);
      const a = groupByActivity(side, opts, REGION_IDS).flatMap((x) => x.options);
      const r = groupByRegion(side, opts, REGION_IDS).flatMap((x) => x.options);
      expect(a).toHaveLength(opts.length);
      expect(r).toHaveLength(opts.length);
      expect(new Set(opts.map(optionKey)).size).toBe(opts.length);
    }
  });

  it('picks round slider steps by unit', () => {
    const opts = legalOrders(g, 'state');
    const army = opts.find((o) => o.kind === 'deployArmy')!;
    expect(stepFor(army) % 10).toBe(0);
    const pilots = opts.find((o) => o.kind === 'pilots')!;
    expect(stepFor(pilots)).toBeGreaterThanOrEqual(0.1);
    const share = legalOrders(g, 'clans').find((o) => o.kind === 'finishShare')!;
    expect(stepFor(share)).toBe(0.05);
    expect(amountText(t, 'share', 0.35)).toBe('35 %');
  });

  it('summarises what a draft orders', () => {
    const opts = legalOrders(g, 'state');
    const army = opts.find((o) => o.kind === 'deployArmy' && o.region === 'PE-AYA')!;
    const roe = opts.find((o) => o.kind === 'roe')!;
    const lines = summarise(opts, { note: '', values: { [optionKey(army)]: { amount: 3000 }, [optionKey(roe)]: { choice: 'track' } } });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ kind: 'deployArmy', region: 'PE-AYA', from: army.current, value: 3000 });
    expect(lines[1]).toMatchObject({ kind: 'roe', from: roe.current, value: 'track' });
  });

  it('turns validation errors into translated messages with names', () => {
    const m = errorMessage(
      { code: 'order.overFighters', message: 'x', values: { region: 'PE-AYA', used: 9, available: 3 } },
      regionName,
      () => true,
    );
    expect(translate('en', m.key, m.values)).toBe('9 fighters are committed in Ayacucho, which will have only 3.');
    const u = errorMessage({ code: 'order.brandNew', message: 'raw english' }, regionName, () => false);
    expect(translate('en', u.key, u.values)).toBe('Problem: raw english');
    expect(localiseValues({ exit: 'sea-callao', kind: 'eradicate', side: 'clans' }, regionName)).toEqual({
      exit: '@app.exit.sea-callao',
      kind: '@orders.eradicate.label',
      side: '@app.side.clans',
    });
  });
});

describe('region inspector and charts', () => {
  it('region rows carry a series over the turns and the change since last turn', () => {
    const rows = regionFigureRows(
      'PE-AYA',
      last.regions.find((r) => r.id === 'PE-AYA')!,
      played.states,
    );
    const coca = rows.find((r) => r.def.id === 'cocaHa')!;
    expect(coca.series).toHaveLength(3);
    expect(coca.change).toBeCloseTo(coca.series[2]! - coca.series[1]!);
  });

  it('every chart line reads a number from the history', () => {
    for (const c of CHARTS) for (const l of c.lines) expect(Number.isFinite(l.value(last.history[0]!))).toBe(true);
  });

  it('ticks are round and cover the range', () => {
    expect(niceTicks(0, 43_875)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(niceTicks(0, 43_875, 8)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
    expect(niceTicks(0, 3.7)).toEqual([0, 1, 2, 3, 4]);
    expect(yDomain([])).toEqual([0, 1]);
    expect(yDomain([5, 5])[0]).toBe(0);
  });
});
