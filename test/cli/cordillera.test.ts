/**
 * The command line end to end, as a user runs it: child processes writing into temporary
 * directories. Games are a few turns long to keep this quick.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAP } from '../../game/index';
import { NATIONAL_COLUMNS, REGION_COLUMNS } from '../../game/tables';
import { cli, ROOT, tempDir } from './helpers';

const NATIONAL_PREFIX =
  'turn,year,quarter,coca_ha,leaf_t,eradicated_ha,cocaine_potential_t,seized_t,exported_t,export_air_t,export_sea_t,export_land_t,narco_flights,flights_interdicted,mistaken_shootdowns,leaf_price_usd_kg,pbc_price_usd_kg,cocaine_export_price_usd_kg,clan_revenue_musd,insurgent_revenue_musd,state_spend_musd,us_support,legitimacy,insurgent_fighters,security_forces_killed,insurgents_killed,civilians_killed';
const REGIONS_PREFIX =
  'turn,region,coca_ha,leaf_t,yield_t_ha,eradicated_ha,leaf_price_usd_kg,labs,state_forces,insurgent_fighters,clan_presence,violence_events,control';

const lines = (path: string) => readFileSync(path, 'utf8').split('\n');

describe('cordillera sim and replay', () => {
  let dir = '';
  let out = '';
  let sim: ReturnType<typeof cli>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cordillera-cli-'));
    out = join(dir, 'run');
    sim = cli(['sim', '--scenario', 'interdiction-2016', '--seed', '7', '--turns', '3', '--clans', 'bot:easy', '--out', out]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes log.json, national.csv and regions.csv with the exact headers', () => {
    expect(sim.stderr).toBe('');
    expect(sim.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['log.json', 'national.csv', 'regions.csv']);
    const nat = lines(join(out, 'national.csv'));
    expect(nat[0]!.startsWith(NATIONAL_PREFIX + ',')).toBe(true);
    expect(nat[0]).toBe(NATIONAL_COLUMNS.join(','));
    expect(nat.length).toBe(1 + 3 + 1); // header, 3 turns, the empty string after the last \n
    expect(nat.at(-1)).toBe('');
    expect(nat.slice(1, 4).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['1,2016,1', '2,2016,2', '3,2016,3']);
    const reg = lines(join(out, 'regions.csv'));
    // The first 13 columns are a fixed contract (docs/model.md §10); later ones may be added.
    expect(reg[0]!.startsWith(REGIONS_PREFIX + ',')).toBe(true);
    expect(reg[0]).toBe(REGION_COLUMNS.join(','));
    expect(reg.length - 2).toBe(3 * MAP.regions.length);
    expect(reg.slice(1, 1 + MAP.regions.length).map((l) => l.split(',')[1])).toEqual(MAP.regions.map((r) => r.id));
    for (const l of [...nat.slice(1, -1), ...reg.slice(1, -1)]) {
      expect(l).not.toMatch(/e[+-]?\d|NaN|Infinity|undefined/);
      for (const f of l.split(',')) if (/^-?\d/.test(f)) expect(f).toMatch(/^-?\d+(\.\d{1,4})?$/);
    }
    const log = JSON.parse(readFileSync(join(out, 'log.json'), 'utf8')) as {
      format: string;
      seed: number;
      entries: { input: { orders: { side: string; note?: string; author?: unknown }[] } }[];
      scenario: { id: string };
      scenarioHash: string;
    };
    expect(log.format).toBe('cordillera-log');
    expect(log.seed).toBe(7);
    expect(log.scenario.id).toBe('interdiction-2016');
    expect(log.entries).toHaveLength(3);
    expect(log.entries[0]!.input.orders.map((o) => o.side)).toEqual(['state', 'clans', 'insurgents']);
    expect(log.entries[0]!.input.orders[1]!.author).toMatchObject({
      kind: 'bot',
      difficulty: 'easy',
      decision: { plan: { base: 'easy' } },
    });
  });

  it('replays the written log exactly', () => {
    const log = JSON.parse(readFileSync(join(out, 'log.json'), 'utf8')) as { finalHash: string };
    const r = cli(['replay', join(out, 'log.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`replay ok: 3 turns, final hash ${log.finalHash}`);
  });

  it('names the turn where a tampered log diverges, and exits 1', () => {
    const log = JSON.parse(readFileSync(join(out, 'log.json'), 'utf8')) as {
      entries: { input: { orders: { orders: { kind: string; amount?: number }[] }[] } }[];
    };
    const order = log.entries[1]!.input.orders[0]!.orders.find((o) => o.kind === 'eradicate')!;
    order.amount = Math.floor(order.amount! / 2);
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(log));
    const r = cli(['replay', tampered]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/turn 2\b/);
    expect(r.stdout).not.toContain('replay ok');
  });

  it('refuses a log from a newer version or with an edited scenario (exit 2)', () => {
    const log = JSON.parse(readFileSync(join(out, 'log.json'), 'utf8')) as { version: number; scenario: { turns: number } };
    const future = join(dir, 'future.json');
    writeFileSync(future, JSON.stringify({ ...log, version: 99 }));
    const f = cli(['replay', future]);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/version 99/);
    log.scenario.turns = 21;
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(log));
    const e = cli(['replay', edited]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/does not match its recorded hash/);
  });
});

describe('cordillera validate', () => {
  it('lists every problem of a broken scenario and exits 2', () => {
    const dir = tempDir();
    const sc = JSON.parse(readFileSync(join(ROOT, 'assets', 'scenarios', 'interdiction-2016.json'), 'utf8')) as Record<string, unknown> & {
      regions: { region: string }[];
      national: { leaders: { region: string }[] };
      paramSources: Record<string, string>;
      msel: unknown[];
    };
    sc.regions[0]!.region = 'PE-XXX';
    sc.national.leaders[0]!.region = 'PE-QQQ';
    delete sc.paramSources.labRaidRate;
    sc.msel.push({ id: 'late', inject: { id: 'election-eve' }, when: { turn: 99 } });
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(sc));
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    for (const path of [
      'regions[0].region',
      'national.leaders[0].region',
      'paramSources.labRaidRate',
      'msel[1].when.turn',
      'regions: region PE-AMA has no starting values',
    ])
      expect(r.stdout).toContain(path);
    expect(r.stdout).toContain('5 problems');
  });

  it('lists every schema problem too', () => {
    const dir = tempDir();
    const sc = JSON.parse(readFileSync(join(ROOT, 'assets', 'scenarios', 'interdiction-2016.json'), 'utf8')) as {
      regions: { cocaHa: number }[];
      params: Record<string, number>;
      turns: unknown;
    };
    sc.regions[1]!.cocaHa = -5;
    sc.params.shipShare = 3;
    sc.turns = 'many';
    const file = join(dir, 'schema.json');
    writeFileSync(file, JSON.stringify(sc));
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    for (const path of ['regions[1].cocaHa', 'params.shipShare', 'turns:']) expect(r.stdout).toContain(path);
  });

  it('says "valid" for the shipped scenario', () => {
    const r = cli(['validate', join(ROOT, 'assets', 'scenarios', 'interdiction-2016.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^valid/);
  });
});

describe('bad input', () => {
  it('a bad --seed exits 2, names the option and value, and creates nothing', () => {
    const dir = tempDir();
    for (const seed of ['-1', 'abc', '1e3', '4294967296', 'NaN']) {
      const out = join(dir, `out-${seed}`, 'nested');
      const r = cli(['sim', '--seed', seed, '--turns', '1', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--seed');
      expect(r.stderr).toContain(`"${seed}"`);
      expect(existsSync(join(dir, `out-${seed}`))).toBe(false);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('cordillera batch', () => {
  it('writes batch.csv with a row per policy and seed, and prints the summary', () => {
    const dir = tempDir();
    const out = join(dir, 'batch');
    const r = cli(['batch', '--policies', 'status-quo,air-interdiction', '--seeds', '1-2', '--turns', '2', '--out', out]);
    expect(r.code).toBe(0);
    const rows = lines(join(out, 'batch.csv'));
    expect(
      rows[0]!.startsWith(
        'policy,seed,turns,coca_ha_final,exported_t_total,seized_t_total,mistaken_shootdowns,security_forces_killed_total',
      ),
    ).toBe(true);
    expect(rows.slice(1, -1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      'status-quo,1,2',
      'status-quo,2,2',
      'air-interdiction,1,2',
      'air-interdiction,2,2',
    ]);
    expect(existsSync(join(out, 'summary.csv'))).toBe(true);
    expect(r.stdout).toMatch(/policy status-quo[\s\S]*coca_ha_final[\s\S]*policy air-interdiction/);
    expect(r.stdout).toMatch(/mean\s+p10\s+p50\s+p90/);
    expect(readdirSync(out).sort()).toEqual(['batch.csv', 'batch.html', 'summary.csv']);
  });

  it('--sample-params draws the uncertain parameters: the same command writes the same files, the draws are in batch.csv', () => {
    const dir = tempDir();
    const run = (name: string, extra: string[] = []) => {
      const r = cli([
        'batch',
        '--policies',
        'status-quo,air-interdiction',
        '--seeds',
        '1-4',
        '--turns',
        '2',
        '--sample-params',
        ...extra,
        '--out',
        join(dir, name),
      ]);
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    const a = run('a');
    run('b');
    run('c', ['--param-seed', '9']);
    const read = (name: string, file: string) => readFileSync(join(dir, name, file), 'utf8');
    for (const f of ['batch.csv', 'summary.csv', 'sensitivity.csv']) expect(read('b', f), f).toBe(read('a', f));
    expect(read('c', 'batch.csv')).not.toBe(read('a', 'batch.csv'));
    const head = lines(join(dir, 'a', 'batch.csv'))[0]!.split(',');
    expect(head).toContain('param_displaceShare');
    expect(head).toContain('param_airFearPerIncident');
    // Run i of every policy drew the same parameters (policies compared under the same assumptions).
    const rows = lines(join(dir, 'a', 'batch.csv'))
      .slice(1, -1)
      .map((l) => l.split(','));
    const col = head.indexOf('param_displaceShare');
    expect(rows.map((r) => r[col])).toEqual([...rows.slice(0, 4).map((r) => r[col]), ...rows.slice(0, 4).map((r) => r[col])]);
    expect(new Set(rows.slice(0, 4).map((r) => r[col])).size).toBe(4);
    const sens = lines(join(dir, 'a', 'sensitivity.csv'));
    expect(sens[0]).toBe('policy,metric,rank,param,rho,beyond_chance,low_third_mean,high_third_mean,swing');
    expect(a.stdout).toMatch(/sensitivity over 4 runs/);
    // The HTML's tornado charts name the parameters the sensitivity table ranks first.
    const top = sens
      .slice(1)
      .find((l) => l.split(',')[2] === '1')!
      .split(',')[3]!;
    expect(read('a', 'batch.html')).toContain(top);
  });

  it('refuses --param-seed without --sample-params', () => {
    const r = cli(['batch', '--seeds', '1', '--turns', '1', '--param-seed', '3', '--out', join(tempDir(), 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--param-seed needs --sample-params');
  });
});

describe('cordillera validate, older formats', () => {
  it('reads a format-1 scenario as the current format, with what format 1 had in code', () => {
    const r = cli(['validate', join(ROOT, 'test', 'fixtures', 'scenario-v1.json')]);
    expect(r.stdout).toContain('format 1, read as the current format');
    expect(r.stdout).toContain('valid:');
    expect(r.code).toBe(0);
  });
});
