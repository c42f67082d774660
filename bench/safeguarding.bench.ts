/**
 * Cost of the free-text safety checks: the safeguarding detector and redaction alone and inside
 * full tagging, on general NHS feedback (../shared/data, never copied into the repo; most comments
 * are not disclosures, the usual case) and on the project's safeguarding dev set (half
 * disclosures), plus what a fresh process pays at start-up to load and first run the detector.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultModel, detectSafeguarding, parseLabelledCsv, parseSafeguardingCsv, redact, tagComment } from '../analysis/text/index';
import type { BenchRow } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const dataFile = join(here, '../../shared/data/nhs-feedback-major-themes.dev.csv');
const devFile = join(here, '../analysis/text/eval/safeguarding.dev.csv');

/** Comments per second of CPU time (the machine is shared: wall time would measure the neighbours). */
function rate(texts: readonly string[], target: number, run: (text: string) => unknown): number {
  for (const t of texts.slice(0, 200)) run(t);
  let n = 0;
  const started = process.cpuUsage();
  while (n < target) for (const t of texts) run(t), n++;
  const used = process.cpuUsage(started);
  return Math.round(n / ((used.user + used.system) / 1e6));
}

/** A fresh process imports the detector and checks one comment; its own CPU time, in ms. */
function startUp(): { importMs: number; firstCallMs: number; firstModelCallMs: number } | null {
  const script = `
    const t0 = process.cpuUsage();
    const m = await import(${JSON.stringify(join(here, '../analysis/text/safeguarding.ts'))});
    const t1 = process.cpuUsage(t0);
    m.detectSafeguarding('the staff were lovely and the room was warm');
    const t2 = process.cpuUsage(t0);
    m.detectSafeguarding('we were told to wait in the corridor for ages and nobody came');
    const t3 = process.cpuUsage(t0);
    const ms = (u) => (u.user + u.system) / 1000;
    console.log(JSON.stringify({ importMs: ms(t1), firstCallMs: ms(t2) - ms(t1), firstModelCallMs: ms(t3) - ms(t2) }));`;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: join(here, '..') });
  try {
    return JSON.parse(out.stdout.trim().split('\n').pop() ?? '');
  } catch {
    return null;
  }
}

/** One disclosure per language, repeated to fill the longest answer; Chinese and Arabic with and without sentence ends. */
const LONGEST_ANSWERS: readonly [string, string][] = [
  ['en', 'my partner hit me '],
  ['en', 'he punched me. '],
  ['pl', 'szef '],
  ['zh', '他打我'],
  ['zh', '他打我。'],
  ['ar', 'زوجي يضربني '],
  ['ar', 'زوجي يضربني. '],
];

export default async function safeguardingBench(): Promise<BenchRow[]> {
  const bench = 'safeguarding';
  const rows: BenchRow[] = [];
  const general = existsSync(dataFile) ? parseLabelledCsv(readFileSync(dataFile, 'utf8')).map((r) => r.text) : [];
  const dev = parseSafeguardingCsv(readFileSync(devFile, 'utf8')).map((c) => c.text);
  const model = defaultModel();
  for (const [name, texts] of [
    ['general NHS feedback', general],
    ['safeguarding dev set', dev],
  ] as const) {
    if (texts.length === 0) {
      rows.push({ bench, measure: `${name}: skipped`, value: 'file absent', unit: '' });
      continue;
    }
    rows.push(
      { bench, measure: `${name}: safeguarding detector alone`, value: rate(texts, 30_000, (t) => detectSafeguarding(t)), unit: 'comments/s' },
      { bench, measure: `${name}: redaction alone`, value: rate(texts, 30_000, (t) => redact(t)), unit: 'comments/s' },
      {
        bench,
        measure: `${name}: full tagging (themes, sentiment, redaction, safeguarding)`,
        value: rate(texts, 20_000, (t) => tagComment(model, t)),
        unit: 'comments/s',
      },
    );
  }
  // The longest answer a survey allows (5,000 characters) written as one phrase over and over: the
  // detector's worst case, each match a sentence to read. Before its sentences were read once each,
  // the Chinese one took 1.9 s.
  const worst = LONGEST_ANSWERS.map(([lang, phrase]) => {
    const text = phrase.repeat(Math.ceil(5_000 / phrase.length)).slice(0, 5_000);
    tagComment(model, text, lang);
    const started = process.cpuUsage();
    for (let k = 0; k < 5; k++) tagComment(model, text, lang);
    const used = process.cpuUsage(started);
    return { lang, ms: (used.user + used.system) / 5000 };
  }).reduce((a, b) => (b.ms > a.ms ? b : a));
  rows.push({
    bench,
    measure: `longest answer of one disclosure repeated: full tagging, slowest language (${worst.lang})`,
    value: Math.round(worst.ms),
    unit: 'ms CPU',
  });
  const s = startUp();
  if (s) {
    rows.push(
      { bench, measure: 'start-up: import the detector (lists, model file)', value: Math.round(s.importMs), unit: 'ms CPU' },
      { bench, measure: 'start-up: first comment checked', value: Math.round(s.firstCallMs), unit: 'ms CPU' },
      { bench, measure: 'start-up: second comment checked', value: Math.round(s.firstModelCallMs), unit: 'ms CPU' },
    );
  } else rows.push({ bench, measure: 'start-up', value: 'child process failed', unit: '' });
  return rows;
}
