/**
 * Shipped content: the map and every built-in scenario validate; map and scenario region ids match
 * both ways and match the geodata the board draws; every parameter has a source; and the validator
 * reports every problem of a broken scenario, each with its path.
 */
import type { FeatureCollection } from 'geojson';
import peruHighJson from '../../assets/map/amcharts-peruHigh.json';

const peruHigh = peruHighJson as unknown as FeatureCollection;
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import mapJson from '../../assets/map/peru.json';
import scenarioJson from '../../assets/scenarios/interdiction-2016.json';
import {
  BUILTIN_SCENARIOS,
  MAP,
  POLICIES,
  REGION_IDS,
  checkMap,
  checkScenario,
  checkScenarioText,
  createGame,
  findScenario,
  type ContentProblem,
  type MapContent,
  type Scenario,
} from '../../game';
import { ParamsSchema } from '../../game/content/scenario-schema';
import { validateOrders } from '../../game/legal';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const show = (problems: readonly ContentProblem[]) => problems.map((p) => `${p.path}: ${p.message}`).join('\n');

/** The 25 regions and the province of Lima, ISO 3166-2:PE. */
const ISO_IDS = [
  'PE-AMA',
  'PE-ANC',
  'PE-APU',
  'PE-ARE',
  'PE-AYA',
  'PE-CAJ',
  'PE-CAL',
  'PE-CUS',
  'PE-HUC',
  'PE-HUV',
  'PE-ICA',
  'PE-JUN',
  'PE-LAL',
  'PE-LAM',
  'PE-LIM',
  'PE-LMA',
  'PE-LOR',
  'PE-MDD',
  'PE-MOQ',
  'PE-PAS',
  'PE-PIU',
  'PE-PUN',
  'PE-SAM',
  'PE-TAC',
  'PE-TUM',
  'PE-UCA',
];

