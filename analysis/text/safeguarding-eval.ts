/**
 * Measuring the safeguarding detector against labelled comments: recall on disclosures (the figure
 * that matters: a missed disclosure never reaches a lead) and the false-positive rate on look-alikes
 * (the cost: an alert a lead dismisses). A disclosure counts as caught when it is flagged at all,
 * whatever category the detector gives it, because any flag puts it in front of a lead.
 */
import { parseCsvRecords } from './csv';
import { detectSafeguarding, SAFEGUARDING_CATEGORIES, type SafeguardingCategory, type SafeguardingResult } from './safeguarding';

export interface SafeguardingCase {
  language: string;
  /** The category a lead would file it under, or 'none' for a look-alike. */
  label: SafeguardingCategory | 'none';
  text: string;
}

export interface Rate {
  n: number;
  /** null when n is 0, so an absent group never reads as perfect. */
  rate: number | null;
}

export interface SafeguardingEvaluation {
  n: number;
  disclosures: number;
  lookAlikes: number;
  recall: number | null;
  falsePositiveRate: number | null;
  /** Of the disclosures caught, the share given their labelled category among others. */
  categoryAgreement: number | null;
  recallByCategory: Partial<Record<SafeguardingCategory, Rate>>;
  byLanguage: Record<string, { recall: Rate; falsePositiveRate: Rate }>;
  missed: SafeguardingCase[];
  falsePositives: SafeguardingCase[];
}

const LABELS: readonly string[] = [...SAFEGUARDING_CATEGORIES, 'none'];

/**
 * Reads a CSV with columns `language,label,text`; an unknown label is an error naming the row,
 * so a typo cannot quietly turn a disclosure into a look-alike.
 *
 * @example
 * parseSafeguardingCsv('language,label,text\nen,none,"Lovely staff"\n')
 * // [{ language: 'en', label: 'none', text: 'Lovely staff' }]
 */
export function parseSafeguardingCsv(csv: string): SafeguardingCase[] {
  const records = parseCsvRecords(csv);
  if (records.length > 0 && !('text' in records[0]! && 'label' in records[0]!)) throw new Error('safeguarding CSV needs "language,label,text" columns');
  return records
    .filter((r) => (r.text ?? '').trim() !== '')
    .map((r, i) => {
      const label = (r.label ?? '').trim();
      if (!LABELS.includes(label)) throw new Error(`row ${i + 2}: label must be one of ${LABELS.join(', ')}, got "${label}"`);
      return { language: (r.language ?? '').trim() || 'unknown', label: label as SafeguardingCase['label'], text: r.text! };
    });
}

const ratio = (hits: number, n: number): Rate => ({ n, rate: n === 0 ? null : hits / n });

/**
 * Scores a detector on labelled cases.
 *
 * @example
 * scoreSafeguarding([{ language: 'en', label: 'domestic-abuse', text: 'he hits me' }]).recall // 1
 */
export function scoreSafeguarding(
  cases: readonly SafeguardingCase[],
  detect: (text: string, lang: string) => SafeguardingResult = detectSafeguarding,
): SafeguardingEvaluation {
  const missed: SafeguardingCase[] = [];
  const falsePositives: SafeguardingCase[] = [];
  const tally = new Map<string, { n: number; hits: number }>();
  const count = (key: string, hit: boolean) => {
    const t = tally.get(key) ?? { n: 0, hits: 0 };
    t.n++;
    if (hit) t.hits++;
    tally.set(key, t);
  };
  let agreeing = 0;
  for (const c of cases) {
    const result = detect(c.text, c.language);
    if (c.label === 'none') {
      if (result.flagged) falsePositives.push(c);
      count(`fp:${c.language}`, result.flagged);
      continue;
    }
    if (!result.flagged) missed.push(c);
    else if (result.categories.includes(c.label)) agreeing++;
    count(`cat:${c.label}`, result.flagged);
    count(`rec:${c.language}`, result.flagged);
  }
  const rateOf = (key: string) => ratio(tally.get(key)?.hits ?? 0, tally.get(key)?.n ?? 0);
  const lookAlikes = cases.filter((c) => c.label === 'none').length;
  const disclosures = cases.length - lookAlikes;
  const caught = disclosures - missed.length;
  const recallByCategory: SafeguardingEvaluation['recallByCategory'] = {};
  for (const category of SAFEGUARDING_CATEGORIES) if (tally.has(`cat:${category}`)) recallByCategory[category] = rateOf(`cat:${category}`);
  const byLanguage: SafeguardingEvaluation['byLanguage'] = {};
  for (const language of [...new Set(cases.map((c) => c.language))].sort()) {
    byLanguage[language] = { recall: rateOf(`rec:${language}`), falsePositiveRate: rateOf(`fp:${language}`) };
  }
  return {
    n: cases.length,
    disclosures,
    lookAlikes,
    recall: ratio(caught, disclosures).rate,
    falsePositiveRate: ratio(falsePositives.length, lookAlikes).rate,
    categoryAgreement: ratio(agreeing, caught).rate,
    recallByCategory,
    byLanguage,
    missed,
    falsePositives,
  };
}
