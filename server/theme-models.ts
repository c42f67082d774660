/**
 * Which theme model tags an organisation's comments: its newest uploaded or corrected model, else
 * the default Family Hub taxonomy. Models are cached per organisation, replaced at once when a new
 * version is saved through this service, and checked against the store at most once a minute: a
 * model saved by another process or Workers isolate is used from then on.
 */
import { desc, eq, max } from 'drizzle-orm';
import { loadModel, modelToJson, type ThemeModel } from '../analysis/text';
import { auditStatement, type AuditEntry } from '../db/audit';
import { newId } from '../db/ids';
import { themeModels } from '../db/schema';
import type { Store } from '../db/store';

export interface OrganisationModel {
  model: ThemeModel;
  /** 'default', or 'v{n}' of the organisation's saved models. */
  version: string;
}

/** How long a cached model is used before the store is asked whether a newer one was saved. */
const CHECK_EVERY_MS = 60_000;

export class ThemeModels {
  private cache = new Map<string, { model: Promise<OrganisationModel>; checkedAt: number }>();

  constructor(
    private store: Store,
    readonly fallback: ThemeModel,
    private now: () => number = Date.now,
  ) {}

  async forOrganisation(organisationId: string): Promise<OrganisationModel> {
    const entry = this.cache.get(organisationId);
    if (entry && this.now() - entry.checkedAt < CHECK_EVERY_MS) return entry.model;
    if (entry) {
      // One check at a time: whoever comes meanwhile uses the cached model.
      entry.checkedAt = this.now();
      const cached = await entry.model;
      // A store that cannot answer just now leaves the cached model in use.
      const latest = await this.latestVersion(organisationId).catch(() => undefined);
      if (latest === undefined || cached.version === versionName(latest)) return cached;
    }
    const model = this.load(organisationId);
    model.catch(() => this.cache.delete(organisationId));
    this.cache.set(organisationId, { model, checkedAt: this.now() });
    return model;
  }

  /** Saves the next version, with its audit row (given the version in its details) in the same batch. */
  async save(organisationId: string, model: ThemeModel, source: 'uploaded' | 'corrections', createdBy: string | null, audit?: AuditEntry): Promise<OrganisationModel> {
    const { db } = this.store;
    const version = ((await this.latestVersion(organisationId)) ?? 0) + 1;
    const id = newId('tm');
    await db.batch([
      db.insert(themeModels).values({ id, organisationId, version, source, model: JSON.stringify(modelToJson(model)), createdBy }),
      ...(audit ? [auditStatement(db, { ...audit, organisationId, targetType: 'theme_model', targetId: id, details: { ...audit.details, version } })] : []),
    ]);
    const saved = { model, version: versionName(version) };
    this.cache.set(organisationId, { model: Promise.resolve(saved), checkedAt: this.now() });
    return saved;
  }

  private async latestVersion(organisationId: string): Promise<number | null> {
    const [row] = await this.store.db.select({ latest: max(themeModels.version) }).from(themeModels).where(eq(themeModels.organisationId, organisationId));
    return row?.latest ?? null;
  }

  private async load(organisationId: string): Promise<OrganisationModel> {
    const [row] = await this.store.db
      .select({ version: themeModels.version, model: themeModels.model })
      .from(themeModels)
      .where(eq(themeModels.organisationId, organisationId))
      .orderBy(desc(themeModels.version))
      .limit(1);
    return row ? { model: loadModel(row.model), version: versionName(row.version) } : { model: this.fallback, version: versionName(null) };
  }
}

const versionName = (version: number | null): string => (version === null ? 'default' : `v${version}`);
