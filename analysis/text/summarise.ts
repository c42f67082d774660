/**
 * Theme summaries for commissioners: per theme, how many comments and what share, the sentiment
 * split, the change against the previous period, three typical and varied redacted quotes, and
 * the words that rose sharply since the previous period.
 */
import type { Sentiment } from './model';
import { redact } from './redact';
import { stem, tokenise } from './tokenize';

/** A tagged comment as the server stores it. */
export interface TaggedCommentRow {
  text: string;
  /** Redacted text if already computed; redacted here otherwise. */
  redacted?: string;
  /** Reporting period, e.g. '2025-Q1' or '2025-03'. */
  period: string;
  /** Hub, service point or any other grouping the filter selects on. */
  group?: string;
  themes: { theme: string; score: number; sentiment?: Sentiment }[];
  sentiment: Sentiment;
  /** Where the words came from when not a family's own comment, for example "a focus group on 3 November 2026". */
  source?: string | null;
}

export interface ThemeSummaryOptions {
  period: string;
  previousPeriod?: string;
  /** Only rows of this group; all rows when absent. */
  group?: string;
  /** Theme id → display name. */
  themeNames?: Readonly<Record<string, string>>;
  /** Quotes per theme; 3 unless told. */
  quotes?: number;
  /** Emerging terms to return; 10 unless told. */
  emergingTerms?: number;
  /** Themes scoring below this on a comment are not counted; 0 unless told. */
  minScore?: number;
  /**
   * Exact counts, counted where the comments are stored, when `rows` are only a sample of them
   * (the newest of each period): counts, shares, sentiment and change then come from here, and the
   * rows give only the quotes and the emerging terms.
   */
  counts?: { current: PeriodCounts; previous?: PeriodCounts };
}

/** A period's comments, and per theme its mentions and their sentiment. */
export interface PeriodCounts {
  comments: number;
  themes: ReadonlyMap<string, { count: number; sentiment: SentimentSplit }>;
}

export interface SentimentSplit {
  negative: number;
  neutral: number;
  positive: number;
}

export interface ThemeSummaryEntry {
  theme: string;
  name: string;
  count: number;
  /** Share of the period's comments that mention the theme (0..1). */
  share: number;
  sentiment: SentimentSplit;
  previous: { count: number; share: number } | null;
  /** Change in count and in share (percentage points as a fraction) against the previous period. */
  change: { count: number; share: number } | null;
  quotes: string[];
  /** Where each quote came from, in the same order: null for a family's own comment, else for example "a focus group on 3 November 2026". */
  quoteSources: (string | null)[];
}

export interface EmergingTerm {
  term: string;
  current: number;
  previous: number;
  /** z-score of the log-odds ratio with an informative Dirichlet prior (Monroe et al., 2008). */
  z: number;
}

export interface ThemeSummary {
  period: string;
  previousPeriod: string | null;
  group: string | null;
  comments: number;
  themes: ThemeSummaryEntry[];
  emergingTerms: EmergingTerm[];
}

// Function words carry no news; without this list "the" and "and" can "emerge" in small periods.
const STOPWORDS = new Set(
  'a an the and or but if of to in on at for with from by as is are was were be been being it its this that these those i me my we our you your he she they them their his her him so very really just not no do did does have has had can could would should will also there here then than too more most much many some any all about into out up over what when where which who how get got'.split(
    ' ',
  ),
);

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

