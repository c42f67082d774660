/**
 * Which theme model tags an organisation's comments, by one rule for the app (server/theme-models.ts)
 * and the ingestion thread (server/ingest-worker.ts): its newest saved model, else the default
 * taxonomy, stamped 'v{n}' or 'default'. A cached model is used until the store shows a newer
 * version; the store is asked at most once per `checkEveryMs`, by one caller at a time, and a store
 * that cannot answer just then leaves the cached model in use. Each side reads `theme_models` its
 * own way (drizzle here; the thread's synchronous connection in db/embedded-writes.ts).
 */
import { and, eq, max } from 'drizzle-orm';
import { loadModel, type ThemeModel } from '../analysis/text';
import { newId } from './ids';
import { themeModels } from './schema';
import type { Db } from './store';
import { auditStatement, type AuditEntry } from './audit';

/** An organisation's saved models, as one connection reads them (synchronously or not). */
export interface ThemeModelRows {
  /** The newest version saved, or null for none. */
  latestThemeModelVersion(organisationId: string): Promise<number | null> | number | null;
  themeModelJson(organisationId: string, version: number): Promise<string> | string;
}

export interface OrganisationModel {
  model: ThemeModel;
  /** 'default', or 'v{n}' of the organisation's saved models. */
  version: string;
}

export class ThemeModelLoader {
  private cache = new Map<string, { model: Promise<OrganisationModel>; checkedAt: number }>();

  /**
   * @param checkEveryMs How long a cached model is used before the store is asked for a newer one:
   *   where asking costs a round trip (a libSQL server, Workers), a minute; 0 asks on every call.
   */
  constructor(
    private rows: ThemeModelRows,
    readonly fallback: ThemeModel,
    private checkEveryMs: number,
    private now: () => number = Date.now,
  ) {}

  async forOrganisation(organisationId: string): Promise<OrganisationModel> {
    const entry = this.cache.get(organisationId);
    if (entry && this.now() - entry.checkedAt < this.checkEveryMs) return entry.model;
    let latest: number | null | undefined;
    if (entry) {
      // One check at a time: whoever comes meanwhile uses the cached model.
      entry.checkedAt = this.now();
      const cached = await entry.model;
      latest = await this.latestVersion(organisationId).catch(() => undefined);
      if (latest === undefined || cached.version === versionName(latest)) return cached;
    }
    const model = this.load(organisationId, latest);
    model.catch(() => this.cache.delete(organisationId));
    this.cache.set(organisationId, { model, checkedAt: this.now() });
    return model;
  }

  /** Uses a model this process has just saved from now on, without asking the store. */
  remember(organisationId: string, version: number, model: ThemeModel): OrganisationModel {
    const saved = { model, version: versionName(version) };
    this.cache.set(organisationId, { model: Promise.resolve(saved), checkedAt: this.now() });
    return saved;
  }

  private async latestVersion(organisationId: string): Promise<number | null> {
    return this.rows.latestThemeModelVersion(organisationId);
  }

  /** @param latest The newest version, when a check has just read it. */
  private async load(organisationId: string, latest?: number | null): Promise<OrganisationModel> {
    const version = latest === undefined ? await this.latestVersion(organisationId) : latest;
    if (version === null) return { model: this.fallback, version: versionName(null) };
    return { model: loadModel(await this.rows.themeModelJson(organisationId, version)), version: versionName(version) };
  }
}

const versionName = (version: number | null): string => (version === null ? 'default' : `v${version}`);

/** `theme_models` through drizzle, for the app on any libSQL client. */
export function themeModelRows(db: Db): ThemeModelRows {
  return {
    async latestThemeModelVersion(organisationId) {
      const [row] = await db
        .select({ latest: max(themeModels.version) })
        .from(themeModels)
        .where(eq(themeModels.organisationId, organisationId));
      return row?.latest ?? null;
    },
    async themeModelJson(organisationId, version) {
      const [row] = await db
        .select({ model: themeModels.model })
        .from(themeModels)
        .where(and(eq(themeModels.organisationId, organisationId), eq(themeModels.version, version)));
      if (!row) throw new Error(`theme model v${version} of ${organisationId} is not stored`);
      return row.model;
    },
  };
}

/** Saves a model as the organisation's next version and returns that version. */
export async function saveThemeModel(
  db: Db,
  model: { organisationId: string; source: 'uploaded' | 'corrections'; json: string; createdBy: string | null },
  audit?: AuditEntry,
): Promise<number> {
  const version = ((await themeModelRows(db).latestThemeModelVersion(model.organisationId)) ?? 0) + 1;
  const id = newId('tm');
  await db.batch([
    db.insert(themeModels).values({ id, organisationId: model.organisationId, version, source: model.source, model: model.json, createdBy: model.createdBy }),
    ...(audit
      ? [
          auditStatement(db, {
            ...audit,
            organisationId: model.organisationId,
            targetType: 'theme_model',
            targetId: id,
            details: { ...audit.details, version },
          }),
        ]
      : []),
  ]);
  return version;
}
