/**
 * `npm run -s hubvoice -- <command>`: train, evaluate and apply theme models from the shell.
 * stdout carries only results (one JSON line, or JSONL) so it can be piped; progress and errors
 * go to stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  defaultModel,
  defaultTaxonomy,
  classify,
  evaluate,
  loadModel,
  modelToJson,
  parseCsvRecords,
  parseLabelledCsv,
  PATTERNS_ONLY_DETECTOR,
  parseSafeguardingCsv,
  scoreSafeguarding,
  seedModelJson,
  trainSentimentLayer,
  packSentimentLayer,
  trainThemeReview,
  packThemeReview,
  calibrateThemeThresholds,
  scorePredictions,
  parseMarkedText,
  redactSpans,
  scoreRedaction,
  summariseRedaction,
  tagComment,
  detectSafeguarding,
  modelView,
  train,
  trainSafeguardingModel,
  serialiseSafeguardingModel,
  type ThemeModel,
} from '../analysis/text/index';
import { resetPasswordCommand } from './admin';
import { backupCommand, restoreCommand } from './backup';
import { parseArgs, readStdin } from './args';

const USAGE = `usage:
  hubvoice admin reset-password <email>   (prints a link to choose a new password; uses DATABASE_URL and PUBLIC_URL)
  hubvoice backup [--to <dir>] [--keep N]  (an online copy of DATABASE_URL's file; BACKUP_DIR and BACKUP_KEEP by default)
  hubvoice restore <backup.db>            (with the server stopped: checks the copy, then puts it in place of DATABASE_URL's file)
  hubvoice themes train <labelled.csv> --out <model.json> [--epochs N] [--seed N]
  hubvoice themes eval <model.json|default> <labelled.csv>
  hubvoice tag [--model <model.json>] < comments.csv > tagged.jsonl
  hubvoice safeguarding eval <labelled.csv> [--show-errors]
  hubvoice safeguarding train <labelled.csv[,more.csv]> --out <model.json> [--max-fp 0.08] [--folds 5] [--negatives general.csv,...]
  hubvoice sentiment train <labelled.csv[,more.csv]> --out <layer.json>
  hubvoice themes review <labelled.csv[,more.csv]> --out <review.json> [--threshold 0.5] [--best-theme-at 0.2] [--c 0.05] [--words-weighed 25] [--calibrate]
  hubvoice redact eval <marked.csv> [--show-errors]
labelled CSV columns: text,labels,sentiment[,language] (labels ;-joined, sentiment -1/0/1)
safeguarding CSV columns: language,label,text (label: a category id, or none for a look-alike)
marked CSV columns: language,text, with what must be redacted in [[double brackets]]`;

class UsageError extends Error {}

function trainCommand(args: ReturnType<typeof parseArgs>): void {
  const [csvPath] = args.positional;
  const out = args.options.get('out');
  if (!csvPath || !out) throw new UsageError('themes train needs <labelled.csv> and --out <model.json>');
  const rows = parseLabelledCsv(readFileSync(csvPath, 'utf8'));
  const started = performance.now();
  const epochs = wholeNumberOption(args, 'epochs', 1);
  const seed = wholeNumberOption(args, 'seed', 0);
  const model = train(
    rows,
    // Labels that are default-taxonomy ids keep their names and descriptions.
    { themes: defaultTaxonomy, source: csvPath, ...(epochs !== undefined ? { epochs } : {}), ...(seed !== undefined ? { seed } : {}) },
    (p) => process.stderr.write(`train: ${p.stage} ${p.done}/${p.total}\n`),
  );
  const json = JSON.stringify(modelToJson(model));
  writeFileSync(out, json + '\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`train: ${rows.length} comments, ${model.themes.length} themes, ${(json.length / 1024).toFixed(0)} KiB, ${seconds}s → ${out}\n`);
}

/** `--name N` as a whole number ≥ min, or undefined when absent; anything else is a usage error. */
function wholeNumberOption(args: ReturnType<typeof parseArgs>, name: string, min: number): number | undefined {
  const raw = args.options.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${raw}"`);
  }
  return value;
}

