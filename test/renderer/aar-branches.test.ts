/**
 * The after-action report of a seminar (issue 11): what fired and why, the rulings with their
 * reasons, the facilitator's notes and the branch points (every branch kept in the save, every
 * rewind), from a game played through the app's reducer and exported as the app exports it.
 */
import { describe, expect, it } from 'vitest';
import { appReducer, initialState, type Action } from '../../renderer/app-state/reducer';
import { defaultSettings } from '../../renderer/app-state/settings';
import { exportSource } from '../../renderer/app-state/screen';
import { reportHtml } from '../../renderer/app-state/exports';
import type { ConsoleCommand } from '../../renderer/console/protocol';
import type { AppState, Setup } from '../../renderer/app-state/types';

const setup: Setup = {
  scenarioId: 'interdiction-2016',
  seed: 8,
  turns: 5,
  seats: {
    state: { kind: 'human', difficulty: 'normal' },
    clans: { kind: 'computer', difficulty: 'easy' },
    insurgents: { kind: 'computer', difficulty: 'easy' },
  },
};
const run = (s: AppState, ...actions: Action[]) => actions.reduce(appReducer, s);
const cmd = (command: ConsoleCommand): Action => ({ type: 'fac/command', command, now: 0 });
const playTurn: Action[] = [{ type: 'plan/commit' }, { type: 'turn/continue' }];

describe('the after-action report of a seminar', () => {
  it('lists injects with why they fired, rulings with reasons, notes, and the branch points', () => {
    let s = run(initialState(defaultSettings('en')), { type: 'game/new', setup });
    s = run(
      s,
      cmd({ type: 'fireInject', inject: { id: 'us-suspends-support' } }),
      cmd({ type: 'override', override: { target: 'national.usSupport', value: 40, reason: 'Congressional hearing' } }),
      cmd({ type: 'note', text: 'The State waited out the suspension.' }),
      ...playTurn,
      ...playTurn,
      { type: 'plan/commit' },
    );
    expect(s.session!.game.turn).toBe(3);
    // Back to quarter 1, into branch B, and one quarter played there.
    s = run(s, cmd({ type: 'rewind', turn: 1 }), { type: 'turn/continue' }, { type: 'plan/commit' });
    expect(s.session!.game.turn).toBe(2);
    const src = exportSource(s)!;
    expect(src.branches?.list.map((b) => [b.name, b.parent, b.forkTurn, b.played, b.current])).toEqual([
      ['A', null, 0, 3, false],
      ['B', 'A', 1, 2, true],
    ]);

    const html = reportHtml(src, 'en', 'test');
    expect(html).toContain('The United States suspends support');
    expect(html).toContain('fired by the facilitator');
    expect(html).toContain('Congressional hearing');
    expect(html).toContain('The State waited out the suspension.');
    expect(html).toContain('Branch points');
    expect(html).toContain('This report follows branch B.');
    expect(html).toContain('from branch A after quarter 1');
    expect(html).toContain('From branch A in quarter 3 back to quarter 1: branch B.');

    const es = reportHtml(src, 'es', 'test');
    expect(es).toContain('Puntos de bifurcación');
    expect(es).toContain('Este informe sigue la rama B.');
  });

  it('a game with one line of play has no branch points', () => {
    const s = run(initialState(defaultSettings('en')), { type: 'game/new', setup }, { type: 'plan/commit' });
    const src = exportSource(s)!;
    expect(src.branches).toBeUndefined();
    expect(reportHtml(src, 'en', 'test')).not.toContain('Branch points');
  });
});
