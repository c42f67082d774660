import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiFailure, Stored, Submission } from './api-client';
import type { KeyValueStore } from './outbox';
import type { Result } from './result';
import { KIOSK_QUEUE_KEY, submissionQueue } from './submission-queue';

const memoryStorage = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};
const submission = (key: string): Submission => ({ code: 'dvp', answers: { fft: 'good' }, language: 'en', channel: 'kiosk', idempotencyKey: key });
const queued = (storage: KeyValueStore) => (JSON.parse(storage.getItem(KIOSK_QUEUE_KEY) ?? '[]') as Submission[]).map((s) => s.idempotencyKey);

const OK: Result<Stored, ApiFailure> = { ok: true, value: { id: 'r1' } };
const NETWORK: Result<Stored, ApiFailure> = { ok: false, error: { kind: 'network' } };
const INVALID: Result<Stored, ApiFailure> = { ok: false, error: { kind: 'invalid', details: [{ field: 'answers.fft', message: 'Choose one' }] } };
const REFUSED: Result<Stored, ApiFailure> = { ok: false, error: { kind: 'refused' } };

/** A server that answers each key with the results listed for it, in turn (the last one for ever), and records every send. */
function server(answers: Record<string, Result<Stored, ApiFailure>[]>) {
  const sent: string[] = [];
  const send = async (s: Submission) => {
    sent.push(s.idempotencyKey);
    const list = answers[s.idempotencyKey] ?? [OK];
    return list.length > 1 ? list.shift()! : list[0]!;
  };
  return { sent, send };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('submissionQueue', () => {
  it.each([
    { name: 'stored', result: OK, left: [] },
    { name: 'answers refused as invalid', result: INVALID, left: [] },
    { name: 'refused outright (an unknown code)', result: REFUSED, left: [] },
    { name: 'not reached (offline, a 5xx, a 429)', result: NETWORK, left: ['k1'] },
  ])('keeps a submission only while the server has not answered it: $name', async ({ result, left }) => {
    const storage = memoryStorage();
    const { send } = server({ k1: [result] });
    expect(await submissionQueue(send, storage).add(submission('k1'))).toEqual(result);
    expect(queued(storage)).toEqual(left);
  });

  it('sends what waits oldest first and stops at the first network failure, so the order holds', async () => {
    const storage = memoryStorage();
    const { sent, send } = server({ k1: [NETWORK], k2: [NETWORK, NETWORK, OK] });
    const queue = submissionQueue(send, storage);
    await queue.add(submission('k1'));
    await queue.add(submission('k2'));
    expect(queued(storage)).toEqual(['k1', 'k2']);
    sent.length = 0;
    await queue.flush();
    expect(sent).toEqual(['k1']);
  });

  it('adds a submission once however often it is added under the same key (a double tap)', async () => {
    const storage = memoryStorage();
    const { send } = server({ k1: [NETWORK] });
    const queue = submissionQueue(send, storage);
    await queue.add(submission('k1'));
    await queue.add(submission('k1'));
    expect(queued(storage)).toEqual(['k1']);
  });

  it('tries again by itself after 2 s, then 4 s, and at once with a fresh backoff when the connection returns', async () => {
    const storage = memoryStorage();
    const { sent, send } = server({ k1: [NETWORK, NETWORK, NETWORK, NETWORK, OK] });
    const queue = submissionQueue(send, storage);
    await queue.add(submission('k1'));
    await queue.flush();
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(3999);
    expect(sent).toHaveLength(3);
    await queue.online();
    expect(sent).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(5);
    expect(queued(storage)).toEqual([]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sent).toHaveLength(5);
  });

  it('picks up what an earlier page left in storage, and survives damaged or blocked storage', async () => {
    const storage = memoryStorage();
    storage.setItem(KIOSK_QUEUE_KEY, JSON.stringify([submission('left-by-yesterday')]));
    const { sent, send } = server({});
    await submissionQueue(send, storage).flush();
    expect(sent).toEqual(['left-by-yesterday']);
    expect(queued(storage)).toEqual([]);

    storage.setItem(KIOSK_QUEUE_KEY, 'not json');
    await expect(submissionQueue(send, storage).flush()).resolves.toBeUndefined();
    const blocked: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    expect(await submissionQueue(send, blocked).add(submission('k9'))).toEqual(OK);
  });
});
