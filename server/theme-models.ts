/**
 * Which theme model tags an organisation's comments: its newest uploaded or corrected model, else
 * the default Family Hub taxonomy. Models are cached per organisation and replaced when a new
 * version is saved through this service.
 */
import { desc, eq, max } from 'drizzle-orm';
import { loadModel, modelToJson, type ThemeModel } from '../analysis/text';
import { newId } from '../db/ids';
import { themeModels } from '../db/schema';
import type { Store } from '../db/store';

export interface OrganisationModel {
  model: ThemeModel;
  /** 'default', or 'v{n}' of the organisation's saved models. */
  version: string;
}

export class ThemeModels {
  private cache = new Map<string, Promise<OrganisationModel>>();

  constructor(
    private store: Store,
    readonly fallback: ThemeModel,
  ) {}

  forOrganisation(organisationId: string): Promise<OrganisationModel> {
    let entry = this.cache.get(organisationId);
    if (!entry) {
      entry = this.load(organisationId);
      entry.catch(() => this.cache.delete(organisationId));
      this.cache.set(organisationId, entry);
    }
    return entry;
  }

  async save(organisationId: string, model: ThemeModel, source: 'uploaded' | 'corrections', createdBy: string | null): Promise<OrganisationModel> {
    const { db } = this.store;
    const [row] = await db.select({ latest: max(themeModels.version) }).from(themeModels).where(eq(themeModels.organisationId, organisationId));
    const version = (row?.latest ?? 0) + 1;
    await db.insert(themeModels).values({ id: newId('tm'), organisationId, version, source, model: JSON.stringify(modelToJson(model)), createdBy });
    const saved = { model, version: `v${version}` };
    this.cache.set(organisationId, Promise.resolve(saved));
    return saved;
  }

  private async load(organisationId: string): Promise<OrganisationModel> {
    const [row] = await this.store.db
      .select({ version: themeModels.version, model: themeModels.model })
      .from(themeModels)
      .where(eq(themeModels.organisationId, organisationId))
      .orderBy(desc(themeModels.version))
      .limit(1);
    return row ? { model: loadModel(row.model), version: `v${row.version}` } : { model: this.fallback, version: 'default' };
  }
}
