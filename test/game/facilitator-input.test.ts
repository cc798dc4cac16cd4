/**
 * The facilitator's turn inputs added for the console (issue 11): MSEL lines scheduled during the
 * game (by turn or by trigger) and notes. A triggered line fires on the first turn whose previous
 * record meets its condition, once; notes change nothing but are events; bad input is refused with
 * the field named, and the state is untouched.
 */
import { describe, expect, it } from 'vitest';
import { createGame, hashState, resolveTurn, type TurnInput } from '../../game';
import { SCENARIO, botInput, eventsOf, step } from './helpers';

describe('facilitator inputs', () => {
  it('a triggered line fires on the first turn its condition holds, and only once', () => {
    let s = createGame(SCENARIO, 7);
    s = step(s, botInput(s)).state;
    const flights = s.history.at(-1)!.narcoFlights;
    // Above a level the last quarter already exceeds: due at once, on the next turn resolved.
    const input: TurnInput = {
      ...botInput(s),
      schedule: [{ id: 'flights-alarm', inject: { id: 'us-suspends-support' }, when: { metric: 'narcoFlights', above: flights - 1 } }],
    };
    const r = step(s, input);
    const fired = eventsOf(r.events, 'injectApplied').filter((e) => e.entry === 'flights-alarm');
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ inject: 'us-suspends-support', entry: 'flights-alarm', reason: 'trigger', turn: 2 });
    expect(r.state.national.msel.find((l) => l.id === 'flights-alarm')).toMatchObject({ status: 'fired', firedTurn: 2 });
    const again = step(r.state, botInput(r.state));
    expect(eventsOf(again.events, 'injectApplied').filter((e) => e.entry === 'flights-alarm')).toHaveLength(0);
  });

  it('a trigger that does not hold waits, then fires when it first does', () => {
    let s = createGame(SCENARIO, 7);
    s = step(s, { ...botInput(s), schedule: [{ id: 'far-off', inject: { id: 'pcc-arrives' }, when: { turn: 3 } }] }).state;
    expect(s.national.msel.find((l) => l.id === 'far-off')!.status).toBe('pending');
    const t2 = step(s, botInput(s));
    expect(eventsOf(t2.events, 'injectApplied').some((e) => e.entry === 'far-off')).toBe(false);
    const t3 = step(t2.state, botInput(t2.state));
    expect(eventsOf(t3.events, 'injectApplied').find((e) => e.entry === 'far-off')).toMatchObject({ reason: 'scheduled', turn: 3 });
  });

  it('notes are events stamped with turn and phase and change no figure', () => {
    const s = createGame(SCENARIO, 3);
    const plain = step(s, botInput(s));
    const noted = step(s, { ...botInput(s), notes: [{ turn: 1, phase: 'planning', text: 'State team argued for air bridge denial.' }] });
    expect(hashState(noted.state)).toBe(hashState(plain.state));
    expect(eventsOf(noted.events, 'facilitatorNoted')).toEqual([
      { turn: 1, type: 'facilitatorNoted', noteTurn: 1, phase: 'planning', text: 'State team argued for air bridge denial.' },
    ]);
  });

  it('refuses bad schedules and notes, naming the field', () => {
    const s = createGame(SCENARIO, 3);
    const bad = resolveTurn(s, {
      orders: [],
      schedule: [
        { id: 'election-eve-2016', inject: { id: 'pcc-arrives' }, when: { turn: 4 } },
        { id: 'x', inject: { id: 'no-such-inject' }, when: { turn: 4 } },
        { id: 'y', inject: { id: 'pcc-arrives' }, when: { metric: 'cocaHa' } },
      ],
      notes: [
        { turn: 9, phase: 'planning', text: 'x' },
        { turn: 1, phase: 'planning', text: '  ' },
      ],
    } as unknown as TurnInput);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => [e.path, e.code])).toEqual([
      ['schedule[0].id', 'msel.duplicateEntry'],
      ['schedule[1].inject.id', 'inject.unknown'],
      ['schedule[2]', 'msel.malformedEntry'],
      ['notes[0].turn', 'note.badTurn'],
      ['notes[1].text', 'note.badText'],
    ]);
  });
});
