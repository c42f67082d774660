/**
 * Ingestion on its own thread (Node, embedded libSQL file): reading free text and the durable
 * group commit. The embedded driver commits synchronously, so on the main thread every commit,
 * fsync included, stopped the event loop that parses the next families' requests; and tagging
 * a batch of comments back to back is cheaper than one between each request's HTTP work.
 *
 * One batch is with the thread at a time. While it commits, the main thread keeps validating
 * submissions into the next batch, and sends that batch the moment the answer comes back: one
 * message each way per commit, however many families share it, and the thread never waits to
 * gather a batch. Idle, a submission goes over on the next turn and commits alone. A 2xx still
 * means durably committed. The thread runs the same `ResponseWriter` and `readFreeText` as the
 * inline path, so idempotency, the one-by-one fallback and every comment's reading are the same.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Committed, Writer } from '../db/response-writer';
import type { ReceivedResponse } from './text-pipeline';

/** What the main thread sends: rows to commit, numbered so answers find their way back. */
export interface WriteRequest {
  seq: number;
  responses: ReceivedResponse[];
}

/** What the thread answers, per row in order: where it is stored, or why it could not be. */
export interface WriteAnswer {
  seq: number;
  outcomes: ({ ok: true; committed: Committed } | { ok: false; message: string })[];
}

export interface WriterThreadData {
  /** The database file (a `file:` DATABASE_URL without its scheme). */
  path: string;
}

/**
 * The thread runs built JavaScript, never a loader: dist/ingest-worker.js. Running built (`npm
 * start`) that is this file's sibling; running as TypeScript (vitest, whose globalSetup builds
 * dist/ first; `tsx` scripts after `npm run build`), the same built file in dist/, so tests start
 * the very thread that ships.
 */
function threadEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./ingest-worker.js', import.meta.url);
  const built = new URL('../dist/ingest-worker.js', import.meta.url);
  if (!existsSync(built)) throw new Error('dist/ingest-worker.js is missing: run `npm run build` first');
  return built;
}

interface Waiting {
  resolve: (committed: Committed) => void;
  reject: (error: unknown) => void;
}

export class IngestionThread implements Writer<ReceivedResponse> {
  private worker: Worker | null = null;
  /** The next batch, filling while the thread commits the one before it. */
  private outbox: ReceivedResponse[] = [];
  private outboxWaiting: Waiting[] = [];
  private postScheduled = false;
  /** The batch with the thread: its number and who waits for it. */
  private inFlight: { seq: number; waiting: Waiting[] } | null = null;
  private seq = 0;
  private idle: (() => void)[] = [];

  /** Starts the thread at once, so the first family does not wait for it to load. */
  constructor(private data: WriterThreadData) {
    this.thread();
  }

  /** Batches sent so far; each is committed in one transaction (up to 2,000 responses). */
  get batches(): number {
    return this.seq;
  }

  submit(response: ReceivedResponse): Promise<Committed> {
    return new Promise((resolve, reject) => {
      this.outbox.push(response);
      this.outboxWaiting.push({ resolve, reject });
      if (!this.inFlight && !this.postScheduled) {
        this.postScheduled = true;
        // Everything parsed in this turn of the event loop goes over with it.
        setImmediate(() => {
          this.postScheduled = false;
          this.post();
        });
      }
    });
  }

  /** Sends the outbox as one batch, unless the thread still has one. */
  private post(): void {
    if (this.inFlight || !this.outbox.length) return;
    const seq = ++this.seq;
    const responses = this.outbox;
    this.inFlight = { seq, waiting: this.outboxWaiting };
    this.outbox = [];
    this.outboxWaiting = [];
    this.thread().postMessage({ seq, responses } satisfies WriteRequest);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(threadEntry(), { workerData: this.data });
    worker.unref();
    worker.on('message', (answer: WriteAnswer) => this.settle(answer));
    // A dead thread's rows fail; the next submission starts a new thread.
    worker.once('error', (error) => this.fail(worker, error));
    worker.once('exit', (code) => this.fail(worker, new Error(`the ingestion thread stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle({ seq, outcomes }: WriteAnswer): void {
    if (this.inFlight?.seq !== seq) return;
    const { waiting } = this.inFlight;
    this.inFlight = null;
    // The next batch goes first, so the thread commits it while these families get their answers.
    this.post();
    waiting.forEach((w, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) w.resolve(outcome.committed);
      else w.reject(new Error(outcome.message));
    });
    this.wakeIfIdle();
  }

  /**
   * A thread that dies takes its batch with it: those families get an error, not a yes. What is
   * still in the outbox goes to a new thread.
   */
  private fail(worker: Worker, error: unknown): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const lost = this.inFlight?.waiting ?? [];
    this.inFlight = null;
    lost.forEach((w) => w.reject(error));
    this.post();
    this.wakeIfIdle();
  }

  private wakeIfIdle(): void {
    if (this.inFlight || this.outbox.length) return;
    this.idle.splice(0).forEach((wake) => wake());
  }

  /** Resolves when everything submitted so far is committed (or has failed). */
  flush(): Promise<void> {
    if (!this.inFlight && !this.outbox.length) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Flushes, then stops the thread. */
  async close(): Promise<void> {
    await this.flush();
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
  }
}
