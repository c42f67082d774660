/**
 * Exports: responses (a table per survey version), comments (redacted; the family's own words only
 * where the caller may read them, audited) and every report table (satisfaction, equity, trends,
 * themes), as CSV or XLSX. The principal's scope and small-number suppression apply as they do in
 * the reports: row-level exports leave out the sites that the reports' suppression would hide
 * (1-4 rows, and the next-smallest site beside one, so totals cannot give them away).
 *
 * An export runs as a job that writes to a temporary file a page at a time (constant memory) and
 * counts its rows, so the staff page can show progress without script (it refreshes itself) and
 * the API can be polled; the file is kept an hour for its owner. Every export is audited as it
 * starts, with what, in which format, under which filters, and whether it held original words.
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { suppress } from '../../analysis/suppression';
import { audited } from '../../db/audit';
import { WITHHELD } from '../../db/comments';
import { commentPages, commentsPerSite, placeLabels, responsePages, responsesPerSite, versionsAnswered } from '../../db/exports';
import { newId } from '../../db/ids';
import { organisationsOf, type ReportFilters } from '../../db/reports';
import type { Principal } from '../../db/scope';
import { FFT_OPTIONS } from '../../survey/fft';
import { allQuestions, type SurveyDefinition } from '../../survey/survey-schema';
import { can, scopeFor } from '../access/policy';
import type { AppDeps } from '../deps';
import { ApiError, notFound, validationFailed } from '../errors';
import { writeCsv } from '../exports/csv';
import type { Cell, ExportTable } from '../exports/tables';
import { writeXlsx } from '../exports/xlsx';
import { EQUITY_DIMENSIONS, Filters, type Reports } from '../reports';

export const EXPORT_KINDS = ['responses', 'comments', 'satisfaction', 'equity', 'trends', 'themes'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportRequest = Filters.extend({
  kind: z.enum(EXPORT_KINDS),
  format: z.enum(EXPORT_FORMATS).default('csv'),
  /** Satisfaction and trends: what the rows are. */
  groupBy: z.enum(['site', 'provider', 'servicePoint', 'locality', 'channel', 'language', 'role', 'month', 'quarter']).default('site'),
  /** Equity: which equality field. */
  dimension: z.enum(EQUITY_DIMENSIONS).default('ethnicGroup'),
  period: z.enum(['month', 'quarter']).default('month'),
  /** Comments: the family's own words too, where the caller may read them (safeguarding leads). Audited. */
  originals: z.boolean().default(false),
});
export type ExportRequest = z.input<typeof ExportRequest>;

export interface ExportJob {
  id: string;
  userId: string;
  kind: ExportKind;
  format: ExportFormat;
  status: 'running' | 'done' | 'failed';
  written: number;
  /** Rows expected (0 when it cannot be known in advance). */
  total: number;
  filename: string;
  createdAt: Date;
  path: string;
}

const KEEP_MS = 60 * 60 * 1000;
const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const SUPPRESSED = 'suppressed';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const percent = (share: number | null | undefined) => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);
const round = (n: number | null | undefined, places = 2) => (n === null || n === undefined ? null : Math.round(n * 10 ** places) / 10 ** places);

