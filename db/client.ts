/**
 * Opens the libSQL store on Node: an embedded file (default) or any libSQL server URL.
 * Workers use `@libsql/client/web` in server/worker.ts instead; everything past the client is shared.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';

export async function openClient(url: string, authToken?: string): Promise<Client> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url, ...(authToken ? { authToken } : {}) });
  if (url.startsWith('file:')) {
    // WAL lets readers run beside the writer; synchronous=FULL makes every commit durable before
    // we acknowledge it (group commit amortises the fsync over concurrent submissions).
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = FULL');
    await client.execute('PRAGMA busy_timeout = 5000');
  }
  await client.execute('PRAGMA foreign_keys = ON');
  return client;
}
