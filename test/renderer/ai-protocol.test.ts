/**
 * What the app and its computer-opponent worker accept from each other (renderer/ai/protocol.ts):
 * a malformed request, answer or pace message is refused with a message naming what is wrong,
 * never acted on.
 */
import { describe, expect, it } from 'vitest';
import { answerProblem, paceOf, requestProblem, type AiRequest } from '../../renderer/ai/protocol';
import { bot, createGame, findScenario } from '../../game';

const state = createGame(findScenario('interdiction-2016')!, 3);
const req: AiRequest = { id: 4, purpose: 'decide', side: 'clans', difficulty: 'hard', state };

describe('the worker protocol', () => {
  it('a well-formed request passes; each malformed field is named', () => {
    expect(requestProblem(req)).toBeNull();
    expect(requestProblem(null)).toMatch(/not an object/);
    expect(requestProblem({ ...req, id: 1.5 })).toMatch(/^id/);
    expect(requestProblem({ ...req, purpose: 'play' })).toMatch(/^purpose/);
    expect(requestProblem({ ...req, side: 'army' })).toMatch(/^side/);
    expect(requestProblem({ ...req, difficulty: 'brutal' })).toMatch(/^difficulty/);
    expect(requestProblem({ ...req, state: { turn: 1 } })).toMatch(/^state/);
    expect(requestProblem({ ...req, state: { ...state, status: 'ended' } })).toMatch(/not in play/);
  });

  it('answers are accepted only for the request asked, with the side asked about', () => {
    const r = bot(state, 'clans', 'normal');
    expect(answerProblem(req, { id: 4, kind: 'done', orders: r.orders, decision: r.decision })).toBeNull();
    expect(answerProblem(req, { id: 5, kind: 'done', orders: r.orders, decision: r.decision })).toMatch(/no request/);
    expect(answerProblem(req, { id: 4, kind: 'done', orders: { ...r.orders, side: 'state' }, decision: r.decision })).toMatch(/^orders/);
    expect(answerProblem(req, { id: 4, kind: 'progress', spent: 3, budget: 250 })).toBeNull();
    expect(answerProblem(req, { id: 4, kind: 'progress', spent: 'x', budget: 250 })).toMatch(/^progress/);
  });

  it('a pace message is exactly { kind: "pace", on: boolean }', () => {
    expect(paceOf({ kind: 'pace', on: true })).toEqual({ kind: 'pace', on: true });
    expect(paceOf({ kind: 'pace', on: false })).toEqual({ kind: 'pace', on: false });
    expect(paceOf({ kind: 'pace', on: 'yes' })).toBeNull();
    expect(paceOf({ kind: 'pace', on: true, id: 1 })).toBeNull();
    expect(paceOf(req)).toBeNull();
    expect(requestProblem({ kind: 'pace', on: true })).not.toBeNull();
  });
});