describe('the shipped map', () => {
  it('passes checkMap, as shipped and as loaded', () => {
    const raw = checkMap(mapJson);
    expect(raw.ok, raw.ok ? '' : show(raw.problems)).toBe(true);
    const loaded = checkMap(MAP);
    expect(loaded.ok).toBe(true);
  });

  it('has the 26 ISO 3166-2:PE ids, including Lima province (PE-LMA) and Callao (PE-CAL), once each', () => {
    const ids = MAP.regions.map((r) => r.id);
    expect(ids).toHaveLength(26);
    expect(new Set(ids).size).toBe(26);
    expect([...ids].sort()).toEqual([...ISO_IDS].sort());
    expect(ids).toContain('PE-LMA');
    expect(ids).toContain('PE-CAL');
    expect(REGION_IDS).toEqual(ids);
  });

  it('has symmetric neighbours, none of them itself or unknown', () => {
    const byId = new Map(MAP.regions.map((r) => [r.id, r]));
    for (const r of MAP.regions) {
      expect(r.neighbors.length, `${r.id} has neighbours`).toBeGreaterThan(0);
      expect(new Set(r.neighbors).size, `${r.id} lists a neighbour twice`).toBe(r.neighbors.length);
      for (const n of r.neighbors) {
        expect(n, `${r.id} lists itself`).not.toBe(r.id);
        expect(byId.get(n)?.neighbors, `${r.id} → ${n}`).toContain(r.id);
      }
    }
  });

  it('is connected, so every region can reach an exit', () => {
    const byId = new Map(MAP.regions.map((r) => [r.id, r]));
    const seen = new Set([MAP.regions[0]!.id]);
    const queue = [MAP.regions[0]!.id];
    while (queue.length) {
      for (const n of byId.get(queue.shift()!)!.neighbors) {
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    expect(seen.size).toBe(MAP.regions.length);
  });

  it('has exits whose gateways and zones whose members exist; each scenario prices every exit, its open ones carrying all the baseline', () => {
    const ids = new Set(MAP.regions.map((r) => r.id));
    for (const e of MAP.exits) if (e.gateway !== null) expect(ids.has(e.gateway), e.id).toBe(true);
    for (const z of MAP.zones) for (const m of z.members) expect(ids.has(m.region), `${z.id}: ${m.region}`).toBe(true);
    for (const sc of BUILTIN_SCENARIOS) {
      expect(Object.keys(sc.exits).sort(), sc.id).toEqual(MAP.exits.map((e) => e.id).sort());
      const open = MAP.exits.filter((e) => sc.exits[e.id]!.open);
      expect(
        open.reduce((a, e) => a + sc.exits[e.id]!.baselineShare, 0),
        sc.id,
      ).toBeCloseTo(1, 2);
      expect(open.filter((e) => e.mode === 'air').length, sc.id).toBe(1);
    }
  });

  it('covers every region id with the geodata the board draws (peruHigh), and vice versa except Lake Titicaca', () => {
    const idOf = (f: Feature): string => String(f.id ?? (f.properties as { id?: unknown } | null)?.id);
    const geo = peruHigh.features.map(idOf);
    for (const id of geo) expect(id).toMatch(/^PE-[A-Z]{3}$/);
    const ids = MAP.regions.map((r) => r.id);
    for (const id of ids) expect(geo, `no shape for ${id}`).toContain(id);
    expect(geo.filter((id) => !ids.includes(id))).toEqual(['PE-LKT']);
  });
});

describe('the shipped scenarios', () => {
  it('there is at least one, and the interdiction-2016 file is it', () => {
    expect(BUILTIN_SCENARIOS.length).toBeGreaterThan(0);
    expect(findScenario('interdiction-2016')).toBeDefined();
    expect(findScenario('no-such-scenario')).toBeUndefined();
    const raw = checkScenario(scenarioJson, MAP);
    expect(raw.ok, raw.ok ? '' : show(raw.problems)).toBe(true);
  });

  it("airbridge-1995: Peru from 1995 Q1 to 2001 Q2, on interdiction-2016's parameters except those about the period", () => {
    const ab = findScenario('airbridge-1995')!;
    const base = findScenario('interdiction-2016')!;
    expect(ab.start).toEqual({ year: 1995, quarter: 1 });
    expect(ab.turns).toBe(26);
    expect(Math.round(ab.regions.reduce((a, r) => a + r.cocaHa, 0))).toBe(115_300);
    // The list in docs/model.md §8b: any other difference is a mistake.
    const period = [
      'usSupportMusdPerQuarter',
      'worldDemandGrowthPerYear',
      'flightPayloadT',
      'startZoneValueUsdPerKg',
      'startFinishShare',
      'startInsurgentTaxPct',
    ];
    const differ = Object.keys(base.params).filter(
      (k) => (ab.params as Record<string, number>)[k] !== (base.params as Record<string, number>)[k],
    );
    expect(differ.sort()).toEqual([...period].sort());
    expect(ab.exits['air-colombia']!.open).toBe(true);
    expect(ab.exits['air-bolivia']!.open).toBe(false);
    // Only decisions of their date are scheduled.
    expect(ab.msel.map((m) => m.inject.id).sort()).toEqual([
      'election-eve',
      'election-eve',
      'us-surveillance-withdrawn',
      'us-surveillance-withdrawn',
      'us-surveillance-withdrawn',
      'us-suspends-support',
    ]);
    expect(ab.injectLibrary.some((d) => d.id === 'fusarium-blight')).toBe(true);
  });

  describe.each(BUILTIN_SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    it('passes checkScenario against the map', () => {
      const r = checkScenario(clone(scenario), MAP);
      expect(r.ok, r.ok ? '' : show(r.problems)).toBe(true);
    });

    it('has starting values for exactly the map regions (ids match both ways)', () => {
      const mapIds = MAP.regions.map((r) => r.id).sort();
      const scIds = scenario.regions.map((r) => r.region).sort();
      expect(scIds).toEqual(mapIds);
    });

    it('gives every parameter a source, and no source for an unknown parameter', () => {
      const keys = Object.keys(ParamsSchema.shape).sort();
      expect(Object.keys(scenario.params).sort()).toEqual(keys);
      for (const k of keys) {
        const src = scenario.paramSources[k];
        expect(typeof src === 'string' && src.trim().length >= 3, `parameter ${k} has no source`).toBe(true);
      }
      expect(Object.keys(scenario.paramSources).sort()).toEqual(keys);
    });

    it('keeps coca within what each region can carry, and names only known regions', () => {
      const byId = new Map(MAP.regions.map((r) => [r.id, r]));
      for (const r of scenario.regions) expect(r.cocaHa, r.region).toBeLessThanOrEqual(byId.get(r.region)!.maxCocaHa);
      for (const l of scenario.national.leaders) expect(byId.has(l.region), l.id).toBe(true);
      for (const k of Object.keys(scenario.national.radarCoverage)) expect(byId.has(k), k).toBe(true);
      for (const line of scenario.msel) if ('turn' in line.when) expect(line.when.turn).toBeLessThanOrEqual(scenario.turns);
      const ids = scenario.injectLibrary.map((d) => d.id);
      for (const line of scenario.msel) expect(ids, line.id).toContain(line.inject.id);
      expect(ids).toContain('mistaken-shootdown');
    });

    it('gives the exits of its period and a State policy that plays it without refused orders', () => {
      const s = createGame(scenario, 1);
      for (const name of Object.keys(POLICIES.state)) {
        const orders = POLICIES.state[name]!(s).orders;
        expect(validateOrders(s, orders), `${scenario.id} / ${name}`).toEqual([]);
      }
    });

    it('starts a game', () => {
      const s = createGame(scenario, 1);
      expect(s.regions.map((r) => r.id)).toEqual(MAP.regions.map((r) => r.id));
      expect(s.turnsTotal).toBe(scenario.turns);
    });
  });
});

describe('a broken scenario', () => {
  const base = (): Scenario => clone(BUILTIN_SCENARIOS[0]!);
  const has = (problems: readonly ContentProblem[], path: string, message: RegExp) =>
    expect(
      problems.some((p) => p.path === path && message.test(p.message)),
      `no "${path}" ~ ${String(message)} in\n${show(problems)}`,
    ).toBe(true);

  it('yields ALL its cross-reference problems, each with its path', () => {
    const sc = base();
    const lima = sc.regions.findIndex((r) => r.region === 'PE-LIM');
    const aya = sc.regions.findIndex((r) => r.region === 'PE-AYA');
    sc.regions[lima]!.region = 'PE-XYZ'; // unknown region (and Lima then has no starting values)
    sc.regions[aya]!.cocaHa = 100_000; // more than Ayacucho can carry
    delete sc.paramSources.shipShare; // a parameter without a source
    sc.paramSources.warpSpeed = 'a source for nothing';
    sc.msel.push({ id: 'late', inject: { id: 'pcc-arrives' }, when: { turn: sc.turns + 5 } }); // after the last turn
    sc.msel.push({ id: 'lost', inject: { id: 'radar-delivered', region: 'PE-QQQ' }, when: { turn: 3 } });
    sc.msel.push({ id: 'ghost', inject: { id: 'no-such-inject' }, when: { metric: 'narcoFlights', above: 100 } });
    sc.injectLibrary[0]!.defaultRegion = 'PE-WWW';
    sc.national.leaders[0]!.region = 'PE-ZZZ';
    sc.national.radarCoverage = { 'PE-YYY': 0.5 };
    const r = checkScenario(sc, MAP);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    has(problems, `regions[${lima}].region`, /unknown region PE-XYZ/);
    has(problems, 'regions', /PE-LIM has no starting values/);
    has(problems, `regions[${aya}].cocaHa`, /more than PE-AYA can carry/);
    has(problems, 'paramSources.shipShare', /no source/);
    has(problems, 'paramSources.warpSpeed', /unknown parameter/);
    has(problems, `msel[${sc.msel.length - 3}].when.turn`, /after the last turn/);
    has(problems, `msel[${sc.msel.length - 2}].inject.region`, /unknown region PE-QQQ/);
    has(problems, `msel[${sc.msel.length - 1}].inject.id`, /no inject no-such-inject/);
    has(problems, 'injectLibrary[0].defaultRegion', /unknown region PE-WWW/);
    has(problems, 'national.leaders[0].region', /unknown region PE-ZZZ/);
    has(problems, 'national.radarCoverage.PE-YYY', /unknown region/);
    expect(problems).toHaveLength(11);
  });

  it('checks the parameter ranges: each holds its value, names a parameter, stays within what it allows; an assumption without one is an error', () => {
    const sc = base();
    sc.paramRanges.displaceShare = { low: 0.2, high: 0.3, reason: 'too high for the value' };
    sc.paramRanges.shipShare = { low: 0.5, high: 1.5, reason: 'above what a share allows' };
    sc.paramRanges.warpSpeed = { low: 1, high: 2, reason: 'no such parameter' };
    sc.paramRanges.colonizeShare = { low: 0.3, high: 0.1, reason: 'upside down' };
    delete sc.paramRanges.airFearPerIncident;
    const r = checkScenario(sc, MAP);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    has(problems, 'paramRanges.displaceShare', /does not hold the value 0.12/);
    has(problems, 'paramRanges.shipShare.high', /outside what shipShare allows/);
    has(problems, 'paramRanges.warpSpeed', /unknown parameter/);
    has(problems, 'paramRanges.colonizeShare', /must be below high/);
    has(problems, 'paramRanges.airFearPerIncident', /assumed or fitted/);
  });

  it("checks the period's exits: every map exit priced, shares on open exits summing to 1, one open air bridge", () => {
    const sc = base();
    sc.exits['air-colombia'] = { ...sc.exits['air-colombia']!, open: true, baselineShare: 0.1 };
    sc.exits['land-brazil'] = { ...sc.exits['land-brazil']!, open: false };
    delete sc.exits['sea-paita'];
    (sc.exits as Record<string, unknown>)['air-mars'] = sc.exits['air-bolivia'];
    const r = checkScenario(sc, MAP);
    const problems = r.ok ? [] : r.problems;
    has(problems, 'exits', /only one air exit can be open \(air-bolivia, air-colombia are\)/);
    has(problems, 'exits.land-brazil.baselineShare', /closed exit carries no baseline share/);
    has(problems, 'exits', /sea-paita has no economics/);
    has(problems, 'exits.air-mars', /unknown exit/);
    has(problems, 'exits', /shares sum to/);
  });

  it('yields all its schema problems, each with its path', () => {
    const sc = base() as unknown as Record<string, unknown> & Scenario;
    sc.regions[0]!.labs = -3;
    sc.params.shipShare = 1.5;
    sc.msel.push({ id: 'early', inject: { id: 'pcc-arrives' }, when: { turn: 0 } });
    (sc.national as { usSupport: unknown }).usSupport = 'high';
    const r = checkScenario(sc, MAP);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    has(problems, 'regions[0].labs', /./);
    has(problems, 'params.shipShare', /./);
    has(problems, `msel[${sc.msel.length - 1}].when.turn`, /./);
    has(problems, 'national.usSupport', /./);
  });

  it('yields schema and cross-reference problems together (an author sees everything at once)', () => {
    const sc = base();
    sc.regions[0]!.labs = -3; // schema
    const aya = sc.regions.findIndex((r) => r.region === 'PE-AYA');
    sc.regions[aya]!.cocaHa = 100_000; // cross-reference
    delete sc.paramSources.shipShare; // cross-reference
    const r = checkScenario(sc, MAP);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    has(problems, 'regions[0].labs', /./);
    has(problems, `regions[${aya}].cocaHa`, /more than PE-AYA can carry/);
    has(problems, 'paramSources.shipShare', /no source/);
  });

  it("starting garrisons larger than the State's pools (the State could never give a valid order)", () => {
    const sc = base();
    const aya = sc.regions.findIndex((r) => r.region === 'PE-AYA');
    sc.regions[aya]!.army += sc.budgets.state.army; // now Σ army = 2 × the pool
    sc.regions[aya]!.police += sc.budgets.state.police;
    const r = checkScenario(sc, MAP);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(
      problems.some((p) => /army/.test(p.path + p.message)),
      show(problems),
    ).toBe(true);
    expect(
      problems.some((p) => /police/.test(p.path + p.message)),
      show(problems),
    ).toBe(true);
  });

  it('for another map, and as text that is not JSON', () => {
    const sc = base();
    sc.map = 'chile';
    const r = checkScenario(sc, MAP);
    expect(r.ok ? [] : r.problems).toContainEqual(expect.objectContaining({ path: 'map' }));
    const t = checkScenarioText('{ "format": ', MAP);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.problems).toEqual([expect.objectContaining({ path: '(file)' })]);
  });

  it('a broken map: asymmetric and unknown neighbours, a duplicate id, an air gateway and shares off', () => {
    const map: MapContent = clone(MAP);
    const aya = map.regions.findIndex((r) => r.id === 'PE-AYA');
    const ica = map.regions.findIndex((r) => r.id === 'PE-ICA');
    map.regions[ica]!.neighbors = map.regions[ica]!.neighbors.filter((n) => n !== 'PE-AYA');
    map.regions[aya]!.neighbors.push('PE-QQQ');
    map.regions[1]!.id = map.regions[0]!.id;
    const air = map.exits.findIndex((e) => e.mode === 'air');
    map.exits[air]!.gateway = 'PE-AYA';
    map.exits[0]!.id = map.exits[1]!.id;
    const r = checkMap(map);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems.some((p) => p.path.startsWith(`regions[${aya}].neighbors`) && /does not list/.test(p.message))).toBe(true);
    expect(problems.some((p) => p.path.startsWith(`regions[${aya}].neighbors`) && /unknown region PE-QQQ/.test(p.message))).toBe(true);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'regions[1].id' }));
    expect(problems).toContainEqual(expect.objectContaining({ path: `exits[${air}].gateway` }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'exits[1].id' }));
  });
});
