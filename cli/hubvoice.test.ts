import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSentimentLayer, loadThemeReview, parseLabelledCsv } from '../analysis/text/index';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = join(root, 'analysis/text/fixtures/family-hub-feedback.csv');
const hubvoice = (args: string[], input?: string) =>
  spawnSync('npx', ['tsx', 'cli/hubvoice.ts', ...args], { cwd: root, encoding: 'utf8', ...(input === undefined ? {} : { input }) });

// Each test starts `npx tsx` processes that compile the text pipeline: seconds each on two shared cores.
describe('hubvoice CLI', { timeout: 120_000 }, () => {
  let dir: string;
  let modelPath: string;
  // Training once here lets eval and tag run alone, without the training test before them.
  let train: ReturnType<typeof hubvoice>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubvoice-'));
    modelPath = join(dir, 'model.json');
    train = hubvoice(['themes', 'train', fixture, '--out', modelPath]);
    if (train.status !== 0) throw new Error(`training failed: ${train.stderr}`);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains a model JSON from a labelled CSV, with progress on stderr only', () => {
    const run = train;
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/train: themes/);
    expect(JSON.parse(readFileSync(modelPath, 'utf8'))).toMatchObject({ format: 'hubvoice-theme-model', version: 2, featureScheme: { sublinearTf: true } });
  });

  it('evaluates a model, printing exactly one JSON line that starts with the five contract keys', () => {
    const run = hubvoice(['themes', 'eval', modelPath, fixture]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result).slice(0, 5)).toEqual(['n', 'macroF1', 'microF1', 'sentimentMacroF1', 'commentsPerSecond']);
    expect(Object.keys(result).slice(5)).toEqual(['sentimentAccuracy', 'negativeRecall', 'perTheme', 'perLanguage']);
    expect(result.n).toBe(100);
  });

  it('evaluates the default taxonomy model when given "default", with per-theme and per-language figures', () => {
    const run = hubvoice(['themes', 'eval', 'default', fileURLToPath(new URL('../analysis/text/eval/themes.dev.csv', import.meta.url))]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.perTheme['health-visiting']).toMatchObject({ precision: expect.any(Number), recall: expect.any(Number) });
    expect(Object.keys(result.perLanguage).sort()).toEqual(['ar', 'en', 'pl', 'pt', 'ro', 'zh']);
  });

  it('tags a CSV from stdin as JSONL, with the default taxonomy or a trained model', () => {
    const csv = 'id,text\n1,"Love the messy play group, thanks!"\n2,"My partner hits me, ring 07700 900123"\n';
    for (const args of [['tag'], ['tag', '--model', modelPath]]) {
      const run = hubvoice(args, csv);
      expect(run.status).toBe(0);
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatchObject({ text: 'Love the messy play group, thanks!', sentiment: 1, safeguarding: { flagged: false, categories: [] } });
      expect(lines[0].themes[0]).toMatchObject({ theme: 'activities-play', score: expect.any(Number) });
      expect(lines[1]).toMatchObject({ redacted: 'My partner hits me, ring [phone]', safeguarding: { flagged: true, categories: ['domestic-abuse'] } });
    }
  });

  it('scores the safeguarding detector on a labelled CSV as one JSON line, listing errors on stderr when asked', () => {
    const csvPath = join(dir, 'safeguarding.csv');
    writeFileSync(
      csvPath,
      'language,label,text\nen,domestic-abuse,My partner hits me\nen,neglect,the weather is lovely\nen,none,"Lovely staff, thanks"\nen,none,my husband hits me\n',
    );
    const run = hubvoice(['safeguarding', 'eval', csvPath, '--show-errors']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      n: 4,
      recall: 0.5,
      falsePositiveRate: 0.5,
      missed: 1,
      falsePositives: 1,
      recallByCategory: { 'domestic-abuse': { n: 1, recall: 1 }, neglect: { n: 1, recall: 0 } },
      byLanguage: { en: { disclosures: 2, recall: 0.5, lookAlikes: 2, falsePositiveRate: 0.5 } },
    });
    expect(run.stderr).toMatch(/missed \(en, neglect\): the weather is lovely/);
    expect(run.stderr).toMatch(/false positive \(en\): my husband hits me/);
  });

  it('trains a safeguarding model on a tiny CSV and prints its out-of-fold figures', () => {
    const csvPath = join(dir, 'safeguarding-train.csv');
    const modelPath = join(dir, 'safeguarding-model.json');
    const rows = [
      'en,domestic-abuse,he hits me when he drinks',
      'en,domestic-abuse,my partner controls all our money',
      'en,neglect,the kids are left alone all night',
      'en,neglect,no one feeds the baby',
      'en,none,lovely staff',
      'en,none,the bus takes an hour',
      'en,none,more sessions please',
      'en,none,warm room and good tea',
    ];
    writeFileSync(csvPath, `language,label,text\n${rows.join('\n')}\n`);
    const run = hubvoice(['safeguarding', 'train', csvPath, '--out', modelPath, '--folds', '2']);
    expect(run.status).toBe(0);
    const line = JSON.parse(run.stdout.trim());
    expect(line.outOfFold).toMatchObject({ recall: expect.any(Number), falsePositiveRate: expect.any(Number) });
    expect(line.modelAloneOutOfFold.byLanguage.en).toBeDefined();
    expect(JSON.parse(readFileSync(modelPath, 'utf8'))).toMatchObject({ format: 2, threshold: line.threshold, weights: expect.any(String) });
  });

  it('teaches ordinary comments from --negatives as look-alikes, leaving out those the phrase lists flag', () => {
    const csvPath = join(dir, 'safeguarding-train-2.csv');
    const negativesPath = join(dir, 'general.csv');
    const modelPath = join(dir, 'safeguarding-model-2.json');
    const rows = [
      'en,domestic-abuse,he hits me when he drinks',
      'en,neglect,the kids are left alone all night',
      'en,none,lovely staff',
      'en,none,the bus takes an hour',
    ];
    writeFileSync(csvPath, `language,label,text\n${rows.join('\n')}\n`);
    writeFileSync(negativesPath, 'text,labels\nthe car park was full again today,x\nthe nurse was kind and quick,x\nmy partner hits me every night,x\nok,x\n');
    const run = hubvoice(['safeguarding', 'train', csvPath, '--out', modelPath, '--folds', '2', '--negatives', negativesPath]);
    expect(run.status).toBe(0);
    // The disclosure is left out (the patterns flag it) and so is a comment under three words.
    expect(JSON.parse(run.stdout.trim()).generalComments).toMatchObject({ n: 2 });
  });

  it('trains the sentiment layer and reads each file on a layer trained without it', () => {
    const lines = readFileSync(fixture, 'utf8').trim().split('\n');
    const [header, ...rows] = lines;
    const halves = [rows.filter((_, i) => i % 2 === 0), rows.filter((_, i) => i % 2 === 1)].map((half, i) => {
      const path = join(dir, `sentiment-${i}.csv`);
      writeFileSync(path, `${header}\n${half.join('\n')}\n`);
      return path;
    });
    const out = join(dir, 'sentiment-layer.json');
    const run = hubvoice(['sentiment', 'train', halves.join(','), '--out', out]);
    expect(run.status).toBe(0);
    const line = JSON.parse(run.stdout.trim());
    expect(line.comments).toBe(parseLabelledCsv(readFileSync(fixture, 'utf8')).filter((r) => r.sentiment != null).length);
    expect(Object.keys(line.leaveOneFileOut)).toEqual(halves);
    for (const half of halves) expect(line.leaveOneFileOut[half]).toMatchObject({ n: expect.any(Number), sentimentAccuracy: expect.any(Number) });
    const layer = JSON.parse(readFileSync(out, 'utf8'));
    expect(layer).toMatchObject({ format: 'hubvoice-sentiment-layer', version: 2, trainedOn: { files: halves } });
    expect(loadSentimentLayer(layer).weights).toHaveLength(3);
    expect(layer.features.slice(0, 5)).toEqual(['#pos', '#neg', '#not', '#mix', expect.any(String)]);
  });

  /** Part 4 of the theme sets split into two files, as if two writers had written it. */
  const part4InHalves = (name: string) => {
    const [header, ...rows] = readFileSync(join(root, 'analysis/text/eval/themes.part4.csv'), 'utf8').trim().split('\n');
    const halves = [rows.filter((_, i) => i % 2 === 0), rows.filter((_, i) => i % 2 === 1)].map((half, i) => {
      const path = join(dir, `${name}-${i}.csv`);
      writeFileSync(path, `${header}\n${half.join('\n')}\n`);
      return path;
    });
    return { rows, halves };
  };

  it('trains the theme review and reads each file, reviewed and by seed terms alone, on a review trained without it', () => {
    const { rows, halves } = part4InHalves('review');
    const out = join(dir, 'theme-review.json');
    const run = hubvoice(['themes', 'review', halves.join(','), '--out', out, '--threshold', '0.3', '--words-weighed', '12']);
    expect(run.status).toBe(0);
    const line = JSON.parse(run.stdout.trim());
    expect(line.comments).toBe(rows.length);
    expect(Object.keys(line.leaveOneFileOut)).toEqual([...halves, 'pooled']);
    for (const part of [...halves, 'pooled'])
      for (const reading of ['reviewed', 'seedTerms'])
        expect(line.leaveOneFileOut[part][reading]).toMatchObject({ macroF1: expect.any(Number), precisionAtLeast08: expect.stringMatching(/^\d+ of \d+$/) });
    const review = JSON.parse(readFileSync(out, 'utf8'));
    expect(review).toMatchObject({ format: 'hubvoice-theme-review', trainedOn: { files: halves } });
    expect(new Set(review.thresholds)).toEqual(new Set([0.3]));
    // Saved packed, and loaded as the default model loads its own.
    expect(review.version).toBe(2);
    expect(loadThemeReview(review)).toMatchObject({ version: 1, wordsWeighed: 12, themes: review.themes });
    expect(hubvoice(['themes', 'review', halves[0]!, '--out', out, '--threshold', 'high']).stderr).toMatch(/--threshold must be a number/);
  });

  it("calibrates each theme's threshold on the files left out, raising only a theme whose left-out precision falls short", () => {
    const { halves } = part4InHalves('calibrate');
    const out = join(dir, 'theme-review-calibrated.json');
    // A bare flag before another option: "--calibrate" must not swallow "--out".
    const run = hubvoice(['themes', 'review', halves.join(','), '--calibrate', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const { calibration } = JSON.parse(run.stdout.trim());
    const review = JSON.parse(readFileSync(out, 'utf8'));
    expect(calibration.length).toBeGreaterThan(0);
    for (const c of calibration) {
      const at = c.steps.findIndex((s: { threshold: number }) => s.threshold === c.threshold);
      // The lowest step that reaches 0.85 pooled, or the highest when none does; every step below falls short.
      expect(c.steps[at].precision >= 0.85 || at === c.steps.length - 1).toBe(true);
      for (const s of c.steps.slice(0, at)) expect(s.precision).toBeLessThan(0.85);
      expect(review.thresholds[review.themes.indexOf(c.theme)]).toBe(c.threshold);
    }
    const raised = new Set(calibration.map((c: { theme: string }) => c.theme));
    review.themes.forEach((id: string, l: number) => raised.has(id) || expect(review.thresholds[l]).toBe(0.5));
    // Calibration only raises: from a shared 0.7, no theme is given less.
    expect(hubvoice(['themes', 'review', halves.join(','), '--threshold', '0.7', '--calibrate', '--out', out]).status).toBe(0);
    expect(Math.min(...JSON.parse(readFileSync(out, 'utf8')).thresholds)).toBe(0.7);
    expect(hubvoice(['themes', 'review', halves[0]!, '--out', out, '--calibrate']).stderr).toMatch(/--calibrate needs two files or more/);
  });

  it('explains its usage and exits 2 on a bad command', () => {
    const run = hubvoice(['themes', 'fly']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage:/);
  });

  it('scores redaction on marked comments, one JSON line on stdout and the errors on stderr', () => {
    const path = join(dir, 'marked.csv');
    writeFileSync(path, 'language,text\nen,my son [[Oliver]] loves it\nen,"thanks [[Zebedee-Quux]], Tesco is next door"\nzh,我儿子[[小明]]很喜欢\n');
    const run = hubvoice(['redact', 'eval', path, '--show-errors']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result)).toEqual(['n', 'namesRecall', 'overRedaction', 'spans', 'caught', 'tokens', 'overRedactedTokens', 'byLanguage']);
    expect(result).toMatchObject({ n: 3, spans: 3, byLanguage: { en: { n: 2 }, zh: { n: 1, namesRecall: 1 } } });
    expect(run.stderr).toBe(result.caught === 3 ? '' : expect.stringMatching(/^miss\ten\tZebedee-Quux\t/));
  });
});
