/**
 * A database file migrated only up to a given migration, with one organisation, provider, site,
 * survey and version in it: for testing what a later migration does to rows already stored.
 */
import { createClient, type Client } from '@libsql/client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations.gen';

/** Ids: organisation 'o', provider 'p', site 's', survey 'sv', survey version 'v'. */
export const ONE_SITE = [
  "INSERT INTO organisations (id, slug, name, settings) VALUES ('o', 'o', 'O', '{}')",
  "INSERT INTO providers (id, organisation_id, code, name) VALUES ('p', 'o', 'p', 'P')",
  "INSERT INTO sites (id, organisation_id, provider_id, code, name, kind, locality) VALUES ('s', 'o', 'p', 's', 'S', 'family_hub', 'L')",
  "INSERT INTO surveys (id, organisation_id, name) VALUES ('sv', 'o', 'Survey')",
  "INSERT INTO survey_versions (id, survey_id, version, definition) VALUES ('v', 'sv', 1, '{}')",
];

/** A new file with foreign keys on, migrated up to (not including) the migration whose tag starts with `before`. */
export async function fileBefore(before: string): Promise<{ client: Client; next: string }> {
  const client = createClient({ url: `file:${join(mkdtempSync(join(tmpdir(), 'hubvoice-old-')), 'old.db')}` });
  await client.execute('PRAGMA foreign_keys = ON');
  const upTo = migrations.findIndex((m) => m.tag.startsWith(before));
  if (upTo < 0) throw new Error(`no migration ${before}`);
  await migrate(client, migrations.slice(0, upTo));
  return { client, next: migrations[upTo]!.tag };
}
