/**
 * `hubvoice backup` and `hubvoice restore`, for the operator of a Node server on the embedded file
 * (README: Backups). Backup is safe while the server runs; restore wants it stopped.
 */
import { embeddedFile, openClient } from '../db/client';
import { backupTo, restoreFrom } from '../db/backup';
import { parseConfig } from '../server/config';

export async function backupCommand(to: string | undefined, keep: string | undefined, env: Record<string, string | undefined>): Promise<number> {
  const config = parseConfig(env);
  const dir = to || config.BACKUP_DIR;
  if (!embeddedFile(config.DATABASE_URL)) {
    process.stderr.write(`hubvoice: ${config.DATABASE_URL} is not an embedded file; back up a libSQL server with its own tools\n`);
    return 1;
  }
  if (!dir) {
    process.stderr.write('hubvoice: say where to put the backup: --to <dir>, or set BACKUP_DIR\n');
    return 2;
  }
  const client = await openClient(config.DATABASE_URL);
  try {
    const made = await backupTo(client, dir, { keep: keep ? Number(keep) : config.BACKUP_KEEP });
    process.stderr.write(`backed up ${config.DATABASE_URL} to ${made.file}${made.removed.length ? `; removed ${made.removed.length} older` : ''}\n`);
    process.stdout.write(`${made.file}\n`);
    return 0;
  } finally {
    client.close();
  }
}

export async function restoreCommand(backup: string, env: Record<string, string | undefined>): Promise<number> {
  const config = parseConfig(env);
  const target = embeddedFile(config.DATABASE_URL);
  if (!target) {
    process.stderr.write(`hubvoice: ${config.DATABASE_URL} is not an embedded file\n`);
    return 1;
  }
  const restored = await restoreFrom(backup, target);
  if (!restored.ok) {
    process.stderr.write(`hubvoice: not restored: ${restored.problem}\n`);
    return 1;
  }
  process.stderr.write(
    `restored ${backup} to ${target} (${restored.organisations} organisations, ${restored.responses} responses)${restored.kept ? `; the file it replaced is at ${restored.kept}` : ''}\n`,
  );
  return 0;
}
