/**
 * `cordillera report <log.json> --out <dir> [--lang es] [--csv]`: the after-action report of a
 * game from its log, the same document the app exports. The log is checked and replayed first;
 * a log that does not replay exactly is refused (exit 1) and nothing is written.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkLog, replay } from '../game/index';
import { isLang } from '../i18n/catalogue';
import { buildAar } from '../report/aar';
import { reportCsvFiles } from '../report/csv';
import { one, parseArgs } from './args';
import { UsageError } from './errors';
import { readJson } from './files';
import { cliI18n } from './i18n';
import { writeOutputDir, type OutputFile } from './output';

export const REPORT_OPTIONS = { out: { value: true }, lang: { value: true }, csv: { value: false } };

/** The version the report names (package.json's). */
export function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

export function reportCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const a = parseArgs(argv, REPORT_OPTIONS, 'report');
  if (a.positionals.length !== 1) throw new UsageError(`report needs one log file, got ${a.positionals.length}`);
  const path = a.positionals[0]!;
  const langArg = one(a, 'lang') ?? 'en';
  if (!isLang(langArg)) throw new UsageError(`--lang must be en or es, got "${langArg}"`);
  const dir = one(a, 'out') ?? dirname(path);
  if (!dir.trim()) throw new UsageError('--out is empty');
  const checked = checkLog(readJson(path, 'log'));
  if (!checked.ok) throw new UsageError(`log ${path}: ${checked.message} [${checked.code}]`);
  const log = checked.log;
  const r = replay(log, { keepStates: true });
  if (!r.ok) {
    err(
      `cordillera: log ${path} does not replay exactly${r.turn !== undefined ? ` (turn ${r.turn})` : ''}: ${r.message} [${r.code}]; no report written`,
    );
    return 1;
  }
  const { t, locale } = cliI18n(langArg);
  const files: OutputFile[] = [
    {
      name: 'aar.html',
      content: buildAar({ log, states: r.states, events: r.events, lang: langArg, t, locale, appVersion: appVersion() }),
    },
  ];
  if (a.options.has('csv')) files.push(...reportCsvFiles({ log, states: r.states, events: r.events }, t));
  const written = writeOutputDir(dir, files);
  out(
    `report ${log.scenarioId}, seed ${log.seed}, ${log.entries.length} turn${log.entries.length === 1 ? '' : 's'} (${langArg}), final hash ${log.finalHash}`,
  );
  out(`wrote ${written}: ${files.map((f) => f.name).join(', ')}`);
  return 0;
}
