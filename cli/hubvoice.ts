/**
 * `npm run -s hubvoice -- <command>`: train, evaluate and apply theme models from the shell.
 * stdout carries only results (one JSON line, or JSONL) so it can be piped; progress and errors
 * go to stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  defaultModel,
  defaultTaxonomy,
  evaluate,
  loadModel,
  modelToJson,
  parseCsvRecords,
  parseLabelledCsv,
  tagComment,
  train,
  type ThemeModel,
} from '../analysis/text/index';
import { parseArgs, readStdin } from './args';

const USAGE = `usage:
  hubvoice themes train <labelled.csv> --out <model.json> [--epochs N] [--seed N]
  hubvoice themes eval <model.json|default> <labelled.csv>
  hubvoice tag [--model <model.json>] < comments.csv > tagged.jsonl
labelled CSV columns: text,labels,sentiment[,language] (labels ;-joined, sentiment -1/0/1)`;

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
  process.stdout.write(JSON.stringify({ n, macroF1, microF1, sentimentMacroF1, commentsPerSecond, sentimentAccuracy, negativeRecall, perTheme, perLanguage }) + '\n');
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

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const [command, sub] = args.positional;
  if (command === 'themes' && sub === 'train') return trainCommand({ ...args, positional: args.positional.slice(2) });
  if (command === 'themes' && sub === 'eval') return evalCommand({ ...args, positional: args.positional.slice(2) });
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
