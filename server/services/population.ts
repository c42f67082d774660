/**
 * A council's population figures, uploaded as CSV (`dimension,group,count`, optionally `locality`
 * and `source`), for "who we are and are not hearing from". Each upload replaces the figures of the
 * dimensions and localities it names; a bad row is listed with what to fix and never blocks the
 * good ones, which go in one batch with the audit row.
 */
import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import { auditStatement } from '../../db/audit';
import { organisations, populationFigures } from '../../db/schema';
import type { Principal } from '../../db/scope';
import { EQUALITY_OPTIONS } from '../../survey/equality';
import { organisationsFor } from '../access/policy';
import { forbidden, validationFailed, type FieldError } from '../errors';
import type { ServiceDeps } from './index';

/** The dimensions a council can give figures for, and the groups of each (the reports' keys). */
export const POPULATION_GROUPS: Record<string, readonly string[]> = {
  ethnicGroup: ['asian', 'black', 'mixed', 'white', 'other'],
  firstLanguage: EQUALITY_OPTIONS.firstLanguage,
  childAgeBand: EQUALITY_OPTIONS.childAgeBand,
  disability: EQUALITY_OPTIONS.disability,
};

export interface PopulationRow {
  dimension: string;
  locality: string;
  group: string;
  count: number;
  source: string | null;
}

export function populationService(deps: Pick<ServiceDeps, 'store' | 'now'>) {
  const { db } = deps.store;

  const organisationOf = async (principal: Principal, asked?: string) => {
    const mine = organisationsFor(principal, 'sites.manage');
    if (asked) {
      if (mine !== 'all' && !mine.includes(asked)) throw forbidden();
      return asked;
    }
    const candidates = mine === 'all' ? (await db.select({ id: organisations.id }).from(organisations).limit(2)).map((o) => o.id) : mine;
    if (candidates.length === 1) return candidates[0]!;
    throw validationFailed([{ field: 'organisation', message: 'say which organisation the figures are for', code: 'required' }]);
  };

  return {
    /** The figures held for the organisations given, by dimension and locality. */
    async figures(organisationIds: string[] | 'all'): Promise<PopulationRow[]> {
      if (organisationIds !== 'all' && organisationIds.length === 0) return [];
      const rows = await db
        .select()
        .from(populationFigures)
        .where(organisationIds === 'all' ? undefined : inArray(populationFigures.organisationId, organisationIds));
      return rows.map((row) => ({ dimension: row.dimension, locality: row.locality, group: row.groupKey, count: row.count, source: row.source }));
    },

    async upload(
      principal: Principal,
      csv: string,
      organisation?: string,
    ): Promise<{ replaced: { dimension: string; locality: string }[]; rows: number; problems: FieldError[] }> {
      const organisationId = await organisationOf(principal, organisation);
      let records: Record<string, string>[];
      try {
        records = parse(csv.replace(/^\uFEFF/, ''), {
          columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
          skip_empty_lines: true,
          trim: true,
          relax_column_count: true,
        });
      } catch (error) {
        throw validationFailed([{ field: 'csv', message: `the file is not readable CSV (${(error as Error).message.split('\n')[0]})`, code: 'bad_csv' }]);
      }
      if (records.length === 0)
        throw validationFailed([
          { field: 'csv', message: 'the file has no rows: give a header line "dimension,group,count" and a row per group', code: 'empty' },
        ]);
      const problems: FieldError[] = [];
      const good: PopulationRow[] = [];
      records.forEach((record, i) => {
        const line = i + 2;
        const dimension = record.dimension ?? '';
        const groups = POPULATION_GROUPS[dimension];
        const count = Number(record.count);
        if (!groups)
          problems.push({
            field: `row ${line}`,
            message: `row ${line}: the dimension "${dimension}" is not one of ${Object.keys(POPULATION_GROUPS).join(', ')}`,
            code: 'unknown_dimension',
          });
        else if (!groups.includes(record.group ?? ''))
          problems.push({
            field: `row ${line}`,
            message: `row ${line}: the group "${record.group ?? ''}" is not one of ${groups.join(', ')}`,
            code: 'unknown_group',
          });
        else if (!Number.isInteger(count) || count < 0 || count > 100_000_000)
          problems.push({ field: `row ${line}`, message: `row ${line}: the count must be a whole number of people, like 1250`, code: 'bad_count' });
        else
          good.push({
            dimension,
            locality: (record.locality ?? '').slice(0, 120),
            group: record.group!,
            count,
            source: record.source ? record.source.slice(0, 200) : null,
          });
      });
      const replaced = [
        ...new Map(good.map((row) => [`${row.dimension}\u0000${row.locality}`, { dimension: row.dimension, locality: row.locality }])).values(),
      ];
      if (good.length) {
        const at = deps.now();
        // The same group twice in one file: the later row wins.
        const rows = [...new Map(good.map((row) => [`${row.dimension}\u0000${row.locality}\u0000${row.group}`, row])).values()];
        await db.batch([
          auditStatement(db, { at, action: 'population_uploaded', userId: principal.userId, organisationId, details: { rows: rows.length, replaced } }),
          ...replaced.map((r) =>
            db
              .delete(populationFigures)
              .where(
                and(
                  eq(populationFigures.organisationId, organisationId),
                  eq(populationFigures.dimension, r.dimension),
                  eq(populationFigures.locality, r.locality),
                ),
              ),
          ),
          db.insert(populationFigures).values(
            rows.map((row) => ({
              organisationId,
              dimension: row.dimension,
              locality: row.locality,
              groupKey: row.group,
              count: row.count,
              source: row.source,
              updatedAt: at,
            })),
          ),
        ]);
      }
      return { replaced, rows: good.length, problems };
    },
  };
}
