/**
 * Configuration, parsed once from the environment (process.env on Node, bindings on Workers).
 * Nothing else reads the environment. A bad value stops start-up with the variable's name.
 */
import { z } from 'zod';

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

export const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:|https?:|wss?:)/, 'must be a libSQL URL: file:, libsql:, http(s): or ws(s):')
      .default('file:./data/hubvoice.db'),
    DATABASE_AUTH_TOKEN: optionalString,
    PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
    ADMIN_EMAIL: z.preprocess((v) => (v === '' ? undefined : v), z.email().optional()),
    ADMIN_PASSWORD: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(12, 'must be at least 12 characters').optional()),
    SEED: z.enum(['demo', 'none']).default('demo'),
    /** Synthetic responses added with the demo on first start, so the dashboard has something to show. */
    SEED_RESPONSES: z.coerce.number().int().min(0).max(1_000_000).default(2000),
    /** SMTP for safeguarding alerts, e.g. smtp://user:pass@mail.example.org:587; unset logs instead. */
    SMTP_URL: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
        .optional(),
    ),
    MAIL_FROM: z.string().default('hubvoice <no-reply@hubvoice.invalid>'),
    /** Where the Node server writes a backup of the embedded file at start and every day (`hubvoice backup` on demand); unset: none. */
    BACKUP_DIR: optionalString,
    /** How many backups to keep in BACKUP_DIR, newest first. */
    BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(7),
    /** Under load, how long a submission waits for others to share its commit (0 turns it off). */
    GROUP_COMMIT_MS: z.coerce.number().min(0).max(50).default(2),
    SESSION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
    /** Submissions one client may make to one form code per minute (each code takes 20 times this from everyone). */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
    /** A kiosk clears a half-filled form after this many seconds without a touch, asking "Still there?" for the last quarter. */
    KIOSK_IDLE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
    /**
     * How many reverse proxies in front of the Node server append the client's address to
     * X-Forwarded-For (a load balancer: 1). 0, the default, trusts no header.
     */
    TRUST_PROXY: z.preprocess((v) => (v === 'false' || v === '' ? '0' : v === 'true' ? '1' : v), z.coerce.number().int().min(0).max(10).default(0)),
    /**
     * Keys sealing panel members' contact details (AES-256-GCM): `id:base64key`, comma-separated,
     * the first sealing new ones and every one opening old ones (README: rotating the key).
     */
    PANEL_CONTACT_KEYS: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(
          /^[\w-]{1,16}:[A-Za-z0-9+/_-]{43}=?(,[\w-]{1,16}:[A-Za-z0-9+/_-]{43}=?)*$/,
          'must be id:key pairs, each key 32 bytes in base64 (openssl rand -base64 32)',
        )
        .optional(),
    ),
    /** GOV.UK Notify API key (`name-serviceid-secret`); unset sends panel messages by email through the mailer only. */
    NOTIFY_API_KEY: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(
          /^[\w-]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
          'must be a GOV.UK Notify API key: name-serviceid-secret',
        )
        .optional(),
    ),
    NOTIFY_BASE_URL: z.url().default('https://api.notifications.service.gov.uk'),
    /** Notify templates with the placeholders ((subject)) and ((body)) (email) and ((body)) (text message). */
    NOTIFY_EMAIL_TEMPLATE_ID: optionalString,
    NOTIFY_SMS_TEMPLATE_ID: optionalString,
    LOG_REQUESTS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .transform((env) => ({
    ...env,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
  }));

export type Config = z.output<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** @example parseConfig({ PORT: '8080' }).PUBLIC_URL // 'http://localhost:8080' */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = EnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const value = env[name];
    return `${name}: ${issue.message}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}