function words(text: string): string[] {
  return tokenise(text).words.filter((w) => w.length > 2 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}

/** How much a quote's own score counts beside how typical of its theme it is. */
const SCORE_WEIGHT = 0.5;
/** How strongly a quote is held back for sharing words with one already chosen. */
const REDUNDANCY_WEIGHT = 0.7;
/** Quotes sharing more than this share of their words with a chosen one are near-duplicates. */
const NEAR_DUPLICATE = 0.5;

/**
 * Quotes typical of the theme and unlike one another. Typicality is the cosine between a
 * comment's words and the theme's other comments' word profile (its own words left out, so a
 * word only it uses earns nothing); choice is greedy maximal marginal relevance (Carbonell &
 * Goldstein, 1998): typicality and score, less overlap with quotes already chosen. Ties go to
 * a readable length, never to the row order, so the newest comments do not win by default.
 */
function pickQuotes(rows: { row: TaggedCommentRow; score: number }[], count: number): { text: string; source: string | null }[] {
  const seen = new Set<string>();
  const candidates: { text: string; bag: Set<string>; score: number; source: string | null }[] = [];
  for (const { row, score } of rows) {
    const text = row.redacted ?? redact(row.text);
    if (seen.has(text)) continue;
    seen.add(text);
    candidates.push({ text, bag: new Set(words(text).map((w) => stem(w))), score, source: row.source ?? null });
  }
  const n = candidates.length;
  const df = new Map<string, number>();
  for (const c of candidates) for (const w of c.bag) df.set(w, (df.get(w) ?? 0) + 1);
  const typicality = candidates.map((c) => {
    if (n < 2 || c.bag.size === 0) return 0;
    let sum = 0;
    for (const w of c.bag) sum += (df.get(w)! - 1) / (n - 1);
    return sum / Math.sqrt(c.bag.size);
  });
  const top = Math.max(1e-9, ...typicality);
  const lengthPenalty = (text: string): number => Math.abs(text.length - 140) / 1400;
  const base = candidates.map((c, i) => typicality[i]! / top + SCORE_WEIGHT * c.score - lengthPenalty(c.text));
  const chosen: number[] = [];
  while (chosen.length < count) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < n; i++) {
      if (chosen.includes(i)) continue;
      const overlap = chosen.reduce((m, j) => Math.max(m, similarity(candidates[i]!.bag, candidates[j]!.bag)), 0);
      if (overlap > NEAR_DUPLICATE) continue;
      const value = base[i]! - REDUNDANCY_WEIGHT * overlap;
      if (value > bestValue || (value === bestValue && candidates[i]!.text < candidates[best]!.text)) (best = i), (bestValue = value);
    }
    if (best < 0) break;
    chosen.push(best);
  }
  return chosen.map((i) => ({ text: candidates[i]!.text, source: candidates[i]!.source }));
}

/**
 * Words whose rate rose most sharply from the previous period to this one, by the log-odds ratio
 * with an informative Dirichlet prior: robust for rare words, which plain ratios overstate.
 */
export function emergingTerms(current: readonly string[], previous: readonly string[], limit = 10, minCount = 3): EmergingTerm[] {
  const count = (texts: readonly string[]) => {
    const counts = new Map<string, number>();
    const surface = new Map<string, Map<string, number>>();
    for (const text of texts) {
      for (const w of words(text)) {
        const s = stem(w);
        counts.set(s, (counts.get(s) ?? 0) + 1);
        const forms = surface.get(s) ?? new Map<string, number>();
        forms.set(w, (forms.get(w) ?? 0) + 1);
        surface.set(s, forms);
      }
    }
    return { counts, surface };
  };
  const a = count(current);
  const b = count(previous);
  const n = [...a.counts.values()].reduce((x, y) => x + y, 0);
  const m = [...b.counts.values()].reduce((x, y) => x + y, 0);
  if (n === 0) return [];
  // Prior: the pooled word distribution scaled to a modest total, as Monroe et al. recommend.
  const alpha0 = 500;
  const pooled = n + m;
  const out: EmergingTerm[] = [];
  for (const [s, y] of a.counts) {
    if (y < minCount) continue;
    const z = b.counts.get(s) ?? 0;
    const alpha = (alpha0 * (y + z)) / pooled;
    const delta = Math.log((y + alpha) / (n + alpha0 - y - alpha)) - Math.log((z + alpha) / (m + alpha0 - z - alpha));
    const variance = 1 / (y + alpha) + 1 / (z + alpha);
    const score = delta / Math.sqrt(variance);
    if (score <= 1.96) continue;
    const forms = [...(a.surface.get(s) ?? new Map<string, number>())].sort((p, q) => q[1] - p[1]);
    out.push({ term: forms[0]?.[0] ?? s, current: y, previous: z, z: round(score, 2) });
  }
  return out.sort((p, q) => q.z - p.z).slice(0, limit);
}

