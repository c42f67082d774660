import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../server/config';

describe('configuration', () => {
  it('uses an embedded libSQL file and port 3000 when nothing is set', () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBe('file:./data/hubvoice.db');
    expect(config.PORT).toBe(3000);
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(config.SEED).toBe('demo');
  });

  it('derives the public URL from the port and strips a trailing slash from an explicit one', () => {
    expect(parseConfig({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(parseConfig({ PUBLIC_URL: 'https://feedback.example.gov.uk/' }).PUBLIC_URL).toBe('https://feedback.example.gov.uk');
  });

  it.each([
    { env: { PORT: 'eighty' }, variable: 'PORT' },
    { env: { PORT: '70000' }, variable: 'PORT' },
    { env: { DATABASE_URL: 'postgres://localhost/db' }, variable: 'DATABASE_URL' },
    { env: { ADMIN_PASSWORD: 'short' }, variable: 'ADMIN_PASSWORD' },
    { env: { ADMIN_EMAIL: 'not-an-email' }, variable: 'ADMIN_EMAIL' },
    { env: { SEED: 'lots' }, variable: 'SEED' },
    { env: { PUBLIC_URL: 'localhost' }, variable: 'PUBLIC_URL' },
  ])('refuses a bad $variable and names it with the value it got', ({ env, variable }) => {
    const attempt = () => parseConfig(env);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`${variable}: .*got "${Object.values(env)[0]}"`));
  });

  it('accepts any libSQL URL scheme', () => {
    for (const url of ['file:/tmp/x.db', 'libsql://db.turso.io', 'http://127.0.0.1:8080', 'wss://db.example.org']) {
      expect(parseConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });
});
