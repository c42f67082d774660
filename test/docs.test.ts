import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ SEED: 'none' });
});
afterAll(() => t.close());

describe('API documentation', () => {
  it('serves an OpenAPI 3.1 document describing every public route', async () => {
    const { status, body } = await t.json('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const path of [
      '/health',
      '/api/auth/login',
      '/api/sites',
      '/api/forms/{code}',
      '/api/responses',
      '/api/reports/satisfaction',
      '/api/reports/equity',
      '/api/reports/trends',
      '/api/reports/themes',
      '/api/safeguarding/flags',
    ]) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    const submission = body.paths['/api/responses'].post.requestBody.content['application/json'].schema;
    expect(submission.required).toEqual(expect.arrayContaining(['code', 'answers', 'idempotencyKey']));
    const groupBy = body.paths['/api/reports/satisfaction'].get.parameters.find((p: { name: string }) => p.name === 'groupBy');
    expect(groupBy.schema.enum).toEqual(expect.arrayContaining(['site', 'provider', 'month', 'ethnicity']));
  });

  it('renders a readable docs page from the same document', async () => {
    const response = await t.app.request('/api/docs');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<code>/api/responses</code>');
    expect(html).toContain('idempotencyKey');
  });
});
