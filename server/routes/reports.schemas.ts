/**
 * What the reports return, for the API document and the tests that hold real reports to it. The
 * figures come from analysis/ (satisfaction.ts, equity.ts, trends.ts, text/summarise.ts); shares
 * are 0..1, and a suppressed cell (1-4 responses, or secondary suppression) has nulls, not numbers.
 */
import { z } from '@hono/zod-openapi';
import { FFT_OPTIONS } from '../../survey/fft';

const share = z.number().min(0).max(1);
/** A Wilson (or Newcombe, for a gap) 95% interval: [lower, upper]. */
const Interval = z.tuple([z.number(), z.number()]).nullable();
const Suppression = z.enum(['small', 'secondary', 'cascade']).nullable();
const FftCounts = z.object(
  Object.fromEntries(FFT_OPTIONS.map((option) => [option.key, z.number().int()])) as Record<(typeof FFT_OPTIONS)[number]['key'], z.ZodNumber>,
);
/** The filters the report was asked for, as given. */
const Filters = z.record(z.string(), z.string());

const SatisfactionRow = z.object({
  key: z.string(),
  label: z.string(),
  n: z.number().int().nullable(),
  fftPositive: share.nullable(),
  fftNegative: share.nullable(),
  ci95: Interval,
  ci95Negative: Interval,
  meanRating: z.number().nullable(),
  nps: z.number().nullable(),
  counts: FftCounts.nullable(),
  ratingCounts: z.array(z.number().int()).nullable(),
  suppressed: z.boolean(),
  suppressionReason: Suppression,
});
export const SatisfactionReport = z
  .object({ groupBy: z.string(), filters: Filters, rows: z.array(SatisfactionRow), total: SatisfactionRow })
  .openapi('SatisfactionReport');

export const EquityReport = z
  .object({
    dimension: z.string(),
    filters: Filters,
    rows: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        n: z.number().int().nullable(),
        positive: share.nullable(),
        ci95: Interval,
        restN: z.number().int().nullable(),
        restPositive: share.nullable(),
        restCi95: Interval,
        /** positive − restPositive: negative when the group is less satisfied than everyone else. */
        gap: z.number().nullable(),
        gapCi95: Interval,
        flagged: z.boolean(),
        suppressed: z.boolean(),
        suppressionReason: Suppression,
      }),
    ),
  })
  .openapi('EquityReport');

const PeriodFigure = z.object({ n: z.number().int().nullable(), positive: share.nullable(), ci95: Interval, suppressed: z.boolean() });
const TrendComparison = z
  .object({ base: PeriodFigure, change: z.number().nullable(), z: z.number().nullable(), p: z.number().nullable(), significant: z.boolean() })
  .nullable();
export const TrendsReport = z
  .object({
    groupBy: z.string(),
    period: z.enum(['month', 'quarter']),
    periods: z.object({ current: z.string(), previous: z.string(), lastYear: z.string() }),
    rows: z.array(z.object({ key: z.string(), label: z.string(), current: PeriodFigure, vsPrevious: TrendComparison, vsLastYear: TrendComparison })),
  })
  .openapi('TrendsReport');

const Range = z.object({ from: z.iso.datetime(), to: z.iso.datetime() });
const SentimentSplit = z.object({ negative: z.number(), neutral: z.number(), positive: z.number() });
export const ThemesReport = z
  .object({
    filters: Filters,
    range: Range,
    previousRange: Range,
    period: z.string(),
    previousPeriod: z.string().nullable(),
    group: z.string().nullable(),
    comments: z.number().int(),
    themes: z.array(
      z.object({
        theme: z.string(),
        name: z.string(),
        count: z.number().int(),
        share,
        sentiment: SentimentSplit,
        previous: z.object({ count: z.number().int(), share }).nullable(),
        change: z.object({ count: z.number().int(), share: z.number() }).nullable(),
        /** Redacted. */
        quotes: z.array(z.string()),
        /** Where each quote came from, in the same order: null for a family's own comment, else the meeting, for example "a focus group on 3 November 2026". */
        quoteSources: z.array(z.string().nullable()),
      }),
    ),
    emergingTerms: z.array(z.object({ term: z.string(), current: z.number().int(), previous: z.number().int(), z: z.number() })),
    /** How many comments of each period the quotes and emerging terms were read from (the newest). */
    textSample: z.object({ current: z.number().int(), previous: z.number().int() }),
  })
  .openapi('ThemesReport');

/** `GET /api/reports/quarterly`: the sections of the quarterly report (each as the report it comes from). */
export const QuarterlyReportSchema = z
  .object({
    quarter: z.string(),
    range: z.object({ from: z.string(), to: z.string() }),
    periods: z.object({ previous: z.string(), lastYear: z.string() }),
    scope: z.object({ kind: z.enum(['all', 'provider', 'site']), code: z.string().nullable(), name: z.string() }),
    fft: z.unknown().openapi({ description: 'This quarter’s FFT % positive and its comparisons (as a `/api/reports/trends` row), or null' }),
    responses: z.number().int().nullable(),
    byChannel: z.array(z.unknown()).openapi({ description: 'Satisfaction rows by channel' }),
    byLanguage: z.array(z.unknown()).openapi({ description: 'Satisfaction rows by language' }),
    equity: z.array(z.object({ dimension: z.string(), rows: z.array(z.unknown()) })),
    themes: z.object({ comments: z.number().int(), top: z.array(z.unknown()), emerging: z.array(z.unknown()) }),
    actions: z.array(z.object({ id: z.string(), youSaid: z.string(), weDid: z.string(), publishedAt: z.string().nullable() })),
    /** Meetings held with families in the quarter (focus groups, panels, forums, consultations): how many and how many people, per kind. */
    meetings: z.object({
      total: z.number().int(),
      participants: z.number().int(),
      byKind: z.array(z.object({ kind: z.string(), label: z.string(), meetings: z.number().int(), participants: z.number().int() })),
    }),
    hearingFrom: z.array(
      z.object({
        dimension: z.string(),
        population: z
          .object({ area: z.string(), source: z.string().nullable(), rows: z.array(z.unknown()) })
          .nullable()
          .openapi({
            description: 'Each group’s share of responses against its share of the population (under-heard first), where the council uploaded figures',
          }),
        responses: z.number().int(),
        notAnswered: z.number().int().nullable(),
        groups: z.array(
          z.object({ key: z.string(), label: z.string(), n: z.number().int().nullable(), share: z.number().nullable(), suppressed: z.boolean() }),
        ),
      }),
    ),
    siteNames: z.array(z.string()),
  })
  .openapi('QuarterlyReport');
