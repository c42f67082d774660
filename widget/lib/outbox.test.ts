import { describe, expect, it } from 'vitest';
import { newIdempotencyKey, readEntry, retryDelay, writeEntry, type KeyValueStore } from './outbox';

const memoryStorage = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};
const entry = { idempotencyKey: 'a'.repeat(32), answers: { fft: 'poor', wrong: 'Late' }, language: 'pl', page: 1, pending: true };

describe('readEntry and writeEntry', () => {
  it('keep an entry per form code across a reload, and forget it once sent', () => {
    const storage = memoryStorage();
    writeEntry('DVP', entry, storage);
    expect(readEntry('dvp', storage)).toEqual(entry);
    expect(readEntry('stb', storage)).toBeUndefined();
    writeEntry('dvp', undefined, storage);
    expect(readEntry('dvp', storage)).toBeUndefined();
  });

  it('never throw when storage does (private browsing, a full quota): the widget keeps the answers in memory', () => {
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => writeEntry('dvp', entry, throwing)).not.toThrow();
    expect(() => writeEntry('dvp', undefined, throwing)).not.toThrow();
    expect(readEntry('dvp', throwing)).toBeUndefined();
  });

  it.each(['not json', '{"answers":{}}', '{"idempotencyKey":"k"}', '{"idempotencyKey":"k","answers":null}', 'null'])('ignores a damaged entry: %s', (text) => {
    const storage = memoryStorage();
    storage.setItem('hubvoice:dvp', text);
    expect(readEntry('dvp', storage)).toBeUndefined();
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
