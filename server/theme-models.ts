/**
 * The app's theme models: the rule in db/theme-models.ts (the organisation's newest saved model,
 * else the default Family Hub taxonomy), checked against the store at most once a minute, since
 * inline that is a query per submission, a round trip against a libSQL server or on Workers. A
 * model saved through this service is used at once; one saved by another process or Workers
 * isolate within a minute. The ingestion thread loads by the same rule (server/ingest-worker.ts).
 */
import type { AuditEntry } from '../db/audit';
import { modelToJson, type ThemeModel } from '../analysis/text';
import { saveThemeModel, ThemeModelLoader, themeModelRows, type OrganisationModel } from '../db/theme-models';
import type { Store } from '../db/store';

export type { OrganisationModel } from '../db/theme-models';

/** How long a cached model is used before the store is asked whether a newer one was saved. */
const CHECK_EVERY_MS = 60_000;

export class ThemeModels extends ThemeModelLoader {
  constructor(
    private store: Store,
    fallback: ThemeModel,
    now: () => number = Date.now,
  ) {
    super(themeModelRows(store.db), fallback, CHECK_EVERY_MS, now);
  }

  /** Saves the next version, with its audit row (given the version in its details) in the same batch. */
  async save(
    organisationId: string,
    model: ThemeModel,
    source: 'uploaded' | 'corrections',
    createdBy: string | null,
    audit?: AuditEntry,
  ): Promise<OrganisationModel> {
    const version = await saveThemeModel(this.store.db, { organisationId, source, json: JSON.stringify(modelToJson(model)), createdBy }, audit);
    return this.remember(organisationId, version, model);
  }
}
