import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../db/backup';
import { openClient } from '../db/client';
import { migrate } from '../db/migrate';
import { backupCommand, restoreCommand } from './backup';

const dir = mkdtempSync(join(tmpdir(), 'hubvoice-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'hubvoice.db');
const env = { DATABASE_URL: `file:${file}`, BACKUP_DIR: join(dir, 'backups'), BACKUP_KEEP: '2' };

async function councils(): Promise<string[]> {
  const client = await openClient(env.DATABASE_URL);
  try {
    return (await client.execute('SELECT name FROM organisations ORDER BY name')).rows.map((r) => String(r.name));
  } finally {
    client.close();
  }
}

async function addCouncil(name: string) {
  const client = await openClient(env.DATABASE_URL);
  try {
    await migrate(client);
    await client.execute({ sql: "INSERT INTO organisations (id, slug, name, settings) VALUES (?, ?, ?, '{}')", args: [name, name.toLowerCase(), name] });
  } finally {
    client.close();
  }
}

describe('hubvoice backup and restore', () => {
  it('backs up while the database is open, restores the copy over later changes, and keeps the replaced file', async () => {
    await addCouncil('Ashford');
    const open = await openClient(env.DATABASE_URL); // the server, still running during the backup
    expect(await backupCommand(undefined, undefined, env)).toBe(0);
    open.close();
    await addCouncil('Bexley');
    expect(await councils()).toEqual(['Ashford', 'Bexley']);
    const [backup] = listBackups(env.BACKUP_DIR);
    expect(await restoreCommand(backup!, env)).toBe(0);
    expect(await councils()).toEqual(['Ashford']);
    expect(existsSync(`${file}.before-restore`)).toBe(true);
  });

  it('keeps only the newest BACKUP_KEEP copies', async () => {
    for (let i = 0; i < 3; i++) expect(await backupCommand(undefined, undefined, env)).toBe(0);
    expect(listBackups(env.BACKUP_DIR)).toHaveLength(2);
  });

  it('refuses to restore a file that is not a sound hubvoice database, and changes nothing', async () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not SQLite at all, just some bytes that happen to sit in a file');
    expect(await restoreCommand(junk, env)).toBe(1);
    expect(await councils()).toEqual(['Ashford']);
  });
});
