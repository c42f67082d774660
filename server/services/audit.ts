/**
 * The audit log for administrators: events filtered by who, what and when, a page at a time, and
 * the same as CSV (csv-stringify, UTF-8 with a byte-order mark so Excel reads it as UTF-8). Cells
 * that a spreadsheet would run as a formula (starting = + - @, or a tab or carriage return) are
 * prefixed with ' (OWASP, CSV injection), since an email address or a reason is typed by people.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { AUDITED_ACTIONS } from '../../db/audit';
import { auditEvents, type AuditFilter } from '../../db/audit-log';
import type { Principal } from '../../db/scope';
import { organisationsFor } from '../access/policy';
import type { ServiceDeps } from './index';

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;
const COLUMNS = ['time', 'who', 'name', 'action', 'target_type', 'target_id', 'organisation_id', 'details'];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'enter a date as YYYY-MM-DD')
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
  }, 'that date does not exist');

export const AuditQuery = z.object({
  who: z.string().trim().max(254).optional(),
  action: z.enum(AUDITED_ACTIONS).optional(),
  from: day.optional(),
  to: day.optional(),
  /** The id of the last event on the previous page. */
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/**
 * A cell a spreadsheet will show as text, never run.
 *
 * @example safeCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export const safeCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export function auditService(deps: Pick<ServiceDeps, 'store'>) {
  const { db } = deps.store;
  const filterOf = (principal: Principal, query: AuditQuery): AuditFilter => ({
    organisationIds: organisationsFor(principal, 'audit.read'),
    who: query.who || undefined,
    action: query.action,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    // "To" is a whole day: everything before the next midnight.
    to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) : undefined,
  });

  return {
    /** One page of events, newest first, and the cursor for the next (null at the end). */
    async events(principal: Principal, query: AuditQuery) {
      const rows = await auditEvents(db, filterOf(principal, query), { limit: AUDIT_PAGE_SIZE + 1, before: query.before });
      const events = rows.slice(0, AUDIT_PAGE_SIZE);
      return { events, next: rows.length > AUDIT_PAGE_SIZE ? events[events.length - 1]!.id : null };
    },

    /**
     * Every matching event as CSV, a thousand rows at a time as the reader asks for them (a pull
     * stream, so a large log is never held in memory at once).
     */
    csv(principal: Principal, query: AuditQuery): ReadableStream<Uint8Array> {
      const filter = filterOf(principal, query);
      const encoder = new TextEncoder();
      let before: number | undefined;
      let first = true;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const rows = await auditEvents(db, filter, { limit: EXPORT_BATCH, before });
          const records = rows.map((row) =>
            [
              row.at.toISOString(),
              row.email ?? '',
              row.name ?? '',
              row.action,
              row.targetType ?? '',
              row.targetId ?? '',
              row.organisationId ?? '',
              row.details ? JSON.stringify(row.details) : '',
            ].map(safeCell),
          );
          controller.enqueue(encoder.encode(stringify(records, { bom: first, header: first, columns: COLUMNS })));
          first = false;
          if (rows.length < EXPORT_BATCH) controller.close();
          else before = rows[rows.length - 1]!.id;
        },
      });
    },
  };
}
