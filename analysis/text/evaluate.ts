/**
 * Measuring a model against labelled comments: theme macro/micro F1 and sentiment macro F1, the
 * figures the targets are stated in; per-theme precision and recall, sentiment accuracy
 * and negative recall, each per language; plus cross-validation for the benchmark.
 */
import { classify } from './classify';
import { parseCsvRecords } from './csv';
import { SENTIMENT_CLASSES, type Sentiment, type ThemeModel } from './model';
import { train, type LabelledComment, type TrainOptions } from './train';

export interface Evaluation {
  n: number;
  /** Mean F1 over the theme labels present in the evaluation file. */
  macroF1: number;
  microF1: number;
  /** Mean F1 over the sentiment classes present in the file. */
  sentimentMacroF1: number;
  /** Share of comments with a sentiment label whose sentiment was right. */
  sentimentAccuracy: number;
  /** Share of negative comments read as negative: complaints must not be missed. */
  negativeRecall: number;
  /** Per theme seen in the file or given by the model: precision, recall, gold count, given count. */
  perTheme: Record<string, ThemeScore>;
  /** The same figures for each language's comments (rows without one count as "en"). */
  perLanguage: Record<string, LanguageScore>;
  commentsPerSecond: number;
}

export interface ThemeScore {
  precision: number;
  recall: number;
  f1: number;
  /** Comments labelled with the theme. */
  support: number;
  /** Comments the model gave the theme. */
  predicted: number;
}

export type LanguageScore = Pick<Evaluation, 'n' | 'macroF1' | 'microF1' | 'sentimentAccuracy' | 'negativeRecall'>;

/**
 * Reads a labelled CSV with columns `text,labels,sentiment` and optionally `language` (labels
 * `;`-joined; sentiment -1/0/1 or empty). Rows with empty text are skipped.
 *
 * @example
 * parseLabelledCsv('text,labels,sentiment\n"Great, thanks",staff;play,1\n')
 * // [{ text: 'Great, thanks', labels: ['staff', 'play'], sentiment: 1 }]
 */
