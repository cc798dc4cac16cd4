/**
 * The computer opponents' worker: the hard level's search (a few hundred simulated quarters) runs
 * here, off the UI thread, so the board keeps animating while a computer side thinks. The engine
 * is pure, so it runs here as it is. Requests are answered one at a time, in the order asked;
 * progress is reported as the search goes, then the orders and the decision, or an error naming
 * the problem.
 *
 * Pacing: the search runs in steps (one plan weighed each, `botSteps`). While the board plays a
 * turn's animation the app says so (`pace`), and the worker rests after each step nine times as
 * long as the step took: on a two-core machine the UI thread and the browser's rasterising threads
 * need both cores for smooth frames, and a worker at full speed (or even at half) costs the
 * animation a frame in ten (`npm run bench`: ai_frame_p95_ms). Otherwise it pauses only briefly
 * every few tens of milliseconds, to hear the app. Pauses change when the answer comes, never
 * what it is.
 */
import { botSteps } from '../app-state/engine';
import { paceOf, requestProblem, type AiAnswer, type AiRequest } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(message: AiAnswer): void;
}
const scope = self as unknown as WorkerScope;

/** Progress is posted at most this often: each message re-renders the indicator on the UI thread. */
const PROGRESS_EVERY_MS = 100;
/** Without pacing, the longest the worker computes before it looks at its messages. */
const SLICE_MS = 25;

/** While the board animates, the worker rests this many times as long as each step took (a tenth of a core). */
const PACED_REST = 9;
let paced = false;
let queue: Promise<void> = Promise.resolve();

const rest = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));

async function answer(req: AiRequest): Promise<void> {
  const id = req.id;
  try {
    // The advisor plays the hard level for the team; a computer seat plays its own level.
    const level = req.purpose === 'advise' ? 'hard' : req.difficulty;
    let last = -Infinity;
    const steps = botSteps(req.state, req.side, level, {
      onProgress: (spent, budget) => {
        const now = performance.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        scope.postMessage({ id, kind: 'progress', spent, budget });
      },
    });
    let slice = performance.now();
    for (;;) {
      const t0 = performance.now();
      const n = steps.next();
      if (n.done) {
        scope.postMessage({ id, kind: 'done', orders: n.value.orders, decision: n.value.decision });
        return;
      }
      const t1 = performance.now();
      if (paced) {
        await rest((t1 - t0) * PACED_REST);
        slice = performance.now();
      } else if (t1 - slice > SLICE_MS) {
        await rest(0);
        slice = performance.now();
      }
    }
  } catch (err) {
    scope.postMessage({ id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}

scope.onmessage = (e) => {
  const pace = paceOf(e.data);
  if (pace) {
    paced = pace.on;
    return;
  }
  const problem = requestProblem(e.data);
  const id = typeof (e.data as { id?: unknown } | null)?.id === 'number' ? (e.data as { id: number }).id : -1;
  if (problem) {
    scope.postMessage({ id, kind: 'error', message: problem });
    return;
  }
  const req = e.data as AiRequest;
  queue = queue.then(() => answer(req));
};
