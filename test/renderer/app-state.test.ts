/**
 * The app's reducer over the real engine: a solo turn, a hot-seat turn behind the curtain (orders
 * of a committed side never reach another side's view), undo of planning edits, validation errors
 * as translated messages, settings, and saved games that refuse bad files.
 */
import { describe, expect, it } from 'vitest';
import { appReducer, humanSides, initialState, type Action } from '../../renderer/app-state/reducer';
import { defaultSettings, sanitizeSettings } from '../../renderer/app-state/settings';
import { draftToOrders, emptyDraft, optionKey, isChanged, rowValue } from '../../renderer/app-state/drafts';
import { parseSave, saveText } from '../../renderer/app-state/save-file';
import { logText, reportHtml, tableCsv, type ExportSource } from '../../renderer/app-state/exports';
import type { AppState, Setup } from '../../renderer/app-state/types';
import { checkLog, legalOrders, replay, type GameLog } from '../../game';

const setup = (humans: ('state' | 'clans' | 'insurgents')[], turns = 3): Setup => ({
  scenarioId: 'interdiction-2016',
  seed: 11,
  turns,
  seats: {
    state: { kind: humans.includes('state') ? 'human' : 'computer', difficulty: 'normal' },
    clans: { kind: humans.includes('clans') ? 'human' : 'computer', difficulty: 'easy' },
    insurgents: { kind: humans.includes('insurgents') ? 'human' : 'computer', difficulty: 'hard' },
  },
});

const run = (s: AppState, ...actions: Action[]) => actions.reduce(appReducer, s);
const fresh = () => initialState(defaultSettings('en'));

