import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { defaultModel, defaultTaxonomy, seedModelJson } from './default-model';
import { tagComment } from './tag';

describe('default Family Hub taxonomy', () => {
  it('has the twenty themes of the issue, each explaining itself', () => {
    expect(defaultTaxonomy).toHaveLength(20);
    for (const theme of defaultTaxonomy) {
      expect(theme.id).toMatch(/^[a-z-]+$/);
      expect(theme.name.length).toBeGreaterThan(3);
      expect(theme.description.length).toBeGreaterThan(20);
      expect(theme.seedTerms.length).toBeGreaterThan(5);
    }
  });

  it('refuses a seed term longer than two words', () => {
    expect(() => seedModelJson([{ id: 'x', name: 'X', description: '', seedTerms: ['three word term'] }])).toThrow(/one or two words/);
  });
});

describe('classify with the default model', () => {
  const table = [
    { input: 'Love the messy play group', themes: ['activities-play'] },
    { input: 'The waiting list is far too long', themes: ['booking-access'] },
    { input: 'Please run sessions on Saturdays', themes: ['session-times', 'activities-play'] },
    { input: 'The toilets were dirty', themes: ['venue-facilities'] },
    { input: 'Help with breastfeeding and weaning', themes: ['infant-feeding'] },
    { input: 'They closed our centre', themes: ['service-changes'] },
    { input: 'My autistic son has no support', themes: ['send-support'] },
    { input: 'ok', themes: [] },
  ];
  for (const { input, themes } of table) {
    it(`tags "${input}" with ${themes.join(', ') || 'no theme'}`, () => {
      expect(classify(defaultModel(), input).themes.map((t) => t.theme).sort()).toEqual([...themes].sort());
    });
  }
});

describe('sentiment', () => {
  const table: { input: string; out: -1 | 0 | 1 }[] = [
    { input: 'The staff are lovely and so helpful', out: 1 },
    { input: 'The room was dirty and the staff were rude', out: -1 },
    { input: 'It is on Tuesdays', out: 0 },
    { input: 'Not good at all', out: -1 },
    { input: 'Not bad, actually', out: 1 },
    { input: "I wasn't happy with the session", out: -1 },
  ];
  for (const { input, out } of table) it(`reads "${input}" as ${out}`, () => expect(classify(defaultModel(), input).sentiment).toBe(out));

  it('gives each theme of a mixed comment the sentiment of its own clause', () => {
    const result = classify(defaultModel(), 'The staff were lovely but the toilets were filthy and dirty');
    const byTheme = Object.fromEntries(result.themes.map((t) => [t.theme, t.sentiment]));
    expect(byTheme).toEqual({ 'staff-warmth': 1, 'venue-facilities': -1 });
  });
});

describe('tagComment', () => {
  it('returns themes, sentiment, a redacted copy and the safeguarding check together', () => {
    const tagged = tagComment(defaultModel(), 'My partner hits me. Call me on 07700 900123');
    expect(tagged.redacted).toBe('My partner hits me. Call me on [phone]');
    expect(tagged.safeguarding).toMatchObject({ flagged: true, categories: ['domestic-abuse'], urgency: 'immediate' });
  });
});
