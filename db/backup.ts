/**
 * Backups of the embedded file (issue 17, item 12): an online copy taken while the server runs
 * (`VACUUM INTO`: a consistent snapshot, compacted, that readers and the writer keep working
 * through), kept N deep, and a restore that refuses a damaged copy. Node only: Workers use a libSQL
 * server, whose operator backs it up.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Client } from '@libsql/client';
import { openClient } from './client';

const NAME = /^hubvoice-(\d{8}T\d{6}Z)(-\d+)?\.db$/;

/** The backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Copies the open database into `dir` as hubvoice-<UTC time>.db and keeps the newest `keep`.
 *
 * @example
 * await backupTo(client, 'backups', { keep: 7 }) // { file: 'backups/hubvoice-20261205T013000Z.db', removed: [] }
 */
export async function backupTo(client: Client, dir: string, { keep = 7, now = new Date() }: { keep?: number; now?: Date } = {}) {
  mkdirSync(dir, { recursive: true });
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let file = join(dir, `hubvoice-${stamp}.db`);
  for (let n = 1; existsSync(file); n++) file = join(dir, `hubvoice-${stamp}-${n}.db`);
  // Into a temporary name first: a half-written copy is never mistaken for a backup.
  const partial = `${file}.partial`;
  await client.execute({ sql: 'VACUUM INTO ?', args: [resolve(partial)] });
  renameSync(partial, file);
  const all = listBackups(dir);
  const removed = all.slice(0, Math.max(0, all.length - Math.max(1, keep)));
  for (const old of removed) rmSync(old, { force: true });
  return { file, removed };
}

/** Whether a copy opens and SQLite finds nothing wrong in it, with the hubvoice tables there. */
export async function checkBackup(file: string): Promise<{ ok: true; organisations: number; responses: number } | { ok: false; problem: string }> {
  if (!existsSync(file)) return { ok: false, problem: `${file} does not exist` };
  let client: Client | undefined;
  try {
    client = await openClient(`file:${file}`);
    const check = await client.execute('PRAGMA integrity_check');
    const verdict = String(check.rows[0]?.[0] ?? '');
    if (verdict !== 'ok') return { ok: false, problem: `SQLite found damage: ${verdict}` };
    const organisations = Number((await client.execute('SELECT count(*) FROM organisations')).rows[0]?.[0] ?? 0);
    const responses = Number((await client.execute('SELECT count(*) FROM responses')).rows[0]?.[0] ?? 0);
    return { ok: true, organisations, responses };
  } catch (error) {
    return { ok: false, problem: `not a hubvoice database: ${(error as Error).message}` };
  } finally {
    client?.close();
  }
}

/**
 * Puts a checked backup in place of the database file, with the server stopped. The file being
 * replaced is kept beside it (`.before-restore`), and its WAL and shared-memory files are removed so
 * SQLite cannot replay the old log over the restored copy.
 */
export async function restoreFrom(backup: string, target: string) {
  const checked = await checkBackup(backup);
  if (!checked.ok) return checked;
  const kept = existsSync(target) ? `${target}.before-restore` : null;
  if (kept) {
    copyFileSync(target, kept);
    if (existsSync(`${target}-wal`)) copyFileSync(`${target}-wal`, `${kept}-wal`);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(backup, `${target}.restoring`);
  renameSync(`${target}.restoring`, target);
  return { ...checked, kept };
}