describe('the turn cycle', () => {
  it('solo: the State plans, commits, and the turn is resolved with the bots', () => {
    let s = run(fresh(), { type: 'game/new', setup: setup(['state']) });
    expect(s.phase).toEqual({ kind: 'planning', side: 'state' });
    const game = s.session!.game;
    const erad = legalOrders(game, 'state').find((o) => o.kind === 'eradicate' && o.region === 'PE-CUS')!;
    s = run(s, { type: 'plan/set', key: optionKey(erad), value: { amount: 800 } });
    s = run(s, { type: 'plan/note', note: 'why' });
    s = run(s, { type: 'plan/commit' });
    expect(s.phase).toEqual({ kind: 'review' });
    const sess = s.session!;
    expect(sess.game.turn).toBe(1);
    expect(sess.last?.turn).toBe(1);
    expect(sess.last?.events.length).toBeGreaterThan(0);
    expect(Object.keys(sess.last?.authors ?? {}).sort()).toEqual(['clans', 'insurgents']);
    const stateOrders = sess.log.entries[0]!.input.orders.find((o) => o.side === 'state')!;
    expect(stateOrders.orders).toContainEqual({ kind: 'eradicate', region: 'PE-CUS', amount: 800 });
    expect(stateOrders.note).toBe('why');
    expect(sess.states).toHaveLength(2);
    expect(sess.states[1]).toBe(sess.game);
    expect(sess.turnEvents).toEqual([sess.last?.events]);
    expect(sess.drafts).toEqual({});
    s = run(s, { type: 'turn/continue' });
    expect(s.phase).toEqual({ kind: 'planning', side: 'state' });
  });

  it('hot seat: each side plans behind the curtain; committed orders are not in any draft', () => {
    let s = run(fresh(), { type: 'game/new', setup: setup(['state', 'clans', 'insurgents']) });
    expect(humanSides(s.session!.setup)).toEqual(['state', 'clans', 'insurgents']);
    expect(s.phase).toEqual({ kind: 'curtain', side: 'state' });
    // Nothing can be planned while the curtain is down.
    s = run(s, { type: 'plan/set', key: 'x', value: { amount: 1 } });
    expect(s.session!.drafts).toEqual({});
    s = run(s, { type: 'curtain/reveal' });
    const erad = legalOrders(s.session!.game, 'state').find((o) => o.kind === 'eradicate')!;
    s = run(s, { type: 'plan/set', key: optionKey(erad), value: { amount: 321 } }, { type: 'plan/commit' });
    expect(s.phase).toEqual({ kind: 'curtain', side: 'clans' });
    s = run(s, { type: 'curtain/reveal' });
    expect(s.phase).toEqual({ kind: 'planning', side: 'clans' });
    expect(s.session!.drafts.clans).toBeUndefined();
    s = run(s, { type: 'plan/commit' }, { type: 'curtain/reveal' }, { type: 'plan/commit' });
    expect(s.phase).toEqual({ kind: 'review' });
    expect(s.session!.last?.authors).toEqual({});
    expect(s.session!.game.turn).toBe(1);
    s = run(s, { type: 'turn/continue' });
    expect(s.phase).toEqual({ kind: 'curtain', side: 'state' });
  });

  it("messages about one side's plan are cleared before the next side sees the screen", () => {
    let s = run(fresh(), { type: 'game/new', setup: setup(['state', 'clans']) }, { type: 'curtain/reveal' });
    const pilots = legalOrders(s.session!.game, 'state').find((o) => o.kind === 'pilots')!;
    const radar = legalOrders(s.session!.game, 'state').find((o) => o.kind === 'radar')!;
    s = run(
      s,
      { type: 'plan/set', key: optionKey(pilots), value: { amount: pilots.max } },
      { type: 'plan/set', key: optionKey(radar), value: { amount: radar.max } },
      { type: 'plan/commit' },
    );
    expect(s.toasts).toHaveLength(1);
    s = run(s, { type: 'plan/set', key: optionKey(radar), value: { amount: 0 } }, { type: 'plan/commit' });
    expect(s.phase).toEqual({ kind: 'curtain', side: 'clans' });
    expect(s.toasts).toEqual([]);
  });

  it('undo and redo planning edits; a slider drag is one step', () => {
    let s = run(fresh(), { type: 'game/new', setup: setup(['state']) });
    const a = legalOrders(s.session!.game, 'state').find((o) => o.kind === 'eradicate')!;
    const b = legalOrders(s.session!.game, 'state').find((o) => o.kind === 'pilots')!;
    s = run(
      s,
      { type: 'plan/set', key: optionKey(a), value: { amount: 10 } },
      { type: 'plan/set', key: optionKey(a), value: { amount: 20 } },
      { type: 'plan/set', key: optionKey(a), value: { amount: 30 } },
      { type: 'plan/set', key: optionKey(b), value: { amount: 2 } },
    );
    expect(s.session!.drafts.state!.values[optionKey(a)]).toEqual({ amount: 30 });
    s = run(s, { type: 'plan/undo' });
    expect(s.session!.drafts.state!.values[optionKey(b)]).toBeUndefined();
    expect(s.session!.drafts.state!.values[optionKey(a)]).toEqual({ amount: 30 });
    s = run(s, { type: 'plan/undo' });
    expect(s.session!.drafts.state!.values).toEqual({});
    s = run(s, { type: 'plan/redo' }, { type: 'plan/redo' });
    expect(s.session!.drafts.state!.values[optionKey(b)]).toEqual({ amount: 2 });
    s = run(s, { type: 'plan/reset' });
    expect(s.session!.drafts.state!.values).toEqual({});
    s = run(s, { type: 'plan/undo' });
    expect(s.session!.drafts.state!.values[optionKey(b)]).toEqual({ amount: 2 });
  });

  it('an over-budget plan is refused with translated messages and stays in planning', () => {
    let s = run(fresh(), { type: 'game/new', setup: setup(['state']) });
    const pilots = legalOrders(s.session!.game, 'state').find((o) => o.kind === 'pilots')!;
    const radar = legalOrders(s.session!.game, 'state').find((o) => o.kind === 'radar')!;
    s = run(
      s,
      { type: 'plan/set', key: optionKey(pilots), value: { amount: pilots.max } },
      { type: 'plan/set', key: optionKey(radar), value: { amount: radar.max } },
      { type: 'plan/commit' },
    );
    expect(s.phase).toEqual({ kind: 'planning', side: 'state' });
    expect(s.session!.errors.map((e) => e.code)).toContain('order.overBudget');
    const toast = s.toasts.at(-1)!;
    expect(toast.kind).toBe('error');
    expect(toast.key).toBe('app.error.invalidOrders');
    expect(toast.details?.[0]?.key).toBe('validation.order.overBudget');
    expect(toast.details?.[0]?.values?.pool).toBe('@app.pool.money');
  });

  it('a game plays to the end', () => {
    let s = run(fresh(), { type: 'game/new', setup: setup([], 2) });
    expect(s.phase).toEqual({ kind: 'review' });
    s = run(s, { type: 'turn/continue' }, { type: 'turn/continue' });
    expect(s.phase).toEqual({ kind: 'ended' });
    expect(s.session!.game.status).toBe('ended');
    expect(s.session!.game.history).toHaveLength(2);
  });
});

