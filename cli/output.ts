/**
 * Atomic, all-or-nothing output. Everything is built in memory first; then the files are written
 * (and flushed to disk) into a fresh temporary directory next to the target and moved into place
 * only when all of them were written. A new output directory appears in one rename; into an
 * existing one each file is renamed over the old (each rename is atomic, and none starts before
 * every file is safely written). On any error the temporary directory is removed and, if this
 * call created the target's parent directories, those too: no partial output is left behind.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors';

export interface OutputFile {
  name: string;
  content: string;
}

function writeDurably(path: string, content: string): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    const buf = Buffer.from(content, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(path: string): void {
  // Make the renames themselves durable; some platforms cannot open a directory, which is fine.
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported here */
  }
}

const kindOf = (path: string): 'missing' | 'dir' | 'other' => {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'other';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
};

/** Write `files` into directory `outDir`, atomically. Returns the absolute directory. */
export function writeOutputDir(outDir: string, files: readonly OutputFile[]): string {
  const dir = resolve(outDir);
  for (const f of files) if (f.name !== basename(f.name) || f.name.startsWith('.')) throw new Error(`bad output file name ${f.name}`);
  const existing = kindOf(dir);
  if (existing === 'other') throw new UsageError(`--out: ${outDir} exists and is not a directory`);
  for (const f of files) {
    if (existing === 'dir' && kindOf(join(dir, f.name)) === 'dir') throw new UsageError(`--out: ${join(outDir, f.name)} is a directory`);
  }
  const parent = dirname(dir);
  let createdRoot: string | undefined;
  let tmp: string | undefined;
  try {
    createdRoot = mkdirSync(parent, { recursive: true });
    // mkdir (not mkdtemp) so the directory gets the usual permissions once renamed into place.
    const name = join(parent, `.${basename(dir)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    mkdirSync(name);
    tmp = name;
    for (const f of files) writeDurably(join(tmp, f.name), f.content);
    syncDir(tmp);
    if (existing === 'missing') {
      renameSync(tmp, dir);
      tmp = undefined;
      syncDir(parent);
    } else {
      for (const f of files) renameSync(join(tmp, f.name), join(dir, f.name));
      syncDir(dir);
      if (readdirSync(tmp).length === 0) rmSync(tmp, { recursive: true, force: true });
      tmp = undefined;
    }
    return dir;
  } catch (e) {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    if (createdRoot) rmSync(createdRoot, { recursive: true, force: true });
    if (e instanceof UsageError) throw e;
    throw new UsageError(`could not write ${outDir}: ${(e as Error).message}`);
  }
}
