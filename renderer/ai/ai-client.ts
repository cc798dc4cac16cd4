/**
 * The app's side of the computer-opponent worker: one Web Worker (a Vite worker import, so it is
 * a file of the build, allowed by the CSP's `worker-src 'self'` on the web and in Electron),
 * created on first use, answering one request at a time in the order asked. Answers are checked
 * (`answerProblem`) before they reach the app. If the worker cannot start or breaks, every
 * request fails and the app falls back to deciding on its own thread.
 */
import { answerProblem, type AiAnswer, type AiPace, type AiRequest } from './protocol';
import type { Decision, SideOrders } from '../app-state/engine';

export interface AiResult {
  orders: SideOrders;
  decision: Decision;
}

interface Pending {
  req: AiRequest;
  onProgress: ((spent: number, budget: number) => void) | undefined;
  resolve: (r: AiResult) => void;
  reject: (e: Error) => void;
}

export class AiClient {
  private worker: Worker | null = null;
  private broken: string | null = null;
  private nextId = 1;
  private paced = false;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./ai-worker.ts', import.meta.url), { type: 'module', name: 'cordillera-ai' });
    w.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(`the computer's worker stopped: ${e.message || 'it could not be loaded'}`);
    };
    w.onmessageerror = () => this.fail('a message from the worker could not be read');
    this.worker = w;
    if (this.paced) w.postMessage({ kind: 'pace', on: true } satisfies AiPace);
    return w;
  }

  private receive(data: unknown): void {
    const id = typeof (data as { id?: unknown } | null)?.id === 'number' ? (data as { id: number }).id : NaN;
    const p = this.pending.get(id);
    if (!p) return;
    const problem = answerProblem(p.req, data);
    const a = data as AiAnswer;
    if (problem) {
      this.pending.delete(id);
      p.reject(new Error(problem));
    } else if (a.kind === 'progress') {
      p.onProgress?.(a.spent, a.budget);
    } else {
      this.pending.delete(id);
      if (a.kind === 'done') p.resolve({ orders: a.orders, decision: a.decision });
      else p.reject(new Error(a.message));
    }
  }

  private fail(message: string): void {
    this.broken = message;
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  /** Ask the worker; the promise settles with the orders and the decision, or an error. */
  ask(req: Omit<AiRequest, 'id'>, onProgress?: (spent: number, budget: number) => void): Promise<AiResult> {
    if (this.broken) return Promise.reject(new Error(this.broken));
    const full: AiRequest = { ...req, id: this.nextId++ };
    return new Promise<AiResult>((resolve, reject) => {
      let w: Worker;
      try {
        w = this.start();
        this.pending.set(full.id, { req: full, onProgress, resolve, reject });
        w.postMessage(full);
      } catch (err) {
        this.pending.delete(full.id);
        this.broken = err instanceof Error ? err.message : String(err);
        reject(new Error(this.broken));
      }
    });
  }

  /** Ask the worker to think slowly (the board is playing an animation: see ai-worker.ts), or at full pace again. */
  pace(on: boolean): void {
    if (on === this.paced) return;
    this.paced = on;
    this.worker?.postMessage({ kind: 'pace', on } satisfies AiPace);
  }

  /** Drop every request under way (a new game, a turn undone): the worker is replaced. */
  cancelAll(): void {
    if (this.pending.size === 0) return;
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error('cancelled'));
    this.pending.clear();
  }

  dispose(): void {
    this.cancelAll();
    this.worker?.terminate();
    this.worker = null;
  }
}