describe('drafts', () => {
  it('turn only changed rows into orders, with choices and moves', () => {
    const s = run(fresh(), { type: 'game/new', setup: setup(['insurgents']) });
    const opts = legalOrders(s.session!.game, 'insurgents');
    const posture = opts.find((o) => o.kind === 'posture')!;
    const move = opts.find((o) => o.kind === 'move')!;
    const tax = opts.find((o) => o.kind === 'taxRate')!;
    const draft = {
      ...emptyDraft(),
      values: {
        [optionKey(posture)]: { choice: 'hide' },
        [optionKey(move)]: { amount: 2 },
        [optionKey(tax)]: { amount: tax.current as number },
      },
    };
    expect(isChanged(tax, draft.values[optionKey(tax)])).toBe(false);
    expect(rowValue(move, undefined).to).toBe(move.to![0]);
    const so = draftToOrders('insurgents', opts, draft);
    expect(so.orders).toEqual([
      { kind: 'move', region: move.region, to: move.to![0], amount: 2 },
      { kind: 'posture', value: 'hide' },
    ]);
  });
});

describe('settings', () => {
  it('keeps valid stored settings and drops the rest', () => {
    const base = defaultSettings('en');
    expect(sanitizeSettings({ lang: 'es', zoom: 9, overlay: 'violence', presentation: true, palette: 'x', flows: 'no' }, base)).toEqual({
      ...base,
      lang: 'es',
      zoom: 2,
      overlay: 'violence',
      presentation: true,
    });
    expect(sanitizeSettings({ lang: 'fr', overlay: 'nope' }, base)).toEqual(base);
  });
  it('zooms in steps within limits', () => {
    let s = fresh();
    for (let i = 0; i < 30; i++) s = appReducer(s, { type: 'settings/zoom', by: 0.1 });
    expect(s.settings.zoom).toBe(2);
    s = appReducer(s, { type: 'settings/zoom', by: 'reset' });
    expect(s.settings.zoom).toBe(1);
  });
});