/** Mentions per theme, by sentiment, from the rows themselves. */
function countMentions(byTheme: Map<string, { sentiment: Sentiment }[]>, comments: number): PeriodCounts {
  const themes = new Map<string, { count: number; sentiment: SentimentSplit }>();
  for (const [theme, mentions] of byTheme) {
    const sentiment = { negative: 0, neutral: 0, positive: 0 };
    for (const m of mentions) sentiment[m.sentiment < 0 ? 'negative' : m.sentiment > 0 ? 'positive' : 'neutral']++;
    themes.set(theme, { count: mentions.length, sentiment });
  }
  return { comments, themes };
}

/**
 * Summarises tagged comments for one period (and optionally one group) by theme.
 *
 * @example
 * summariseThemes(rows, { period: '2025-Q2', previousPeriod: '2025-Q1', group: 'north-hub' })
 */
export function summariseThemes(rows: readonly TaggedCommentRow[], options: ThemeSummaryOptions): ThemeSummary {
  const minScore = options.minScore ?? 0;
  const inGroup = options.group === undefined ? rows : rows.filter((r) => r.group === options.group);
  const current = inGroup.filter((r) => r.period === options.period);
  const previous = options.previousPeriod === undefined ? [] : inGroup.filter((r) => r.period === options.previousPeriod);
  const byTheme = (list: readonly TaggedCommentRow[]) => {
    const map = new Map<string, { row: TaggedCommentRow; score: number; sentiment: Sentiment }[]>();
    for (const row of list) {
      for (const t of row.themes) {
        if (t.score < minScore) continue;
        const entries = map.get(t.theme) ?? [];
        entries.push({ row, score: t.score, sentiment: t.sentiment ?? row.sentiment });
        map.set(t.theme, entries);
      }
    }
    return map;
  };
  const now = byTheme(current);
  const counts = options.counts ?? {
    current: countMentions(now, current.length),
    ...(options.previousPeriod === undefined ? {} : { previous: countMentions(byTheme(previous), previous.length) }),
  };
  const before = options.previousPeriod === undefined ? undefined : counts.previous;
  const themes = [...counts.current.themes].map(([theme, { count, sentiment }]): ThemeSummaryEntry => {
    const quotes = pickQuotes(now.get(theme) ?? [], options.quotes ?? 3);
    const share = counts.current.comments ? count / counts.current.comments : 0;
    const prior = before ? (before.themes.get(theme)?.count ?? 0) : null;
    const priorShare = prior === null || !before?.comments ? 0 : prior / before.comments;
    return {
      theme,
      name: options.themeNames?.[theme] ?? theme,
      count,
      share: round(share),
      sentiment: { ...sentiment },
      previous: prior === null ? null : { count: prior, share: round(priorShare) },
      change: prior === null ? null : { count: count - prior, share: round(share - priorShare) },
      quotes: quotes.map((q) => q.text),
      quoteSources: quotes.map((q) => q.source),
    };
  });
  themes.sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
  return {
    period: options.period,
    previousPeriod: options.previousPeriod ?? null,
    group: options.group ?? null,
    comments: counts.current.comments,
    themes,
    emergingTerms:
      options.previousPeriod === undefined
        ? []
        : emergingTerms(
            current.map((r) => r.text),
            previous.map((r) => r.text),
            options.emergingTerms ?? 10,
          ),
  };
}
