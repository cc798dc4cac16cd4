/**
 * `cordillera report` end to end, as a facilitator runs it: a child process writing into a
 * temporary directory; English and Spanish; the CSV tables; a tampered or broken log refused with
 * nothing written.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers';
import { csvRecords } from './helpers';

const read = (p: string) => readFileSync(p, 'utf8');

describe('cordillera report', () => {
  let dir = '';
  let logPath = '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cordillera-report-'));
    const sim = cli([
      'sim',
      '--seed',
      '11',
      '--turns',
      '6',
      '--state',
      'bot:hard',
      '--clans',
      'bot',
      '--insurgents',
      'bot',
      '--inject',
      '3:mistaken-shootdown:PE-CUS',
      '--override',
      '2:region.legitimacy:PE-APU=0.2:protests in Apurímac, "paro" called',
      '--out',
      join(dir, 'run'),
    ]);
    expect(sim.stderr).toBe('');
    expect(sim.code).toBe(0);
    logPath = join(dir, 'run', 'log.json');
  });

  it('writes aar.html in English by default', () => {
    const out = join(dir, 'en');
    const r = cli(['report', logPath, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('report interdiction-2016, seed 11, 6 turns (en)');
    expect(readdirSync(out)).toEqual(['aar.html']);
    const html = read(join(out, 'aar.html'));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Resuming aerial interdiction (2016)');
    expect(html).toContain('The State');
    expect(html).toContain('protests in Apurímac, &quot;paro&quot; called');
    const version = (JSON.parse(read(join(process.cwd(), 'package.json'))) as { version: string }).version;
    expect(html).toContain(`Cordillera ${version}`);
  });

  it('writes the Spanish report and the four CSV tables with --lang es --csv', () => {
    const out = join(dir, 'es');
    const r = cli(['report', logPath, '--out', out, '--lang', 'es', '--csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['aar.html', 'decisions.csv', 'events.csv', 'national.csv', 'regions.csv']);
    const html = read(join(out, 'aar.html'));
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('La reanudación de la interdicción aérea (2016)');
    expect(html).toContain('Clanes familiares');
    expect(html).toContain('Resumen y evaluación final');
    // The command line's tables are the sim's, byte for byte, and carry no byte-order mark.
    expect(read(join(out, 'national.csv'))).toBe(read(join(dir, 'run', 'national.csv')));
    expect(read(join(out, 'regions.csv'))).toBe(read(join(dir, 'run', 'regions.csv')));
    const events = csvRecords(read(join(out, 'events.csv')));
    expect(events.records.length).toBeGreaterThan(100);
    expect(events.records.filter((e) => e.type === 'injectApplied').map((e) => [e.turn, e.text])).toEqual([
      ['2', 'Acontecimiento: Víspera electoral (Junín) — programado para este trimestre.'],
      ['3', 'Acontecimiento: Derriban por error una avioneta civil (Cusco) — lanzado por el facilitador.'],
    ]);
    const decisions = csvRecords(read(join(out, 'decisions.csv')));
    expect(
      decisions.records
        .filter((d) => d.turn === '1' && d.side === 'state')
        .every((d) => d.author === 'Computadora (Difícil)' && d.reasons!.length > 40),
    ).toBe(true);
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f))[0]).not.toBe(0xef);
  });

  it('writes next to the log when --out is not given', () => {
    const copy = join(dir, 'beside');
    mkdirSync(copy);
    writeFileSync(join(copy, 'log.json'), read(logPath));
    const r = cli(['report', join(copy, 'log.json')]);
    expect(r.code).toBe(0);
    expect(readdirSync(copy).sort()).toEqual(['aar.html', 'log.json']);
  });

  it('refuses a log that does not replay exactly (exit 1) and writes nothing', () => {
    const log = JSON.parse(read(logPath)) as {
      entries: { input: { orders: { side: string; orders: { kind: string; amount?: number }[] }[] } }[];
    };
    const order = log.entries[2]!.input.orders[0]!.orders.find((o) => typeof o.amount === 'number' && o.amount > 1)!;
    order.amount = Math.floor(order.amount! / 2);
    const bad = join(dir, 'tampered.json');
    writeFileSync(bad, JSON.stringify(log));
    const out = join(dir, 'tampered-out');
    const r = cli(['report', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not replay exactly \(turn 3\).*no report written/);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses bad input with exit 2 and a clear message, writing nothing', () => {
    const edited = JSON.parse(read(logPath)) as { scenario: { turns: number } };
    edited.scenario.turns = 21;
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
    writeFileSync(join(dir, 'broken.json'), '{"format": "cordillera-log",');
    const out = join(dir, 'never');
    const cases: [string[], RegExp][] = [
      [['report', join(dir, 'edited.json'), '--out', out], /does not match its recorded hash/],
      [['report', join(dir, 'broken.json'), '--out', out], /is not valid JSON/],
      [['report', join(dir, 'missing.json'), '--out', out], /does not exist/],
      [['report', logPath, '--out', out, '--lang', 'fr'], /--lang must be en or es, got "fr"/],
      [['report', '--out', out], /report needs one log file, got 0/],
      [['report', logPath, logPath, '--out', out], /report needs one log file, got 2/],
      [['report', logPath, '--out', out, '--pdf'], /unknown option --pdf for "report"/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('is in the help', () => {
    const main = cli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^ {2}report {4}write the after-action report/m);
    const help = cli(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run cordillera -- report <log.json> [options]');
    expect(help.stdout).toContain('--csv');
  });
});
