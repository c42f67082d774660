import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  const cases: { input: string | undefined; out: string | null }[] = [
    { input: '/dashboard', out: '/dashboard' },
    { input: '/dashboard?site=dvp&from=2026-01-01', out: '/dashboard?site=dvp&from=2026-01-01' },
    { input: '/safeguarding/flags/sf_123', out: '/safeguarding/flags/sf_123' },
    { input: undefined, out: null },
    { input: '', out: null },
    { input: 'https://evil.example/dashboard', out: null },
    { input: 'http:/evil.example', out: null },
    { input: '//evil.example/path', out: null },
    { input: '/\\evil.example', out: null },
    { input: '/\tevil', out: null },
    { input: 'javascript:alert(1)', out: null },
    { input: 'dashboard', out: null },
    { input: '/sign-in?next=/dashboard', out: null },
  ];
  for (const { input, out } of cases) {
    it(`takes ${JSON.stringify(input)} to ${JSON.stringify(out)}`, () => expect(safeNext(input)).toBe(out));
  }
});
