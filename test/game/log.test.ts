/**
 * `checkLog` refuses a log with a distinct code per failure and the values that say what exactly,
 * so programs (the app's save loader, the command line) never read its English message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLog, type LogProblem } from '../../game';
import { MODEL_VERSION } from '../../game/log';
import { clone } from './helpers';

type Raw = Record<string, unknown> & { entries: { turn: number }[]; scenario: Record<string, unknown> };
const golden = JSON.parse(readFileSync(new URL('../fixtures/golden-8.json', import.meta.url), 'utf8')) as Raw;

function problem(edit: (log: Raw) => unknown): Pick<LogProblem, 'code' | 'values'> {
  const r = checkLog(edit(clone(golden)));
  if (r.ok) throw new Error('the log was accepted');
  return { code: r.code, values: r.values };
}

describe('checkLog', () => {
  it('accepts the golden log as it is', () => {
    expect(checkLog(clone(golden)).ok).toBe(true);
  });

  it('names each failure by its own code, with the values that locate it', () => {
    expect(problem((l) => ({ ...l, version: 7 }))).toEqual({ code: 'log.futureVersion', values: { version: 7, max: 2 } });
    // A log made under an earlier model (or before logs named their model) is refused, not replayed differently.
    expect(problem((l) => ({ ...l, model: 1 }))).toEqual({ code: 'log.otherModel', values: { model: 1, current: MODEL_VERSION } });
    expect(
      problem((l) => {
        const { model: _m, ...rest } = l as typeof l & { model?: number };
        return rest;
      }),
    ).toEqual({ code: 'log.otherModel', values: { model: 1, current: MODEL_VERSION } });
    expect(
      problem((l) => {
        l.entries[2]!.turn = 9;
        return l;
      }),
    ).toEqual({ code: 'log.misnumbered', values: { index: 2, found: 9, expected: 3 } });
    expect(problem((l) => ({ ...l, turns: 5 }))).toEqual({ code: 'log.tooLong', values: { entries: 8, turns: 5 } });
    expect(
      problem((l) => {
        (l.entries[1] as Record<string, unknown>).hash = 'xyz';
        return l;
      }),
    ).toEqual({ code: 'log.malformed', values: { path: 'entries.1.hash', issue: expect.any(String) as string } });
    expect(problem(() => [])).toMatchObject({ code: 'log.malformed', values: { path: '' } });
    expect(
      problem((l) => {
        l.scenario.turns = 'many';
        return l;
      }),
    ).toMatchObject({ code: 'log.badScenario', values: { path: 'scenario.turns' } });
    expect(
      problem((l) => {
        (l.scenario.params as { shipShare: number }).shipShare = 0.5;
        return l;
      }),
    ).toEqual({ code: 'log.scenarioMismatch', values: {} });
  });
});
