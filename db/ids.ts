/**
 * Ids that sort by creation time (so new rows append to the primary-key B-tree instead of
 * splitting pages at random) and are unguessable enough to hand out in URLs.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

// Random bytes are drawn 4 KB at a time: one getRandomValues call per id was a visible share of
// a submission's cost.
const pool = new Uint8Array(4096);
let poolAt = pool.length;

export function newId(prefix: string, now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 9; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  if (poolAt + 10 > pool.length) {
    crypto.getRandomValues(pool);
    poolAt = 0;
  }
  let tail = '';
  for (let i = 0; i < 10; i++) tail += ALPHABET[pool[poolAt++]! % 32];
  return `${prefix}_${time}${tail}`;
}
