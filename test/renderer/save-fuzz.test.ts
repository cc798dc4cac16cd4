/**
 * Load fuzzing: a thousand files made by damaging real saves — cut short, bytes flipped, values of
 * the wrong type, huge numbers, "NaN" strings, 10,000 levels of nesting, enormous strings,
 * duplicate keys, byte-order marks, empty files, binary garbage — go through the app's real
 * loading path (the platform's Open, the loader, the reducer) with a platform whose every write
 * fails the test. Each one is refused with a translated message that says what is wrong, or, if
 * the damage was harmless, loads a game whose replayed state hash is the saved game's. Nothing
 * throws, nothing is written, and the game already open is left exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../helpers/prng';
import { appReducer, initialState, type Action } from '../../renderer/app-state/reducer';
import { defaultSettings } from '../../renderer/app-state/settings';
import { MAX_DEPTH, parseSave, saveText } from '../../renderer/app-state/save-file';
import { openSavedGame } from '../../renderer/app-state/files';
import { autosaveDue } from '../../renderer/app-state/autosave';
import type { AppState, Setup } from '../../renderer/app-state/types';
import type { Platform } from '../../renderer/platform/types';
import { CATALOGUES, translate } from '../../renderer/i18n';
import { hashState } from '../../game';

const rng = mulberry32;

const run = (s: AppState, ...actions: Action[]) => actions.reduce(appReducer, s);

function played(seed: number, turns: number, human: boolean): AppState {
  const setup: Setup = {
    scenarioId: 'interdiction-2016',
    seed,
    turns: turns + 1,
    seats: {
      state: { kind: human ? 'human' : 'computer', difficulty: 'hard' },
      clans: { kind: 'computer', difficulty: 'easy' },
      insurgents: { kind: 'computer', difficulty: 'normal' },
    },
  };
  let s = run(initialState(defaultSettings('en')), { type: 'game/new', setup, gameId: `f${seed}` });
  for (let i = 0; i < turns; i++) {
    if (human) {
      s = run(s, { type: 'plan/note', note: `turn ${i + 1}: hold, "quoted", ñ` }, { type: 'plan/commit' });
      if (i < turns - 1) s = run(s, { type: 'turn/continue' });
    } else s = run(s, { type: 'turn/continue' });
  }
  return s;
}

// --- Damage ------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

function paths(v: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...at, k], out);
  return out;
}

function get(v: Json, p: Path): Json {
  return p.reduce<Json>((x, k) => (x as Record<string, Json>)[k as string]!, v);
}

function set(v: Json, p: Path, value: Json): Json {
  if (p.length === 0) return value;
  const parent = get(v, p.slice(0, -1)) as Record<string, Json>;
  parent[p[p.length - 1] as string] = value;
  return v;
}

const WRONG: Json[] = [null, true, false, 0, -1, 1.5, '', 'x', '0', [], {}, [1, 2], { a: 1 }];

interface Damage {
  kind: string;
  text: string;
}

function damage(base: string, r: () => number, i: number): Damage {
  const pickN = (n: number) => Math.floor(r() * n);
  const json = () => JSON.parse(base) as Json;
  const allPaths = paths(JSON.parse(base) as Json);
  const pathWhere = (pred: (x: Json) => boolean): Path => {
    const v = json();
    const ok = allPaths.filter((p) => pred(get(v, p)));
    return ok[pickN(ok.length)] ?? [];
  };
  const kinds = [
    'truncated',
    'flipped',
    'wrongType',
    'hugeNumber',
    'nanString',
    'deepNesting',
    'deepValue',
    'enormousString',
    'duplicateKey',
    'bom',
    'empty',
    'garbage',
    'removeKey',
    'swapEntries',
    'stringNumber',
  ] as const;
  const kind = kinds[i % kinds.length]!;
  switch (kind) {
    case 'truncated':
      return { kind, text: base.slice(0, pickN(base.length - 2)) };
    case 'flipped': {
      const chars = [...base];
      const n = 1 + pickN(6);
      for (let k = 0; k < n; k++) {
        const at = pickN(chars.length);
        chars[at] = String.fromCharCode(pickN(r() < 0.8 ? 128 : 0xffff));
      }
      return { kind, text: chars.join('') };
    }
    case 'wrongType': {
      const p = pathWhere(() => true);
      const v = json();
      const old = get(v, p);
      let w = WRONG[pickN(WRONG.length)]!;
      if (JSON.stringify(w) === JSON.stringify(old)) w = typeof old === 'string' ? 7 : 'seven';
      return { kind: `${kind} at ${p.join('.')}`, text: JSON.stringify(set(v, p, w)) };
    }
    case 'hugeNumber': {
      const p = pathWhere((x) => typeof x === 'number');
      const huge = [1e308, -1e308, Number.MAX_SAFE_INTEGER * 4, -0.0000001, 1e21][pickN(5)]!;
      const text = JSON.stringify(set(json(), p, huge));
      // 1e400 is Infinity to JSON.parse; write it as text.
      return { kind: `${kind} at ${p.join('.')}`, text: r() < 0.3 ? text.replace(/1e\+308/, '1e400') : text };
    }
    case 'nanString': {
      const p = pathWhere((x) => typeof x === 'number');
      return {
        kind: `${kind} at ${p.join('.')}`,
        text: JSON.stringify(set(json(), p, ['NaN', 'Infinity', '-Infinity', '1e999'][pickN(4)]!)),
      };
    }
    case 'deepNesting':
      return { kind, text: '['.repeat(10_000) + ']'.repeat(r() < 0.5 ? 10_000 : 0) };
    case 'deepValue': {
      const p = pathWhere(() => true);
      const deep = '['.repeat(10_000) + '1' + ']'.repeat(10_000);
      const v = set(json(), p, '__DEEP__');
      return { kind: `${kind} at ${p.join('.')}`, text: JSON.stringify(v).replace('"__DEEP__"', deep) };
    }
    case 'enormousString': {
      const p = pathWhere((x) => typeof x === 'string');
      return { kind: `${kind} at ${p.join('.')}`, text: JSON.stringify(set(json(), p, 'é'.repeat(200_000 + pickN(3_000_000)))) };
    }
    case 'duplicateKey': {
      // Repeat a key of the top level or of the log, with the same value (harmless) or another.
      const same = r() < 0.5;
      const key = ['format', 'version', 'setup', 'log', 'app'][pickN(5)]!;
      const v = json() as Record<string, Json>;
      const dup = same ? JSON.stringify(v[key]) : JSON.stringify(WRONG[pickN(WRONG.length)]);
      // JSON.parse keeps the last of duplicate keys: put the copy first or last.
      const text = r() < 0.3 ? base.replace(/^\{/, `{"${key}":${dup},`) : base.replace(/\}\s*$/, `,"${key}":${dup}}`);
      return { kind: `${kind} ${key}${same ? ' (same)' : ''}`, text };
    }
    case 'bom':
      // One byte-order mark, as editors add: harmless. (Two are not JSON.)
      return { kind, text: '\uFEFF' + base };
    case 'empty':
      return { kind, text: ['', ' ', '\n\n', '\uFEFF', '\t \r\n'][pickN(5)]! };
    case 'garbage': {
      const n = 1 + pickN(4000);
      let s = '';
      for (let k = 0; k < n; k++) s += String.fromCharCode(pickN(0x10000));
      return { kind, text: s };
    }
    case 'removeKey': {
      const p = pathWhere(() => true).filter((k) => typeof k === 'string');
      const v = json();
      const all = allPaths.filter((q) => q.length > 0 && typeof q[q.length - 1] === 'string');
      const q = all[pickN(all.length)] ?? p;
      const parent = get(v, q.slice(0, -1)) as Record<string, Json>;
      delete parent[q[q.length - 1] as string];
      return { kind: `${kind} ${q.join('.')}`, text: JSON.stringify(v) };
    }
    case 'swapEntries': {
      const v = json() as { log: { entries: Json[] } };
      const e = v.log.entries;
      if (e.length >= 2) [e[0], e[e.length - 1]] = [e[e.length - 1]!, e[0]!];
      else e.push(e[0] ?? null);
      return { kind, text: JSON.stringify(v) };
    }
    case 'stringNumber': {
      const p = pathWhere((x) => typeof x === 'number');
      const v = json();
      const old = get(v, p);
      return { kind: `${kind} at ${p.join('.')}`, text: JSON.stringify(set(v, p, typeof old === 'number' ? String(old) : 'x')) };
    }
  }
}

// --- The platform double: opening works; every write fails the test --------------------------

function readOnlyPlatform(file: { name: string; text: string }, writes: string[]): Platform {
  const refuse = (what: string) => () => {
    writes.push(what);
    throw new Error(`the loader wrote: ${what}`);
  };
  return {
    kind: 'desktop',
    appVersion: () => Promise.resolve('0.1.0'),
    openGameFile: () => Promise.resolve({ ok: true, value: { name: file.name, text: file.text, handle: 'opened-file' } }),
    saveGameFile: refuse('saveGameFile'),
    exportFile: refuse('exportFile'),
    exportPdf: refuse('exportPdf'),
    autosaveWrite: refuse('autosaveWrite'),
    autosaveList: () => Promise.resolve({ ok: true, value: [] }),
    autosaveRead: () => Promise.resolve({ ok: false, error: { code: 'invalid', messageKey: 'error.autosave.notFound' } }),
    settingsGet: () => Promise.resolve({ ok: true, value: {} }),
    settingsSet: refuse('settingsSet'),
    onMenuCommand: () => () => undefined,
    setFullScreen: refuse('setFullScreen'),
    openConsole: refuse('openConsole'),
    consoleChannel: () => ({ post: refuse('consolePost'), subscribe: () => () => undefined }),
  };
}

const unfilled = /\{\w+(\|[^}]*)?\}/;

describe('loading a thousand damaged saves', () => {
  const bases = [played(7, 1, false), played(99, 3, true), played(123456, 2, false)];
  const texts = bases.map((s) => saveText(s.session!, { app: '0.1.0', savedAt: '2026-02-03T04:05:06.000Z', selectedRegion: 'PE-CUS' }));
  const finalHashes = new Set(bases.map((s) => hashState(s.session!.game)));

  it('never throws, never writes, always says what is wrong in English and Spanish', async () => {
    const r = rng(5150);
    const counts: Record<string, { refused: number; harmless: number }> = {};
    const keys = new Set<string>();
    // A game is open, saved to a file: a failed open must leave it exactly as it is.
    const before = run(bases[1]!, { type: 'game/saved', handle: 'the-open-game.json', name: 'the-open-game.json' });
    for (let i = 0; i < 1000; i++) {
      const d = damage(texts[i % texts.length]!, r, i);
      const kind = d.kind.split(' ')[0]!;
      counts[kind] ??= { refused: 0, harmless: 0 };
      const direct = parseSave(d.text);
      const writes: string[] = [];
      const outcome = await openSavedGame(readOnlyPlatform({ name: `damaged-${i}.json`, text: d.text }, writes), 'fuzz', () => true);
      expect(writes, d.kind).toEqual([]);
      const after =
        outcome.kind === 'opened'
          ? run(before, ...outcome.actions)
          : outcome.kind === 'failed'
            ? run(before, { type: 'toast/push', toast: outcome.toast })
            : before;
      // And the app does not autosave because of it (the app's own rule for when to write one).
      expect(autosaveDue(before.session, after.session), d.kind).toBe(false);
      if (!direct.ok) {
        counts[kind].refused++;
        keys.add(direct.key);
        expect(direct.key, d.kind).not.toBe('error.save.unexpected');
        expect(direct.key, d.kind).toMatch(/^error\.(save|replay)\./);
        expect(outcome.kind, d.kind).toBe('failed');
        for (const lang of ['en', 'es'] as const) {
          expect(CATALOGUES[lang][direct.key], `${direct.key} in ${lang}`).toBeTruthy();
          const message = translate(lang, direct.key, direct.values);
          expect(message, `${d.kind}: ${message}`).not.toMatch(unfilled);
          expect(message).not.toContain('@error.');
        }
        // The game that was open is untouched: same session object, same file to save to.
        expect(after.session).toBe(before.session);
        expect(after.session!.saveHandle).toBe('the-open-game.json');
        expect(after.toasts.at(-1)).toMatchObject({ kind: 'error', key: 'app.error.openFailed', details: [{ key: direct.key }] });
      } else {
        counts[kind].harmless++;
        // Loaded only because the damage changed nothing that matters: the replayed game is the saved one.
        const last = direct.loaded.states[direct.loaded.states.length - 1]!;
        expect(hashState(last), d.kind).toBe(direct.loaded.log.finalHash);
        expect(finalHashes.has(hashState(last)), d.kind).toBe(true);
        expect(outcome.kind).toBe('opened');
        expect(hashState(after.session!.game)).toBe(hashState(last));
      }
    }
    // Every kind of damage was tried, and most were refused, with many different explanations.
    expect(Object.keys(counts).sort()).toEqual([
      'bom',
      'deepNesting',
      'deepValue',
      'duplicateKey',
      'empty',
      'enormousString',
      'flipped',
      'garbage',
      'hugeNumber',
      'nanString',
      'removeKey',
      'stringNumber',
      'swapEntries',
      'truncated',
      'wrongType',
    ]);
    const refused = Object.values(counts).reduce((a, c) => a + c.refused, 0);
    expect(refused).toBeGreaterThan(700);
    expect(counts.bom).toEqual({ refused: 0, harmless: 67 });
    expect(counts.duplicateKey!.refused).toBeGreaterThan(10);
    expect(counts.duplicateKey!.harmless).toBeGreaterThan(5);
    for (const k of ['truncated', 'deepNesting', 'deepValue', 'empty', 'garbage', 'hugeNumber', 'nanString', 'swapEntries']) {
      expect(counts[k]!.harmless, k).toBe(0);
    }
    expect(keys.size).toBeGreaterThan(12);
    console.log(JSON.stringify({ counts, keys: [...keys].sort() }));
  }, 120_000);

  it('checks the nesting before parsing: 10,000 levels never reach JSON.parse or a recursive check', () => {
    const deep = `{"format":"cordillera-save","version":2,"log":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(parseSave(deep)).toEqual({ ok: false, key: 'error.save.tooDeep', values: { max: MAX_DEPTH } });
    // Brackets inside strings are text, not nesting.
    const s = JSON.parse(texts[0]!) as { ui: { selectedRegion: string } };
    s.ui.selectedRegion = '['.repeat(10_000);
    expect(parseSave(JSON.stringify(s)).ok).toBe(true);
  });
});
