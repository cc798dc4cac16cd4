/**
 * A worker thread of the command line's AI pool (`ai-pool.ts`): it decides for a seat, or plays
 * a whole game, and posts the result back. The engine is pure, so a worker computes exactly what
 * the main thread would.
 */
import { parentPort } from 'node:worker_threads';
import { findScenario, type GameState, type SearchOptions, type Side } from '../game/index';
import { playGame, seatDecision, type GameSetup, type Seat } from './play';

export type AiJob =
  | { kind: 'decide'; state: GameState; side: Side; seat: Seat; search?: SearchOptions }
  /** A whole game: the scenario by id (built-in) or inline. */
  | { kind: 'game'; setup: Omit<GameSetup, 'scenario'> & { scenarioId: string } };

export interface GameSummary {
  scores: { state: number; clans: number; insurgents: number }[];
  finalHash: string;
}

function run(job: AiJob): unknown {
  if (job.kind === 'decide') return seatDecision(job.state, job.side, job.seat, job.search ?? {});
  const scenario = findScenario(job.setup.scenarioId);
  if (!scenario) throw new Error(`unknown scenario ${job.setup.scenarioId}`);
  const { state, log } = playGame({ ...job.setup, scenario });
  return { scores: state.history.map((h) => h.scores), finalHash: log.finalHash } satisfies GameSummary;
}

parentPort?.on('message', (msg: { id: number; job: AiJob }) => {
  try {
    parentPort!.postMessage({ id: msg.id, ok: true, result: run(msg.job) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
