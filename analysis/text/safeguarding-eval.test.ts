import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SafeguardingResult } from './safeguarding';
import { parseSafeguardingCsv, scoreSafeguarding, type SafeguardingCase } from './safeguarding-eval';

// A detector that flags exactly the texts it is told to, with the categories given.
const fake =
  (flags: Record<string, SafeguardingResult['categories']>) =>
  (text: string): SafeguardingResult => {
    const categories = flags[text] ?? [];
    return { flagged: categories.length > 0, categories, urgency: categories.length ? 'immediate' : null, matches: [] };
  };

describe('scoreSafeguarding', () => {
  const cases: SafeguardingCase[] = [
    { language: 'en', label: 'domestic-abuse', text: 'caught as abuse' },
    { language: 'en', label: 'domestic-abuse', text: 'missed abuse' },
    { language: 'en', label: 'neglect', text: 'caught as self-harm' },
    { language: 'pl', label: 'homelessness', text: 'caught homeless' },
    { language: 'en', label: 'none', text: 'quiet look-alike' },
    { language: 'pl', label: 'none', text: 'noisy look-alike' },
  ];
  const detect = fake({
    'caught as abuse': ['domestic-abuse'],
    'caught as self-harm': ['self-harm-suicide'],
    'caught homeless': ['homelessness'],
    'noisy look-alike': ['neglect'],
  });
  const result = scoreSafeguarding(cases, detect);

  const table = [
    { name: 'counts every row, disclosures and look-alikes', got: [result.n, result.disclosures, result.lookAlikes], out: [6, 4, 2] },
    { name: 'counts a disclosure flagged under any category as caught', got: result.recall, out: 3 / 4 },
    { name: 'gives the false-positive rate over look-alikes only', got: result.falsePositiveRate, out: 1 / 2 },
    { name: 'gives the share of caught disclosures that carry their own category', got: result.categoryAgreement, out: 2 / 3 },
    {
      name: 'gives recall per labelled category with its n',
      got: result.recallByCategory,
      out: { 'domestic-abuse': { n: 2, rate: 0.5 }, neglect: { n: 1, rate: 1 }, homelessness: { n: 1, rate: 1 } },
    },
    {
      name: 'gives recall and false positives per language',
      got: result.byLanguage,
      out: {
        en: { recall: { n: 3, rate: 2 / 3 }, falsePositiveRate: { n: 1, rate: 0 } },
        pl: { recall: { n: 1, rate: 1 }, falsePositiveRate: { n: 1, rate: 1 } },
      },
    },
    {
      name: 'lists the missed disclosures and the false positives',
      got: [result.missed.map((c) => c.text), result.falsePositives.map((c) => c.text)],
      out: [['missed abuse'], ['noisy look-alike']],
    },
  ];
  for (const { name, got, out } of table) it(name, () => expect(got).toEqual(out));

  it('reports null rather than a perfect score when a group is empty', () => {
    const onlyLookAlikes = scoreSafeguarding([{ language: 'ro', label: 'none', text: 'x' }], fake({}));
    expect([onlyLookAlikes.recall, onlyLookAlikes.categoryAgreement, onlyLookAlikes.byLanguage.ro!.recall.rate]).toEqual([null, null, null]);
  });
});

describe('parseSafeguardingCsv', () => {
  it('reads language, label and quoted text, skipping empty rows', () => {
    expect(parseSafeguardingCsv('language,label,text\nen,none,"Lovely, thanks"\npl,neglect,\n')).toEqual([
      { language: 'en', label: 'none', text: 'Lovely, thanks' },
    ]);
  });
  it('rejects an unknown label, naming the row, so a typo cannot turn a disclosure into a look-alike', () => {
    expect(() => parseSafeguardingCsv('language,label,text\nen,domestic-abuse,a\nen,domestic_abuse,b\n')).toThrow(/row 3: label must be one of/);
  });
  it('rejects a CSV without the label column', () => {
    expect(() => parseSafeguardingCsv('text,labels\nhello,x\n')).toThrow(/language,label,text/);
  });
});

describe('the dev set', () => {
  const dev = parseSafeguardingCsv(readFileSync(new URL('./eval/safeguarding.dev.csv', import.meta.url), 'utf8'));

  it('has at least 400 disclosures, as many look-alikes, every category and 30 rows per language', () => {
    const disclosures = dev.filter((c) => c.label !== 'none');
    expect(disclosures.length).toBeGreaterThanOrEqual(400);
    expect(dev.length - disclosures.length).toBeGreaterThanOrEqual(400);
    expect(new Set(disclosures.map((c) => c.label)).size).toBe(6);
    for (const language of ['en', 'pl', 'ro', 'pt', 'zh', 'ar']) expect(dev.filter((c) => c.language === language).length).toBeGreaterThanOrEqual(30);
  });

  // The target. The dev set was tuned on, so this guards against regressions; it says
  // nothing about unseen comments (SAFEGUARDING.md gives the held-out figures).
  it('is caught with recall of at least 0.95 and at most 10% false positives', () => {
    const result = scoreSafeguarding(dev);
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.falsePositiveRate).toBeLessThanOrEqual(0.1);
  });
});