export function exportService(deps: Pick<AppDeps, 'store' | 'now'>, reports: Reports) {
  const { db } = deps.store;
  const jobs = new Map<string, ExportJob>();
  let directory: Promise<string> | undefined;

  function sweep() {
    const now = deps.now().getTime();
    for (const job of jobs.values()) {
      if (job.status !== 'running' && now - job.createdAt.getTime() > KEEP_MS) {
        rmSync(job.path, { force: true });
        jobs.delete(job.id);
      }
    }
  }

  /**
   * Sites whose rows are left out: those the satisfaction report by site would suppress (sites are
   * siblings under the total, as there), so rows never show a count the report hides.
   */
  function withheldSites(counts: { siteId: string; n: number }[]): string[] {
    return suppress(counts.map((c) => ({ key: c.siteId, n: c.n })))
      .filter((row) => row.suppressed)
      .map((row) => row.key);
  }

  const aboutLines = (principal: Principal, title: string, request: z.output<typeof ExportRequest>) => [
    `hubvoice export: ${title}`,
    `Exported ${iso(deps.now().getTime())} UTC by ${principal.name}`,
    `Filters: ${describe(request) || 'none (everything you can see)'}`,
  ];

  async function responseTables(principal: Principal, request: z.output<typeof ExportRequest>, filters: ReportFilters) {
    const scope = scopeFor(principal, 'exports.read');
    const withheld = withheldSites(await responsesPerSite(db, scope, filters));
    const versions = await versionsAnswered(db, scope, filters, withheld);
    const labels = await placeLabels(db, scope);
    const note = withheld.length
      ? `Left out: the responses of ${withheld.length} site${withheld.length === 1 ? '' : 's'} with too few to share (fewer than 5, or the next smallest beside one)`
      : 'Nothing left out for small numbers';
    const tables: ExportTable[] = versions.map((version, i) => {
      const definition = JSON.parse(version.definition) as SurveyDefinition;
      const columns = allQuestions(definition).flatMap((q) => {
        if (q.type === 'text' || q.type === 'longtext' || q.type === 'equality') return [];
        const title = 'title' in q && q.title ? q.title.en : q.type === 'fft' ? 'Friends and Family Test' : q.id;
        if (q.type === 'likert') return (q.rows ?? []).map((row) => ({ id: q.id, row: row.id, title: `${title}: ${row.label.en}` }));
        return [{ id: q.id, row: undefined as string | undefined, title }];
      });
      const cell = (value: unknown): Cell => (value === undefined || value === null ? null : Array.isArray(value) ? value.join('; ') : (value as Cell));
      return {
        name: `${version.survey} v${version.version}`,
        about: [
          ...(i === 0 ? [...aboutLines(principal, 'responses', request), note, ''] : []),
          `Survey: ${version.survey}, version ${version.version} (${version.n} responses). Comments are in the comments export; equality answers are not exported.`,
        ],
        header: ['Response', 'Submitted (UTC)', 'Site', 'Service point', 'Channel', 'Language', 'Respondent', ...columns.map((c) => c.title)],
        rows: (async function* () {
          for await (const page of responsePages(db, scope, filters, version.id, withheld, version.n)) {
            yield page.map((r) => {
              const answers = JSON.parse(r.answers) as Record<string, unknown>;
              return [
                r.id,
                iso(r.submittedAt),
                labels.get(r.siteId)?.name ?? r.siteId,
                r.servicePointId ? (labels.get(r.servicePointId)?.name ?? r.servicePointId) : null,
                r.channel,
                r.language,
                r.role,
                ...columns.map((c) => cell(c.row ? (answers[c.id] as Record<string, unknown> | undefined)?.[c.row] : answers[c.id])),
              ];
            });
          }
        })(),
      };
    });
    if (tables.length === 0) tables.push({ name: 'Responses', about: [...aboutLines(principal, 'responses', request), note], header: ['Response'], rows: [] });
    return { tables, total: versions.reduce((sum, v) => sum + v.n, 0) };
  }

  async function commentTables(principal: Principal, request: z.output<typeof ExportRequest>, filters: ReportFilters) {
    const scope = scopeFor(principal, 'exports.read');
    const originalScope = scopeFor(principal, 'flags.readOriginal');
    const withOriginals = request.originals && can(principal, 'flags.readOriginal');
    const counts = await commentsPerSite(db, scope, filters);
    const withheld = withheldSites(counts);
    const labels = await placeLabels(db, scope);
    const total = counts.filter((c) => !withheld.includes(c.siteId)).reduce((sum, c) => sum + c.n, 0);
    const table: ExportTable = {
      name: 'Comments',
      about: [
        ...aboutLines(principal, withOriginals ? 'comments, with the families’ own words where you may read them' : 'comments (redacted)', request),
        'Names, phone numbers, emails and addresses are hidden in the redacted text. Comments under an open safeguarding flag are withheld.',
        withheld.length
          ? `Left out: the comments of ${withheld.length} site${withheld.length === 1 ? '' : 's'} with too few to share`
          : 'Nothing left out for small numbers',
      ],
      header: [
        'Comment',
        'Response',
        'Submitted (UTC)',
        'Site',
        'Question',
        'Language',
        'Sentiment',
        'Themes',
        'Text (redacted)',
        ...(withOriginals ? ['Original text'] : []),
      ],
      rows: (async function* () {
        for await (const page of commentPages(db, scope, originalScope, filters, { withOriginals, withheld, withheldText: WITHHELD, expected: total })) {
          yield page.map((c) => [
            c.id,
            c.responseId,
            iso(c.submittedAt),
            labels.get(c.siteId)?.name ?? c.siteId,
            c.questionId,
            c.language,
            c.sentiment < 0 ? 'negative' : c.sentiment > 0 ? 'positive' : 'neutral',
            (JSON.parse(c.themes) as { theme: string }[]).map((t) => t.theme).join('; '),
            c.redacted,
            ...(withOriginals ? [c.original] : []),
          ]);
        }
      })(),
    };
    return { tables: [table], total, withOriginals };
  }

  async function reportTables(principal: Principal, request: z.output<typeof ExportRequest>): Promise<{ tables: ExportTable[]; total: number }> {
    const query = pickFilters(request);
    const about = (title: string) => [...aboutLines(principal, title, request), 'Groups of 1-4 responses, and the next smallest beside one, are suppressed.'];
    const suppressedNote = (row: { suppressed: boolean; suppressionReason: string | null }) =>
      row.suppressed ? `${SUPPRESSED} (${row.suppressionReason})` : null;
    if (request.kind === 'satisfaction') {
      const report = await reports.satisfaction(principal, { ...query, groupBy: request.groupBy });
      const rows = [...report.rows, { ...report.total, label: 'Total' }].map((row) => [
        row.label,
        row.n,
        percent(row.fftPositive),
        percent(row.ci95?.[0]),
        percent(row.ci95?.[1]),
        percent(row.fftNegative),
        round(row.meanRating),
        round(row.nps, 1),
        ...FFT_OPTIONS.map((o) => row.counts?.[o.key] ?? null),
        suppressedNote(row),
      ]);
      return {
        tables: [
          {
            name: 'Satisfaction',
            about: about(`satisfaction by ${request.groupBy}`),
            header: [
              'Group',
              'Responses',
              '% positive',
              '95% CI low',
              '95% CI high',
              '% negative',
              'Mean rating',
              'NPS',
              ...FFT_OPTIONS.map((o) => o.label),
              'Suppressed',
            ],
            rows: [rows],
          },
        ],
        total: rows.length,
      };
    }
    if (request.kind === 'equity') {
      const report = await reports.equity(principal, { ...query, dimension: request.dimension });
      const rows = report.rows.map((row) => [
        row.label,
        row.n,
        percent(row.positive),
        percent(row.ci95?.[0]),
        percent(row.ci95?.[1]),
        row.restN,
        percent(row.restPositive),
        row.gap === null ? null : round(row.gap * 100, 1),
        percent(row.gapCi95?.[0]),
        percent(row.gapCi95?.[1]),
        row.flagged ? 'yes' : 'no',
        suppressedNote(row),
      ]);
      return {
        tables: [
          {
            name: 'Equity',
            about: about(`equity by ${request.dimension}`),
            header: [
              'Group',
              'Responses',
              '% positive',
              '95% CI low',
              '95% CI high',
              'Everyone else: responses',
              'Everyone else: % positive',
              'Gap (points)',
              'Gap CI low',
              'Gap CI high',
              'Gap significant',
              'Suppressed',
            ],
            rows: [rows],
          },
        ],
        total: rows.length,
      };
    }
    if (request.kind === 'trends') {
      const report = await reports.trends(principal, { ...query, groupBy: request.groupBy, period: request.period });
      const change = (c: (typeof report.rows)[number]['vsPrevious']) => [
        c ? percent(c.base.positive) : null,
        c ? round((c.change ?? 0) * 100, 1) : null,
        c?.p ?? null,
        c ? (c.significant ? 'yes' : 'no') : null,
      ];
      const rows = report.rows.map((row) => [
        row.label,
        row.current.n,
        percent(row.current.positive),
        ...change(row.vsPrevious),
        ...change(row.vsLastYear),
        row.current.suppressed ? SUPPRESSED : null,
      ]);
      const { current, previous, lastYear } = report.periods;
      return {
        tables: [
          {
            name: 'Trends',
            about: about(`trends by ${request.groupBy}, ${current} against ${previous} and ${lastYear}`),
            header: [
              'Group',
              `Responses ${current}`,
              `% positive ${current}`,
              `% positive ${previous}`,
              'Change (points)',
              'p',
              'Significant',
              `% positive ${lastYear}`,
              'Change (points)',
              'p',
              'Significant',
              'Suppressed',
            ],
            rows: [rows],
          },
        ],
        total: rows.length,
      };
    }
    const report = await reports.themes(principal, query);
    const rows = report.themes.map((theme) => [
      theme.name,
      theme.theme,
      theme.count,
      percent(theme.share),
      percent(theme.sentiment.negative),
      percent(theme.sentiment.neutral),
      percent(theme.sentiment.positive),
      theme.previous?.count ?? null,
      theme.change?.count ?? null,
      theme.quotes.join(' | '),
    ]);
    return {
      tables: [
        {
          name: 'Themes',
          about: about(`themes, ${report.range.from.slice(0, 10)} to ${report.range.to.slice(0, 10)}`),
          header: ['Theme', 'Id', 'Comments', '% of comments', '% negative', '% neutral', '% positive', 'Comments before', 'Change', 'Quotes (redacted)'],
          rows: [rows],
        },
      ],
      total: rows.length,
    };
  }

  return {
    /** Checks the request, audits it and starts writing; the job reports its progress. */
    async start(principal: Principal, input: ExportRequest): Promise<ExportJob> {
      const parsed = ExportRequest.safeParse(input);
      if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'kind', message: i.message, code: i.code })));
      const request = parsed.data;
      const filters = await reports.filtersFor(principal, pickFilters(request));
      const plan =
        request.kind === 'responses'
          ? await responseTables(principal, request, filters)
          : request.kind === 'comments'
            ? await commentTables(principal, request, filters)
            : await reportTables(principal, request);
      const originals = 'withOriginals' in plan && plan.withOriginals === true;
      const id = newId('exp');
      const organisations = await organisationsOf(db, scopeFor(principal, 'exports.read'));
      sweep();
      directory ??= mkdtemp(join(tmpdir(), 'hubvoice-exports-')).then((made) => {
        // Files are kept for an hour at most, and none outlives the process.
        process.once('exit', () => rmSync(made, { recursive: true, force: true }));
        return made;
      });
      const stamp = deps.now().toISOString().slice(0, 10);
      const job: ExportJob = {
        id,
        userId: principal.userId,
        kind: request.kind,
        format: request.format,
        status: 'running',
        written: 0,
        total: plan.total,
        filename: `hubvoice-${request.kind}-${stamp}.${request.format}`,
        createdAt: deps.now(),
        path: join(await directory, `${id}.${request.format}`),
      };
      await audited(db, {
        at: deps.now(),
        action: 'export_downloaded',
        userId: principal.userId,
        organisationId: organisations.length === 1 ? organisations[0] : null,
        targetType: 'export',
        targetId: id,
        details: { kind: request.kind, format: request.format, filters: describe(request), originals, rows: plan.total },
      });
      jobs.set(id, job);
      const write = request.format === 'csv' ? writeCsv : writeXlsx;
      write(plan.tables, createWriteStream(job.path), (written) => {
        job.written = written;
      }).then(
        () => {
          job.status = 'done';
          job.total = Math.max(job.total, job.written);
        },
        (error: unknown) => {
          console.error('export failed', id, error);
          job.status = 'failed';
        },
      );
      return job;
    },

    /** The caller's own job, or a 404. */
    job(principal: Principal, id: string): ExportJob {
      const job = jobs.get(id);
      if (!job || job.userId !== principal.userId) throw notFound('That export');
      return job;
    },

    /** The finished file as a stream, with its name and type. */
    file(principal: Principal, id: string) {
      const job = this.job(principal, id);
      if (job.status !== 'done')
        throw new ApiError(409, 'conflict', job.status === 'failed' ? 'That export failed. Please start it again.' : 'That export is still being written.');
      return { job, contentType: CONTENT_TYPES[job.format], stream: createReadStream(job.path) };
    },

    /** Deletes every export file now (tests; the process's exit does the same). */
    async dispose(): Promise<void> {
      if (directory) rmSync(await directory, { recursive: true, force: true });
      directory = undefined;
      jobs.clear();
    },

    /** Waits for a job to finish (tests and benches). */
    async finished(principal: Principal, id: string): Promise<ExportJob> {
      for (;;) {
        const job = this.job(principal, id);
        if (job.status !== 'running') return job;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

function pickFilters(request: z.output<typeof ExportRequest>) {
  const { from, to, site, provider, servicePoint, survey } = request;
  return Object.fromEntries(Object.entries({ from, to, site, provider, servicePoint, survey }).filter(([, v]) => v !== undefined)) as z.infer<typeof Filters>;
}

function describe(request: z.output<typeof ExportRequest>): string {
  const filters = pickFilters(request);
  return Object.entries(filters)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
}
