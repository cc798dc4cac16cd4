/**
 * The command line's computer players off the main thread: a pool of worker threads
 * (`ai-worker.ts`) that decide for seats or play whole games, so a hard search (hundreds of
 * simulated turns) runs in parallel across cores: the three sides of a turn in `sim`, whole games
 * in `batch` and `npm run ai-ladder`. Jobs are answered in any order; each promise gets its own.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BotDecision, GameState, SearchOptions, Side } from '../game/index';
import type { AiJob, GameSummary } from './ai-worker';
import type { GameSetup, Seat } from './play';

/**
 * The worker is TypeScript, like the command line: a one-line bootstrap registers tsx's loader in
 * the new thread, then imports it (a worker's entry file is loaded before `--import` hooks run).
 */
const BOOT =
  `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
  `.then((m) => { m.register(); return import(${JSON.stringify(new URL('./ai-worker.ts', import.meta.url).href)}); })`;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export class AiPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; job: AiJob }[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly busy = new Map<Worker, number>();
  private nextId = 1;

  /** `size` threads (default: the cores less one, at least one, at most 8). */
  constructor(size = Math.max(1, Math.min(8, availableParallelism() - 1))) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(BOOT, { eval: true });
      w.on('message', (msg: { id: number; ok: boolean; result?: unknown; error?: string }) => {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        this.busy.delete(w);
        this.idle.push(w);
        this.pump();
        if (!p) return;
        if (msg.ok) p.resolve(msg.result);
        else p.reject(new Error(msg.error ?? 'worker failed'));
      });
      w.on('error', (e: Error) => {
        const id = this.busy.get(w);
        const p = id === undefined ? undefined : this.pending.get(id);
        if (p && id !== undefined) {
          this.pending.delete(id);
          p.reject(e);
        }
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.shift()!;
      const msg = this.queue.shift()!;
      this.busy.set(w, msg.id);
      w.postMessage(msg);
    }
  }

  private submit<T>(job: AiJob): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.queue.push({ id, job });
      this.pump();
    });
  }

  /** What `seat` decides for `side` on `state` (a bot at its level, or a policy). */
  decide(state: GameState, side: Side, seat: Seat, search?: SearchOptions): Promise<BotDecision> {
    const job: AiJob = search ? { kind: 'decide', state, side, seat, search } : { kind: 'decide', state, side, seat };
    return this.submit<BotDecision>(job);
  }

  /** A whole game of a built-in scenario; its scores turn by turn and its final hash. */
  game(setup: Omit<GameSetup, 'scenario'> & { scenarioId: string }): Promise<GameSummary> {
    return this.submit<GameSummary>({ kind: 'game', setup });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
