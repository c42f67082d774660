import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { FixedWindowCounter, rateLimit } from './rate-limit';

describe('FixedWindowCounter', () => {
  it('allows the limit in a window, refuses the next with the time left, and starts afresh', () => {
    const counter = new FixedWindowCounter(2, 60_000);
    expect([counter.take('a', 0), counter.take('a', 1_000), counter.take('a', 15_000)]).toEqual([0, 0, 45_000]);
    expect(counter.take('b', 15_000)).toBe(0);
    expect(counter.take('a', 60_000)).toBe(0);
  });
});

describe('rateLimit', () => {
  it('answers with onLimited and a Retry-After once a rule is over its limit, and skips rules with no key', async () => {
    let now = 0;
    const app = new Hono()
      .use(
        rateLimit({
          rules: [{ counter: new FixedWindowCounter(1, 10_000), key: (c) => c.req.query('who') }],
          onLimited: (c, seconds) => c.text(`wait ${seconds}s`, 429),
          now: () => now,
        }),
      )
      .get('/', (c) => c.text('ok'));
    expect((await app.request('/?who=a')).status).toBe(200);
    now = 2_500;
    const refused = await app.request('/?who=a');
    expect([refused.status, refused.headers.get('retry-after'), await refused.text()]).toEqual([429, '8', 'wait 8s']);
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/')).status).toBe(200);
  });
});