describe('saved games and exports', () => {
  const played = () => run(fresh(), { type: 'game/new', setup: setup(['state']) }, { type: 'plan/commit' });
  const meta = { app: '0.1.0' };
  const source = (s: AppState): ExportSource => ({
    log: s.session!.log,
    states: s.session!.states,
    turnEvents: s.session!.turnEvents,
    setup: s.session!.setup,
  });

  it('round-trip through a save file, back at the report of the last turn played', () => {
    const s = played();
    const r = parseSave(saveText(s.session!, meta));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const loaded = run(fresh(), { type: 'game/loaded', loaded: r.loaded, gameId: 'g2', file: { handle: 'h', name: 'a.json' } });
    expect(loaded.session!.game).toEqual(s.session!.game);
    expect(loaded.session!.last).toEqual(s.session!.last);
    expect(loaded.session!.saveHandle).toBe('h');
    expect(loaded.phase).toEqual({ kind: 'review' });
    expect(run(loaded, { type: 'turn/continue' }).phase).toEqual({ kind: 'planning', side: 'state' });
  });

  it('refuses files that are not saves, are from the future, or were tampered with', () => {
    expect(parseSave('not json')).toMatchObject({ ok: false, key: expect.stringMatching(/^error\.save\.notJson(At)?$/) as unknown });
    expect(parseSave('{"format":"cordillera-save","version":2,"log":{"entr')).toEqual({ ok: false, key: 'error.save.truncated' });
    expect(parseSave('{"format":"x"}')).toEqual({ ok: false, key: 'error.save.wrongFormat', values: { format: 'x' } });
    expect(parseSave('{"format":"cordillera-save","version":9}')).toEqual({
      ok: false,
      key: 'error.save.futureVersion',
      values: { version: 9, max: 3 },
    });
    expect(parseSave('{"format":"cordillera-save","version":2,"setup":{}}')).toEqual({
      ok: false,
      key: 'error.save.field',
      values: { path: 'setup.seats' },
    });
    const text = saveText(played().session!, meta);
    const tampered = JSON.parse(text) as {
      log: { entries: { input: { orders: { side: string; orders: { kind: string; amount?: number }[] }[] } }[] };
    };
    const order = tampered.log.entries[0]!.input.orders.find((o) => o.side === 'clans')!.orders.find((o) => typeof o.amount === 'number')!;
    order.amount! += 1;
    expect(parseSave(JSON.stringify(tampered))).toEqual({ ok: false, key: 'error.save.tampered', values: { turn: 1 } });
  });

  it('undoes the last turn: back to planning it, with the log, states and events cut back', () => {
    let s = played();
    s = run(s, { type: 'turn/continue' }, { type: 'plan/commit' });
    expect(s.session!.game.turn).toBe(2);
    const after1 = played().session!;
    s = run(s, { type: 'turn/undo' });
    expect(s.phase).toEqual({ kind: 'planning', side: 'state' });
    expect(s.session!.game).toBe(s.session!.states[1]);
    expect(s.session!.game).toEqual(after1.game);
    expect(s.session!.log).toEqual(after1.log);
    expect(s.session!.events).toEqual(after1.events);
    expect(s.session!.last).toEqual(after1.last);
    expect(s.toasts.at(-1)).toMatchObject({ kind: 'info', key: 'app.toast.turnUndone', values: { turn: 2 } });
    s = run(s, { type: 'turn/undo' }, { type: 'turn/undo' });
    expect(s.session!.game.turn).toBe(0);
    expect(s.session!.last).toBeNull();
  });

  it('exports a replayable log, the four tables and an HTML report', () => {
    const s = played();
    const src = source(s);
    const log = JSON.parse(logText(src)) as GameLog;
    const checked = checkLog(log);
    expect(checked.ok).toBe(true);
    const rep = replay(log);
    expect(rep.ok).toBe(true);
    if (rep.ok) expect(rep.state).toEqual(s.session!.game);
    const national = tableCsv('national', src, 'en', { bom: true });
    expect(national.startsWith('\uFEFFturn,year,quarter,coca_ha')).toBe(true);
    expect(national.trim().split('\n')).toHaveLength(2);
    expect(tableCsv('regions', src, 'en').trim().split('\n')).toHaveLength(1 + 26);
    expect(tableCsv('events', src, 'es').split('\n')[0]).toBe('turn,type,region,side,to,numbers,text');
    const decisions = tableCsv('decisions', src, 'en');
    expect(decisions).toContain('\n1,state,,,,,,,,,\n');
    expect(decisions).toMatch(/\n1,insurgents,[a-zA-Z]+,[^\n]*,,Computer \(Hard\),"(Chose|Kept to) /);
    const html = reportHtml(src, 'es', '0.1.0');
    expect(html).toMatch(/<html lang="es"/);
    expect(html).toContain('<svg');
    expect(html).toContain(s.session!.log.finalHash);
  });
});
