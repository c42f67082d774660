/** An organisation's settings (organisations.settings, OrganisationSettings), read and saved whole, with the audit row in the same batch. */
import { eq, inArray } from 'drizzle-orm';
import { auditStatement, type AuditEntry } from './audit';
import { organisations, type OrganisationSettings } from './schema';
import type { Db } from './store';

export async function findOrganisation(db: Db, id: string) {
  return db.query.organisations.findFirst({ where: eq(organisations.id, id) });
}

/** The organisations with these ids ('all': every one), by name, for choosing between them. */
export async function organisationNames(db: Db, ids: 'all' | string[]): Promise<{ id: string; name: string }[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(ids === 'all' ? undefined : inArray(organisations.id, ids))
    .orderBy(organisations.name);
}

export async function saveSettings(db: Db, id: string, settings: OrganisationSettings, audit: AuditEntry): Promise<void> {
  await db.batch([db.update(organisations).set({ settings }).where(eq(organisations.id, id)), auditStatement(db, audit)]);
}
