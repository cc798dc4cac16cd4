import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../main/contract';
import {
  MAX_FILE_BYTES,
  isTempFileName,
  readJsonFile,
  readTextFile,
  removeStaleTempFiles,
  tempPathFor,
  writeFileAtomic,
  writeFileAtomicSync,
} from '../../main/file-service';
import { failure, tempDir } from './helpers';

const OLD = 'OLD CONTENT — the last good save\n';

describe('atomic writes', () => {
  it('writes the new content and leaves no temp file behind', async () => {
    const dir = tempDir();
    const target = join(dir, 'game.json');
    writeFileSync(target, OLD);
    for (let i = 0; i < 5; i++) await writeFileAtomic(target, `{"turn":${i}}`);
    expect(readFileSync(target, 'utf8')).toBe('{"turn":4}');
    expect(readdirSync(dir)).toEqual(['game.json']);
    writeFileAtomicSync(target, 'sync');
    expect(readFileSync(target, 'utf8')).toBe('sync');
    expect(readdirSync(dir)).toEqual(['game.json']);
  });

  it('writes large content in full (chunked writes)', async () => {
    const dir = tempDir();
    const target = join(dir, 'big.json');
    const text = 'x'.repeat(5 * 1024 * 1024 + 17);
    await writeFileAtomic(target, text);
    expect(readFileSync(target, 'utf8')).toBe(text);
  });

  it('concurrent writes to one file: one of them wins whole, no temp files', async () => {
    const dir = tempDir();
    const target = join(dir, 'game.json');
    const contents = Array.from({ length: 20 }, (_, i) => `${i}:${'y'.repeat(10_000 + i)}`);
    await Promise.all(contents.map((c) => writeFileAtomic(target, c)));
    expect(contents).toContain(readFileSync(target, 'utf8'));
    expect(readdirSync(dir)).toEqual(['game.json']);
  });

  // A real mid-write failure: the child process may write at most 32 KiB per file (ulimit -f 64,
  // 512-byte blocks), so writing 1 MiB fails with EFBIG half-way through, as on a full disk.
  for (const mode of ['async', 'sync'] as const) {
    it.skipIf(process.platform === 'win32')(`keeps the old content when the disk fills mid-write (${mode})`, () => {
      const dir = tempDir();
      const target = join(dir, 'game.json');
      writeFileSync(target, OLD);
      const child = resolve(import.meta.dirname, 'fixtures/atomic-write-child.ts');
      const run = spawnSync(
        'sh',
        ['-c', `ulimit -f 64 && exec "${process.execPath}" --import tsx "$0" "$1" "$2" "$3"`, child, target, String(1024 * 1024), mode],
        {
          encoding: 'utf8',
          cwd: resolve(import.meta.dirname, '../..'),
          timeout: 30_000,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, string>;
      expect(report).toMatchObject({ ok: false, name: 'ServiceError', code: 'io', messageKey: 'error.io.write' });
      expect(report.detail).toMatch(/^EFBIG game\.json$/);
      expect(readFileSync(target, 'utf8')).toBe(OLD);
      expect(readdirSync(dir)).toEqual(['game.json']);
    });
  }

  it('keeps the old content and removes the temp file when the rename fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), OLD);
    const error = await failure(writeFileAtomic(target, 'new'));
    expect(error.code).toBe('io');
    expect(error.messageKey).toBe('error.io.write');
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['occupied']);
    expect(() => writeFileAtomicSync(target, 'new')).toThrow(ServiceError);
    expect(readdirSync(dir)).toEqual(['occupied']);
  });

  it('fails cleanly when the directory does not exist', async () => {
    const dir = tempDir();
    const error = await failure(writeFileAtomic(join(dir, 'missing', 'game.json'), 'x'));
    expect(error.messageKey).toBe('error.io.write');
    expect(error.detail).toBe('ENOENT game.json');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names temp files so they can be found and cleaned up after a crash', async () => {
    const dir = tempDir();
    const target = join(dir, 'game.json');
    const temp = tempPathFor(target);
    expect(isTempFileName(temp.slice(dir.length + 1))).toBe(true);
    expect(isTempFileName('game.json')).toBe(false);
    writeFileSync(temp, 'half a save');
    writeFileSync(target, OLD);
    expect(await removeStaleTempFiles(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual(['game.json']);
  });
});

describe('reading files', () => {
  it('reads UTF-8 text and drops a byte-order mark', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"región":"Ayacucho"}', 'utf8')]));
    expect(await readTextFile(file)).toBe('{"región":"Ayacucho"}');
    expect(await readJsonFile(file)).toEqual({ región: 'Ayacucho' });
  });

  it('refuses a file over the 50 MB limit without reading it', async () => {
    const dir = tempDir();
    const file = join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, MAX_FILE_BYTES + 1); // sparse: cheap to make
    const error = await failure(readTextFile(file));
    expect(error.code).toBe('too-large');
    expect(error.messageKey).toBe('error.file.tooLarge');
    const small = await failure(readTextFile(file, { maxBytes: 1024 }));
    expect(small.messageKey).toBe('error.file.tooLarge');
  });

  it('refuses a file truncated in the middle of a character', async () => {
    const dir = tempDir();
    const file = join(dir, 'cut.json');
    const bytes = Buffer.from('{"name":"Apurímac"}', 'utf8');
    writeFileSync(file, bytes.subarray(0, bytes.indexOf(0xc3) + 1));
    const error = await failure(readTextFile(file));
    expect(error.code).toBe('invalid');
    expect(error.messageKey).toBe('error.file.notText');
  });

  it('refuses non-UTF-8 and binary files', async () => {
    const dir = tempDir();
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from('{"name":"Apurímac"}', 'latin1'));
    expect((await failure(readTextFile(latin1))).messageKey).toBe('error.file.notText');
    const binary = join(dir, 'image.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]));
    expect((await failure(readTextFile(binary))).messageKey).toBe('error.file.notText');
  });

  it('gives a truncated JSON file a clear error', async () => {
    const dir = tempDir();
    const file = join(dir, 'cut.json');
    writeFileSync(file, '{"turn": 3, "regions": [');
    const error = await failure(readJsonFile(file));
    expect(error.code).toBe('invalid');
    expect(error.messageKey).toBe('error.file.notJson');
  });

  it('refuses empty files, directories and missing files', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    expect((await failure(readTextFile(empty))).messageKey).toBe('error.file.empty');
    expect(await readTextFile(empty, { allowEmpty: true })).toBe('');
    const sub = join(dir, 'folder');
    mkdirSync(sub);
    expect((await failure(readTextFile(sub))).messageKey).toBe('error.file.notAFile');
    const missing = await failure(readTextFile(join(dir, 'nope.json')));
    expect(missing.code).toBe('io');
    expect(missing.messageKey).toBe('error.io.read');
    expect(missing.detail).toBe('ENOENT nope.json');
  });
});