function evalCommand(args: ReturnType<typeof parseArgs>): void {
  const [modelPath, csvPath] = args.positional;
  if (!modelPath || !csvPath) throw new UsageError('themes eval needs <model.json|default> and <labelled.csv>');
  // "default" evaluates the shipped taxonomy model, which has no file of its own.
  const model = modelPath === 'default' ? defaultModel() : loadModel(readFileSync(modelPath, 'utf8'));
  const result = evaluate(model, parseLabelledCsv(readFileSync(csvPath, 'utf8')));
  // The first five fields are a contract with scripts that read this line; new ones go after.
  const { n, macroF1, microF1, sentimentMacroF1, commentsPerSecond, sentimentAccuracy, negativeRecall, perTheme, perLanguage } = result;
  process.stdout.write(
    JSON.stringify({ n, macroF1, microF1, sentimentMacroF1, commentsPerSecond, sentimentAccuracy, negativeRecall, perTheme, perLanguage }) + '\n',
  );
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** Recall and false positives of the safeguarding detector on a labelled CSV; errors on stderr if asked. */
function safeguardingEvalCommand(args: ReturnType<typeof parseArgs>): void {
  const [csvPath] = args.positional;
  if (!csvPath) throw new UsageError('safeguarding eval needs <labelled.csv>');
  const result = scoreSafeguarding(parseSafeguardingCsv(readFileSync(csvPath, 'utf8')));
  const recallByCategory = Object.fromEntries(Object.entries(result.recallByCategory).map(([c, r]) => [c, { n: r.n, recall: round(r.rate) }]));
  const byLanguage = Object.fromEntries(
    Object.entries(result.byLanguage).map(([l, r]) => [
      l,
      { disclosures: r.recall.n, recall: round(r.recall.rate), lookAlikes: r.falsePositiveRate.n, falsePositiveRate: round(r.falsePositiveRate.rate) },
    ]),
  );
  const { n, disclosures, lookAlikes } = result;
  const line = {
    n,
    disclosures,
    lookAlikes,
    recall: round(result.recall),
    falsePositiveRate: round(result.falsePositiveRate),
    categoryAgreement: round(result.categoryAgreement),
    missed: result.missed.length,
    falsePositives: result.falsePositives.length,
    recallByCategory,
    byLanguage,
  };
  process.stdout.write(JSON.stringify(line) + '\n');
  if (args.options.has('show-errors')) {
    for (const c of result.missed) process.stderr.write(`missed (${c.language}, ${c.label}): ${c.text}\n`);
    for (const c of result.falsePositives) process.stderr.write(`false positive (${c.language}): ${c.text}\n`);
  }
}

/** At most this many general comments per file are taught as negatives (a fixed, evenly spread sample). */
const MAX_GENERAL_NEGATIVES_PER_FILE = 2000;

/**
 * `--negatives a.csv,b.csv`: ordinary feedback (a `text` column, not labelled for safeguarding)
 * taught to the model as look-alikes. Comments the patterns flag are left out (a few real
 * disclosures hide in any large feedback file), as are duplicates; a large file is sampled evenly.
 */
function generalNegatives(args: ReturnType<typeof parseArgs>, patternsFlag: (text: string) => boolean): string[] {
  const list = args.options.get('negatives');
  if (!list) return [];
  const texts = new Set<string>();
  for (const path of list.split(',').filter(Boolean)) {
    const records = parseCsvRecords(readFileSync(path, 'utf8'));
    if (records.length > 0 && !('text' in records[0]!)) throw new UsageError(`--negatives reads CSVs with a "text" column: ${path}`);
    const kept = [...new Set(records.map((r) => (r.text ?? '').trim()))].filter(
      (text) => text.split(/\s+/).length >= 3 && !texts.has(text) && !patternsFlag(text),
    );
    const step = Math.max(1, kept.length / MAX_GENERAL_NEGATIVES_PER_FILE);
    for (let i = 0; i < Math.min(kept.length, MAX_GENERAL_NEGATIVES_PER_FILE); i++) texts.add(kept[Math.floor(i * step)]!);
  }
  return [...texts];
}

/**
 * Trains the safeguarding model on a labelled CSV, choosing its threshold out of fold; prints the
 * out-of-fold figures of patterns OR model (overall, per category, per language) as one JSON line.
 */
function safeguardingTrainCommand(args: ReturnType<typeof parseArgs>): void {
  const [csvPath] = args.positional;
  const out = args.options.get('out');
  if (!csvPath || !out) throw new UsageError('safeguarding train needs <labelled.csv> and --out <model.json>');
  const rawFp = args.options.get('max-fp');
  const maxFalsePositiveRate = rawFp === undefined ? undefined : Number(rawFp);
  if (maxFalsePositiveRate !== undefined && !(maxFalsePositiveRate >= 0 && maxFalsePositiveRate <= 1))
    throw new UsageError(`--max-fp must be between 0 and 1, got "${rawFp}"`);
  const folds = wholeNumberOption(args, 'folds', 2);
  // Several labelled files, comma-joined, train as one set (the dev set and the later parts).
  const cases = csvPath.split(',').flatMap((path) => parseSafeguardingCsv(readFileSync(path, 'utf8')));
  const patternsFlag = (text: string) => detectSafeguarding(text, undefined, PATTERNS_ONLY_DETECTOR).flagged;
  const general = generalNegatives(args, patternsFlag);
  const {
    model,
    outOfFold,
    general: generalFigures,
  } = trainSafeguardingModel(
    cases,
    patternsFlag,
    { ...(maxFalsePositiveRate !== undefined ? { maxFalsePositiveRate } : {}), ...(folds !== undefined ? { folds } : {}) },
    (text) => modelView(text, PATTERNS_ONLY_DETECTOR),
    general,
  );
  writeFileSync(out, JSON.stringify(serialiseSafeguardingModel(model)) + '\n');
  // Out-of-fold verdicts scored like `safeguarding eval`, so the figures read the same way.
  const verdicts = outOfFold.map((o) => o.patterns || o.score >= model.threshold);
  const modelOnly = outOfFold.map((o) => o.score >= model.threshold);
  const summary = (flags: boolean[]) => {
    // scoreSafeguarding asks about the cases in order, so the i-th call is the i-th case.
    let i = 0;
    const r = scoreSafeguarding(cases, () => {
      const flagged = flags[i++]!;
      return { flagged, categories: [], urgency: flagged ? 'immediate' : null, matches: [] };
    });
    return {
      recall: round(r.recall),
      falsePositiveRate: round(r.falsePositiveRate),
      recallByCategory: Object.fromEntries(Object.entries(r.recallByCategory).map(([k, v]) => [k, round(v.rate)])),
      byLanguage: Object.fromEntries(
        Object.entries(r.byLanguage).map(([l, v]) => [l, { recall: round(v.recall.rate), falsePositiveRate: round(v.falsePositiveRate.rate) }]),
      ),
    };
  };
  const generalLine = generalFigures.n
    ? { generalComments: { n: generalFigures.n, modelFlagRateOutOfFold: round(generalFigures.flagged / generalFigures.n) } }
    : {};
  process.stdout.write(
    JSON.stringify({ threshold: model.threshold, outOfFold: summary(verdicts), modelAloneOutOfFold: summary(modelOnly), ...generalLine }) + '\n',
  );
  process.stderr.write(`safeguarding train: ${cases.length} comments → ${out}\n`);
}

/**
 * Trains the default model's sentiment layer on labelled CSVs; with two files or more, prints
 * each file's figures from a layer trained on the others (a writer the layer never read).
 */
function sentimentTrainCommand(args: ReturnType<typeof parseArgs>): void {
  const [csvPaths] = args.positional;
  const out = args.options.get('out');
  if (!csvPaths || !out) throw new UsageError('sentiment train needs <labelled.csv> and --out <layer.json>');
  const files = csvPaths.split(',');
  const byFile = files.map((path) => parseLabelledCsv(readFileSync(path, 'utf8')));
  const layer = trainSentimentLayer(byFile.flat(), files);
  writeFileSync(out, `${JSON.stringify(packSentimentLayer(layer))}\n`);
  const leftOut =
    files.length < 2
      ? {}
      : Object.fromEntries(
          files.map((path, i) => {
            const model = loadModel(seedModelJson(defaultTaxonomy, trainSentimentLayer(byFile.filter((_, j) => j !== i).flat(), [])));
            const e = evaluate(model, byFile[i]!);
            return [path, { n: e.n, sentimentAccuracy: round(e.sentimentAccuracy), negativeRecall: round(e.negativeRecall) }];
          }),
        );
  process.stdout.write(`${JSON.stringify({ comments: layer.trainedOn.comments, features: layer.features.length, leaveOneFileOut: leftOut })}\n`);
  process.stderr.write(`sentiment train: ${layer.trainedOn.comments} comments → ${out}\n`);
}

/**
 * Trains the default model's theme review on labelled CSVs; with two files or more, prints the
 * themes' figures on each file from a review trained on the others (a writer it never read),
 * beside the seed terms' alone, and the same figures pooled over every file.
 */
function themeReviewCommand(args: ReturnType<typeof parseArgs>): void {
  const [csvPaths] = args.positional;
  const out = args.options.get('out');
  if (!csvPaths || !out) throw new UsageError('themes review needs <labelled.csv> and --out <review.json>');
  const fraction = (name: string): number | undefined => {
    const raw = args.options.get(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, got "${raw}"`);
    return value;
  };
  const options = { threshold: fraction('threshold'), bestThemeAt: fraction('best-theme-at'), C: fraction('c'), wordsWeighed: fraction('words-weighed') };
  const files = csvPaths.split(',');
  const calibrate = args.options.has('calibrate');
  if (calibrate && files.length < 2) throw new UsageError('themes review --calibrate needs two files or more, one per writer');
  const byFile = files.map((path) => parseLabelledCsv(readFileSync(path, 'utf8')));
  // Each file read by a review trained on the others: for the figures, and for calibration.
  const leftOutReviews = files.length >= 2 ? files.map((_, i) => trainThemeReview(byFile.filter((_, j) => j !== i).flat(), [], options)) : [];
  const calibration = calibrate ? calibrateThemeThresholds(byFile, leftOutReviews) : undefined;
  const themeThresholds = calibration && Object.fromEntries(calibration.map((c) => [c.theme, c.threshold]));
  const review = trainThemeReview(byFile.flat(), files, { ...options, themeThresholds });
  writeFileSync(out, `${JSON.stringify(packThemeReview(review))}\n`);
  const seedOnly = loadModel(seedModelJson(defaultTaxonomy, undefined, null));
  const figures = (e: ReturnType<typeof scorePredictions>) => {
    const low = Object.entries(e.perTheme)
      .filter(([, s]) => s.predicted > 0 && s.precision < 0.8)
      .map(([id, s]) => `${id} ${round(s.precision)}`);
    const atLeast = Object.values(e.perTheme).filter((s) => s.predicted > 0 && s.precision >= 0.8).length;
    return { macroF1: round(e.macroF1), precisionAtLeast08: `${atLeast} of ${Object.keys(e.perTheme).length}`, below08: low };
  };
  const tagAll = (model: ThemeModel, rows: (typeof byFile)[number]) =>
    rows.map((r) => {
      const c = classify(model, r.text, r.language);
      return { labels: c.themes.map((m) => m.theme), sentiment: c.sentiment };
    });
  let leftOut = {};
  if (files.length >= 2) {
    const pooled = { gold: [] as (typeof byFile)[number], reviewed: [] as ReturnType<typeof tagAll>, seeds: [] as ReturnType<typeof tagAll> };
    leftOut = Object.fromEntries(
      files.map((path, i) => {
        const model = loadModel(seedModelJson(defaultTaxonomy, undefined, { ...leftOutReviews[i]!, thresholds: review.thresholds }));
        const reviewed = tagAll(model, byFile[i]!);
        const seeds = tagAll(seedOnly, byFile[i]!);
        pooled.gold.push(...byFile[i]!);
        pooled.reviewed.push(...reviewed);
        pooled.seeds.push(...seeds);
        return [
          path,
          { n: byFile[i]!.length, reviewed: figures(scorePredictions(byFile[i]!, reviewed)), seedTerms: figures(scorePredictions(byFile[i]!, seeds)) },
        ];
      }),
    );
    leftOut = {
      ...leftOut,
      pooled: { reviewed: figures(scorePredictions(pooled.gold, pooled.reviewed)), seedTerms: figures(scorePredictions(pooled.gold, pooled.seeds)) },
    };
  }
  // The first step is the shared threshold: a theme chosen past it was raised.
  const raised = calibration?.filter((c) => c.threshold !== c.steps[0]!.threshold);
  process.stdout.write(
    `${JSON.stringify({ comments: review.trainedOn.comments, features: review.features.length, ...(calibration && { calibration: raised }), leaveOneFileOut: leftOut })}\n`,
  );
  process.stderr.write(`themes review: ${review.trainedOn.comments} comments → ${out}\n`);
}

async function tagCommand(args: ReturnType<typeof parseArgs>): Promise<void> {
  const modelPath = args.options.get('model');
  const model: ThemeModel = modelPath ? loadModel(readFileSync(modelPath, 'utf8')) : defaultModel();
  const records = parseCsvRecords(await readStdin());
  if (records.length > 0 && !('text' in records[0]!)) throw new UsageError('tag reads a CSV with a "text" column on stdin');
  let chunk = '';
  for (const record of records) {
    const tagged = tagComment(model, record.text ?? '', record.language || record.lang || undefined);
    const line = {
      text: tagged.text,
      redacted: tagged.redacted,
      themes: tagged.themes.map(({ theme, name, score, sentiment, triggers }) => ({ theme, name, score, sentiment, triggers })),
      sentiment: tagged.sentiment,
      safeguarding: tagged.safeguarding,
    };
    chunk += JSON.stringify(line) + '\n';
    if (chunk.length > 1 << 16) {
      process.stdout.write(chunk);
      chunk = '';
    }
  }
  process.stdout.write(chunk);
}

/** Scores `redact` on comments whose personal data is marked: one JSON line, misses on stderr. */
function redactEvalCommand(args: ReturnType<typeof parseArgs>): void {
  // A bare flag takes the next argument as its value in parseArgs, so `--show-errors x.csv` gives it back.
  const showErrors = args.options.has('show-errors');
  const [csvPath] = [...args.positional, args.options.get('show-errors') || undefined].filter(Boolean);
  if (!csvPath) throw new UsageError('redact eval needs <marked.csv>');
  const records = parseCsvRecords(readFileSync(csvPath, 'utf8'));
  if (records.length > 0 && !('text' in records[0]!)) throw new UsageError('redact eval reads a CSV with language and text columns');
  const all = [];
  const byLanguage = new Map<string, ReturnType<typeof scoreRedaction>[]>();
  for (const record of records) {
    const marked = parseMarkedText(record.text ?? '');
    const score = scoreRedaction(
      marked,
      redactSpans(marked.text).map(({ start, end }) => [start, end] as const),
    );
    const language = record.language || 'unknown';
    all.push(score);
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), score]);
    if (showErrors) {
      for (const miss of score.misses) process.stderr.write(`miss\t${language}\t${miss}\t${record.text}\n`);
      for (const token of score.overRedacted) process.stderr.write(`over\t${language}\t${token}\t${record.text}\n`);
    }
  }
  const languages = Object.fromEntries(
    [...byLanguage].sort(([a], [b]) => a.localeCompare(b)).map(([language, scores]) => [language, summariseRedaction(scores)]),
  );
  process.stdout.write(JSON.stringify({ ...summariseRedaction(all), byLanguage: languages }) + '\n');
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const [command, sub] = args.positional;
  if (command === 'themes' && sub === 'train') return trainCommand({ ...args, positional: args.positional.slice(2) });
  if (command === 'themes' && sub === 'eval') return evalCommand({ ...args, positional: args.positional.slice(2) });
  if (command === 'safeguarding' && sub === 'eval') return safeguardingEvalCommand({ ...args, positional: args.positional.slice(2) });
  if (command === 'redact' && sub === 'eval') return redactEvalCommand({ ...args, positional: args.positional.slice(2) });
  if (command === 'themes' && sub === 'review') return themeReviewCommand({ ...args, positional: args.positional.slice(2) });
  if (command === 'sentiment' && sub === 'train') return sentimentTrainCommand({ ...args, positional: args.positional.slice(2) });
  if (command === 'safeguarding' && sub === 'train') return safeguardingTrainCommand({ ...args, positional: args.positional.slice(2) });
  if (command === 'admin' && sub === 'reset-password') {
    const email = args.positional[2];
    if (!email) throw new UsageError('admin reset-password needs <email>');
    process.exitCode = await resetPasswordCommand(email, process.env);
    return;
  }
  if (command === 'backup') {
    process.exitCode = await backupCommand(args.options.get('to'), args.options.get('keep'), process.env);
    return;
  }
  if (command === 'restore') {
    if (!sub) throw new UsageError('restore needs <backup.db>');
    process.exitCode = await restoreCommand(sub, process.env);
    return;
  }
  if (command === 'tag') return tagCommand({ ...args, positional: args.positional.slice(1) });
  throw new UsageError(command ? `unknown command "${args.positional.join(' ')}"` : 'no command given');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`hubvoice: ${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`hubvoice: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
