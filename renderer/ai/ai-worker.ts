/**
 * The computer opponents' worker: the hard level's search (a few hundred simulated quarters) runs
 * here, off the UI thread, so the board keeps animating while a computer side thinks. The engine
 * is pure, so it runs here as it is. One request at a time; progress is reported as the search
 * goes (each plan evaluated), then the orders and the decision, or an error naming the problem.
 */
import { bot } from '../app-state/engine';
import { requestProblem, type AiAnswer, type AiRequest } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(message: AiAnswer): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const problem = requestProblem(e.data);
  const id = typeof (e.data as { id?: unknown } | null)?.id === 'number' ? (e.data as { id: number }).id : -1;
  if (problem) {
    scope.postMessage({ id, kind: 'error', message: problem });
    return;
  }
  const req = e.data as AiRequest;
  try {
    // The advisor plays the hard level for the team; a computer seat plays its own level.
    const level = req.purpose === 'advise' ? 'hard' : req.difficulty;
    const r = bot(req.state, req.side, level, {
      onProgress: (spent, budget) => {
        scope.postMessage({ id, kind: 'progress', spent, budget });
      },
    });
    scope.postMessage({ id, kind: 'done', orders: r.orders, decision: r.decision });
  } catch (err) {
    scope.postMessage({ id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
