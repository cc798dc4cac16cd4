/** Output is all-or-nothing: nothing partial is left behind when writing fails half-way. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/errors';
import { writeOutputDir } from '../../cli/output';
import { tempDir } from './helpers';

describe('writeOutputDir', () => {
  it('creates the directory (and its parents) with every file', () => {
    const dir = tempDir();
    const out = join(dir, 'a', 'b', 'run');
    writeOutputDir(out, [
      { name: 'one.csv', content: 'x\n1\n' },
      { name: 'two.csv', content: 'y\n' },
    ]);
    expect(readdirSync(out).sort()).toEqual(['one.csv', 'two.csv']);
    expect(readFileSync(join(out, 'one.csv'), 'utf8')).toBe('x\n1\n');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['run']);
  });

  it('leaves nothing behind when a write fails half-way, not even the parents it created', () => {
    const dir = tempDir();
    // The second file cannot be created (same name): the failure comes after the first was written.
    expect(() =>
      writeOutputDir(join(dir, 'a', 'b', 'run'), [
        { name: 'x.csv', content: '1' },
        { name: 'x.csv', content: '2' },
      ]),
    ).toThrow(UsageError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces files in an existing directory, keeps the others, and leaves no temporary files', () => {
    const dir = tempDir();
    const out = join(dir, 'run');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'one.csv'), 'old');
    writeOutputDir(out, [{ name: 'one.csv', content: 'new' }]);
    expect(readFileSync(join(out, 'one.csv'), 'utf8')).toBe('new');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['run']);
    expect(readdirSync(out).sort()).toEqual(['notes.txt', 'one.csv']);
  });

  it('refuses an --out that is a file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => writeOutputDir(join(dir, 'file'), [{ name: 'a.csv', content: '' }])).toThrow(/not a directory/);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});
