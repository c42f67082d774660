/**
 * Opens the libSQL store on Node: an embedded file (default) or any libSQL server URL.
 * Workers use `@libsql/client/web` in server/worker.ts instead; everything past the client is shared.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';

/**
 * How every connection to an embedded file is set up, by either driver: WAL lets readers run
 * beside the writer; synchronous=FULL makes every commit durable before we acknowledge it (group
 * commit amortises the fsync over concurrent submissions).
 */
export const EMBEDDED_PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000', 'foreign_keys = ON'] as const;

/** The file a `file:` URL names, or null for a server URL or `:memory:` (which no second connection can share). */
export function embeddedFile(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length);
  return path && path !== ':memory:' ? path : null;
}

export async function openClient(url: string, authToken?: string): Promise<Client> {
  const path = embeddedFile(url);
  if (path) mkdirSync(dirname(path), { recursive: true });
  const client = createClient({ url, ...(authToken ? { authToken } : {}) });
  for (const pragma of url.startsWith('file:') ? EMBEDDED_PRAGMAS : ['foreign_keys = ON']) await client.execute(`PRAGMA ${pragma}`);
  return client;
}