export function parseLabelledCsv(csv: string): LabelledComment[] {
  const records = parseCsvRecords(csv);
  if (records.length > 0 && !('text' in records[0]!)) throw new Error('labelled CSV needs a "text" column');
  return records
    .filter((r) => (r.text ?? '').trim() !== '')
    .map((r) => {
      const s = (r.sentiment ?? '').trim();
      const sentiment = s === '' ? null : Number(s);
      if (sentiment !== null && !SENTIMENT_CLASSES.includes(sentiment as Sentiment)) throw new Error(`sentiment must be -1, 0 or 1, got "${s}"`);
      const language = (r.language ?? '').trim();
      return {
        text: r.text!,
        labels: (r.labels ?? '')
          .split(';')
          .map((l) => l.trim())
          .filter(Boolean),
        sentiment: sentiment as Sentiment | null,
        ...(language ? { language } : {}),
      };
    });
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const f1 = ({ tp, fp, fn }: Counts): number => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
const round4 = (x: number): number => Math.round(x * 10000) / 10000;
/** Precision of a theme never given is 1 by convention: it made no wrong calls. */
const ratio = (num: number, den: number, empty: number): number => (den === 0 ? empty : round4(num / den));

type Prediction = { labels: readonly string[]; sentiment: Sentiment };

function themeAndSentimentScores(gold: readonly LabelledComment[], predicted: readonly Prediction[]) {
  const perLabel = new Map<string, Counts>();
  const counts = (label: string): Counts => {
    let c = perLabel.get(label);
    if (!c) perLabel.set(label, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  const present = new Set(gold.flatMap((g) => g.labels));
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  const sentiment = SENTIMENT_CLASSES.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  const sentimentPresent = new Set<number>();
  let sentimentRows = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    const want = new Set(g.labels);
    const got = new Set(p.labels);
    for (const l of got) {
      if (want.has(l)) counts(l).tp++, micro.tp++;
      else counts(l).fp++, micro.fp++;
    }
    for (const l of want) if (!got.has(l)) counts(l).fn++, micro.fn++;
    if (g.sentiment != null) {
      sentimentRows++;
      const gi = SENTIMENT_CLASSES.indexOf(g.sentiment);
      const pi = SENTIMENT_CLASSES.indexOf(p.sentiment);
      sentimentPresent.add(gi);
      if (gi === pi) sentiment[gi]!.tp++;
      else sentiment[gi]!.fn++, sentiment[pi]!.fp++;
    }
  });
  const labels = [...present];
  const negative = sentiment[0]!;
  return {
    perLabel,
    summary: {
      n: gold.length,
      macroF1: round4(labels.length ? labels.reduce((s, l) => s + f1(counts(l)), 0) / labels.length : 0),
      microF1: round4(f1(micro)),
      sentimentMacroF1: round4(sentimentPresent.size ? [...sentimentPresent].reduce((s, c) => s + f1(sentiment[c]!), 0) / sentimentPresent.size : 0),
      sentimentAccuracy: ratio(
        sentiment.reduce((s, c) => s + c.tp, 0),
        sentimentRows,
        0,
      ),
      negativeRecall: ratio(negative.tp, negative.tp + negative.fn, 0),
    },
  };
}

/**
 * Scores predictions against gold labels; macro F1 is over the labels in `gold`. Adds per-theme
 * precision and recall and the figures per language, so a model that serves English well and
 * Polish badly cannot hide behind an average.
 */
export function scorePredictions(gold: readonly LabelledComment[], predicted: readonly Prediction[]): Omit<Evaluation, 'commentsPerSecond'> {
  const { perLabel, summary } = themeAndSentimentScores(gold, predicted);
  const perTheme: Record<string, ThemeScore> = {};
  for (const [label, c] of [...perLabel].sort((a, b) => a[0].localeCompare(b[0]))) {
    perTheme[label] = {
      precision: ratio(c.tp, c.tp + c.fp, 1),
      recall: ratio(c.tp, c.tp + c.fn, 0),
      f1: round4(f1(c)),
      support: c.tp + c.fn,
      predicted: c.tp + c.fp,
    };
  }
  const byLanguage = new Map<string, number[]>();
  gold.forEach((g, i) => {
    const lang = g.language?.toLowerCase() || 'en';
    byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), i]);
  });
  const perLanguage: Record<string, LanguageScore> = {};
  if (byLanguage.size > 1 || gold.some((g) => g.language)) {
    for (const [lang, rows] of [...byLanguage].sort((a, b) => a[0].localeCompare(b[0]))) {
      const { n, macroF1, microF1, sentimentAccuracy, negativeRecall } = themeAndSentimentScores(
        rows.map((i) => gold[i]!),
        rows.map((i) => predicted[i]!),
      ).summary;
      perLanguage[lang] = { n, macroF1, microF1, sentimentAccuracy, negativeRecall };
    }
  }
  return { ...summary, perTheme, perLanguage };
}

/**
 * Tags each labelled comment with the model and scores it. Every comment gets at least its
 * best theme, as the model is asked for one; `commentsPerSecond` times the tagging alone.
 */
export function evaluate(model: ThemeModel, rows: readonly LabelledComment[]): Evaluation {
  const started = performance.now();
  const predicted = rows.map((r) => {
    const c = classify(model, r.text, r.language);
    return { labels: c.themes.map((t) => t.theme), sentiment: c.sentiment };
  });
  const seconds = (performance.now() - started) / 1000;
  return { ...scorePredictions(rows, predicted), commentsPerSecond: Math.round(rows.length / Math.max(seconds, 1e-9)) };
}

/**
 * k-fold cross-validation: each comment is tagged by a model that never saw it. Folds are
 * assigned round-robin after a seeded shuffle so every fold sees every theme.
 */
export function crossValidate(rows: readonly LabelledComment[], folds: number, options: TrainOptions = {}): Omit<Evaluation, 'commentsPerSecond'> {
  const order = rows.map((_, i) => i);
  let seed = options.seed ?? 1;
  for (let i = order.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const predicted: { labels: string[]; sentiment: Sentiment }[] = new Array(rows.length);
  for (let k = 0; k < folds; k++) {
    const held = order.filter((_, i) => i % folds === k);
    const heldSet = new Set(held);
    const model = train(
      rows.filter((_, i) => !heldSet.has(i)),
      options,
    );
    for (const i of held) {
      const c = classify(model, rows[i]!.text, rows[i]!.language);
      predicted[i] = { labels: c.themes.map((t) => t.theme), sentiment: c.sentiment };
    }
  }
  return scorePredictions(rows, predicted);
}
