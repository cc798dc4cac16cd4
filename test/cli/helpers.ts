/** Running the command line as a child process, and temporary directories that clean up after. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';

export const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const CLI = join(ROOT, 'cli', 'cordillera.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `tsx cli/cordillera.ts <args>` (what `npx tsx` runs), from `cwd`. */
export function cli(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(TSX, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cordillera-cli-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
