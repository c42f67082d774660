import { describe, expect, it } from 'vitest';
import { fetchForm, postResponse, type Submission } from './api-client';

const submission: Submission = { code: 'dvp', answers: { fft: 'good' }, language: 'pl', channel: 'widget', idempotencyKey: 'k'.repeat(32) };
const json = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('postResponse', () => {
  it.each([
    { name: 'stored (201)', fetcher: json(201, { id: 'r_1' }), out: { ok: true, value: { id: 'r_1' } } },
    { name: 'already stored under the key (200)', fetcher: json(200, { id: 'r_1' }), out: { ok: true, value: { id: 'r_1' } } },
    {
      name: 'a dropped connection',
      fetcher: async () => {
        throw new TypeError('Failed to fetch');
      },
      out: { ok: false, error: { kind: 'network' } },
    },
    { name: 'a server error', fetcher: json(503, { error: { code: 'internal', message: 'down' } }), out: { ok: false, error: { kind: 'network' } } },
    { name: 'a rate limit', fetcher: json(429, { error: { code: 'rate_limited', message: 'wait' } }), out: { ok: false, error: { kind: 'network' } } },
    {
      name: 'a proxy’s HTML error page',
      fetcher: async () => new Response('<h1>Bad gateway</h1>', { status: 502 }),
      out: { ok: false, error: { kind: 'network' } },
    },
    {
      name: 'refused answers (422)',
      fetcher: json(422, {
        error: { code: 'validation_failed', message: 'x', details: [{ field: 'answers.fft', message: 'Wybierz odpowiedź', code: 'required' }] },
      }),
      out: { ok: false, error: { kind: 'invalid', details: [{ field: 'answers.fft', message: 'Wybierz odpowiedź', code: 'required' }] } },
    },
    {
      name: 'refused answers beside another field (422): only the answers’ problems',
      fetcher: json(422, {
        error: {
          code: 'validation_failed',
          message: 'x',
          details: [
            { field: 'language', message: 'no' },
            { field: 'answers.fft', message: 'Wybierz odpowiedź' },
          ],
        },
      }),
      out: { ok: false, error: { kind: 'invalid', details: [{ field: 'answers.fft', message: 'Wybierz odpowiedź' }] } },
    },
    {
      name: 'an unknown code (422 on the code)',
      fetcher: json(422, { error: { code: 'validation_failed', message: 'code: no form', details: [{ field: 'code', message: 'no form' }] } }),
      out: { ok: false, error: { kind: 'refused' } },
    },
    {
      name: 'a refused origin',
      fetcher: json(403, { error: { code: 'origin_not_allowed', message: 'not allowed' } }),
      out: { ok: false, error: { kind: 'refused' } },
    },
  ])('returns, never throws, for $name', async ({ fetcher, out }) => {
    expect(await postResponse('https://hv.example', submission, fetcher)).toEqual(out);
  });

  it('posts JSON without cookies to /api/responses', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    await postResponse('https://hv.example', submission, async (url, init) => {
      calls.push([url, init]);
      return new Response('{"id":"r"}', { status: 201 });
    });
    expect(calls[0]?.[0]).toBe('https://hv.example/api/responses');
    expect(calls[0]?.[1]).toMatchObject({ method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(String(calls[0]?.[1]?.body))).toEqual(submission);
  });
});

describe('fetchForm', () => {
  it('asks for the language only when one is chosen', async () => {
    const urls: string[] = [];
    const fetcher = async (url: string) => {
      urls.push(url);
      return new Response('{}', { status: 200 });
    };
    await fetchForm('https://hv.example', 'dvp play', 'pl', fetcher);
    await fetchForm('https://hv.example', 'dvp', undefined, fetcher);
    expect(urls).toEqual(['https://hv.example/api/forms/dvp%20play?lang=pl', 'https://hv.example/api/forms/dvp']);
  });

  it('reports an unknown code as refused', async () => {
    expect(
      await fetchForm(
        'https://hv.example',
        'nope',
        undefined,
        json(404, { error: { code: 'not_found', message: 'A form with the code "nope" was not found.' } }),
      ),
    ).toEqual({ ok: false, error: { kind: 'refused' } });
  });
});
