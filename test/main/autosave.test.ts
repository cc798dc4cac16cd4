import { readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AutosaveStore, SettingsStore, isValidSlotId } from '../../main/file-service';
import { failure, tempDir } from './helpers';

/** A clock that ticks one minute per call, so savedAt is predictable. */
function clock(): () => Date {
  let t = Date.UTC(2025, 0, 1, 12, 0, 0);
  return () => new Date((t += 60_000));
}

describe('autosave slots', () => {
  it('keeps the newest N (default 5), newest first, and deletes older files', async () => {
    const dir = join(tempDir(), 'autosave');
    const store = new AutosaveStore(dir, undefined, clock());
    expect(store.keep).toBe(5);
    for (let turn = 1; turn <= 8; turn++) {
      const entry = await store.write(`turn-${turn}`, `VRAEM — turn ${turn}`, `{"turn":${turn}}`);
      expect(entry.id).toBe(`turn-${turn}`);
    }
    const list = await store.list();
    expect(list.map((e) => e.id)).toEqual(['turn-8', 'turn-7', 'turn-6', 'turn-5', 'turn-4']);
    expect(list[0]).toEqual({ id: 'turn-8', label: 'VRAEM — turn 8', savedAt: '2025-01-01T12:08:00.000Z' });
    expect(readdirSync(dir).sort()).toEqual(['turn-4', 'turn-5', 'turn-6', 'turn-7', 'turn-8'].map((id) => `${id}.autosave`));
    expect(await store.read('turn-6')).toBe('{"turn":6}');
    expect((await failure(store.read('turn-1'))).messageKey).toBe('error.autosave.notFound');
  });

  it('rewriting a slot moves it to the front without using a second place', async () => {
    const store = new AutosaveStore(tempDir(), 3, clock());
    await store.write('a', 'A', '1');
    await store.write('b', 'B', '2');
    await store.write('c', 'C', '3');
    await store.write('a', 'A again', '4');
    expect((await store.list()).map((e) => [e.id, e.label])).toEqual([
      ['a', 'A again'],
      ['c', 'C'],
      ['b', 'B'],
    ]);
    expect(await store.read('a')).toBe('4');
  });

  it('stays consistent under concurrent writes', async () => {
    const dir = tempDir();
    const store = new AutosaveStore(dir, 5, clock());
    await Promise.all(Array.from({ length: 12 }, (_, i) => store.write(`slot-${i}`, `label ${i}`, `text ${i}`)));
    const list = await store.list();
    expect(list.map((e) => e.id)).toEqual(['slot-11', 'slot-10', 'slot-9', 'slot-8', 'slot-7']);
    expect(readdirSync(dir)).toHaveLength(5);
    for (const e of list) expect(await store.read(e.id)).toBe(`text ${e.id.slice(5)}`);
  });

  it('refuses slot ids that could escape the directory, and writes nothing', async () => {
    const root = tempDir();
    const dir = join(root, 'autosave');
    const store = new AutosaveStore(dir);
    const bad = [
      '../evil',
      '..',
      '.',
      'a/b',
      'a\\b',
      '/etc/passwd',
      'C:\\x',
      'Slot',
      'x.json',
      '',
      ' a',
      'a ',
      '-a',
      'a-',
      'a'.repeat(65),
      'a\u0000b',
      '%2e%2e',
      'ñ',
    ];
    for (const id of bad) {
      expect(isValidSlotId(id), id).toBe(false);
      const error = await failure(store.write(id, 'x', 'y'));
      expect(error.messageKey).toBe('error.autosave.invalidId');
      expect((await failure(store.read(id))).messageKey).toBe('error.autosave.invalidId');
    }
    expect(readdirSync(root)).toEqual([]);
    expect(isValidSlotId('autosave-3')).toBe(true);
    expect(isValidSlotId('a'.repeat(64))).toBe(true);
  });

  it('detects a truncated or tampered slot on read', async () => {
    const dir = tempDir();
    const store = new AutosaveStore(dir);
    await store.write('turn-1', 'T1', 'x'.repeat(1000));
    await store.write('turn-2', 'T2', 'abc');
    const file1 = join(dir, 'turn-1.autosave');
    truncateSync(file1, readFileSync(file1).length - 10);
    const cut = await failure(store.read('turn-1'));
    expect(cut.code).toBe('invalid');
    expect(cut.messageKey).toBe('error.autosave.corrupt');
    const file2 = join(dir, 'turn-2.autosave');
    writeFileSync(file2, readFileSync(file2, 'utf8').replace(/abc$/, 'abd'));
    expect((await failure(store.read('turn-2'))).messageKey).toBe('error.autosave.corrupt');
  });

  it('leaves unreadable slots out of the list and cleans up stale temp files', async () => {
    const dir = tempDir();
    const store = new AutosaveStore(dir);
    await store.write('good', 'Good', 'text');
    writeFileSync(join(dir, 'broken.autosave'), 'not a header');
    writeFileSync(join(dir, '.good.autosave.0123456789ab.tmp'), 'half');
    expect((await store.list()).map((e) => e.id)).toEqual(['good']);
    expect((await failure(store.read('broken'))).messageKey).toBe('error.autosave.corrupt');
    await store.write('next', 'Next', 'text');
    expect(readdirSync(dir).sort()).toEqual(['broken.autosave', 'good.autosave', 'next.autosave']);
  });

  it('lists nothing before the first autosave', async () => {
    expect(await new AutosaveStore(join(tempDir(), 'none')).list()).toEqual([]);
  });
});

describe('settings file', () => {
  it('round-trips a JSON object, and is empty before the first save', async () => {
    const file = join(tempDir(), 'sub', 'settings.json');
    const store = new SettingsStore(file);
    expect(await store.get()).toEqual({});
    await store.set({ lang: 'es', zoom: 1.2, palette: 'okabe-ito' });
    expect(await store.get()).toEqual({ lang: 'es', zoom: 1.2, palette: 'okabe-ito' });
  });

  it('reports a damaged settings file', async () => {
    const file = join(tempDir(), 'settings.json');
    writeFileSync(file, '{"lang": "es"');
    expect((await failure(new SettingsStore(file).get())).messageKey).toBe('error.settings.corrupt');
    writeFileSync(file, '[1,2]');
    expect((await failure(new SettingsStore(file).get())).messageKey).toBe('error.settings.corrupt');
  });

  it('refuses settings over 256 KB', async () => {
    const file = join(tempDir(), 'settings.json');
    const error = await failure(new SettingsStore(file).set({ notes: 'x'.repeat(300 * 1024) }));
    expect(error.code).toBe('too-large');
    expect(error.messageKey).toBe('error.settings.tooLarge');
  });
});
