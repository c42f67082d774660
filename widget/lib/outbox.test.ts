import { describe, expect, it } from 'vitest';
import { newIdempotencyKey, Outbox, retryDelay, type KeyValueStore } from './outbox';

const memoryStorage = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};
const entry = { idempotencyKey: 'a'.repeat(32), answers: { fft: 'poor', wrong: 'Late' }, language: 'pl', page: 1, pending: true };

describe('Outbox', () => {
  it('keeps an entry per form code across a reload (a new Outbox on the same storage)', () => {
    const storage = memoryStorage();
    new Outbox(storage).write('DVP', entry);
    expect(new Outbox(storage).read('dvp')).toEqual(entry);
    expect(new Outbox(storage).read('stb')).toBeUndefined();
    new Outbox(storage).clear('dvp');
    expect(new Outbox(storage).read('dvp')).toBeUndefined();
  });

  it('still holds answers in memory when storage throws (private browsing, a full quota)', () => {
    const throwing: KeyValueStore = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => { throw new Error('denied'); } };
    const outbox = new Outbox(throwing);
    outbox.write('dvp', entry);
    expect(outbox.read('dvp')).toEqual(entry);
    outbox.clear('dvp');
    expect(outbox.read('dvp')).toBeUndefined();
    expect(new Outbox(undefined).read('dvp')).toBeUndefined();
  });

  it.each(['not json', '{"answers":{}}', '{"idempotencyKey":"k"}', 'null'])('ignores a damaged entry: %s', (text) => {
    const storage = memoryStorage();
    storage.setItem('hubvoice:dvp', text);
    expect(new Outbox(storage).read('dvp')).toBeUndefined();
  });
});

describe('retryDelay', () => {
  it.each([
    { attempt: 0, out: 1000 },
    { attempt: 1, out: 2000 },
    { attempt: 3, out: 8000 },
    { attempt: 6, out: 60_000 },
    { attempt: 40, out: 60_000 },
    { attempt: -1, out: 1000 },
  ])('waits $out ms before attempt $attempt', ({ attempt, out }) => {
    expect(retryDelay(attempt)).toBe(out);
  });
});

describe('newIdempotencyKey', () => {
  it('is 32 hex characters and never repeats', () => {
    const keys = new Set(Array.from({ length: 1000 }, newIdempotencyKey));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
