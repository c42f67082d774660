import { describe, expect, it } from 'vitest';
import { compileSafeguarding, DEFAULT_SAFEGUARDING_LEXICONS, detectSafeguarding, type SafeguardingCategory } from './safeguarding';

describe('detectSafeguarding', () => {
  const disclosures: { lang: string; input: string; category: SafeguardingCategory }[] = [
    { lang: 'en', input: 'My partner hits me when he drinks', category: 'domestic-abuse' },
    { lang: 'en', input: 'my husband beats me up', category: 'domestic-abuse' },
    { lang: 'en', input: "I'm scared of my boyfriend", category: 'domestic-abuse' },
    { lang: 'en', input: 'He hits my son when he cries', category: 'child-harm' },
    { lang: 'en', input: 'My daughter has bruises from her dad', category: 'child-harm' },
    { lang: 'en', input: 'Some days I want to kill myself', category: 'self-harm-suicide' },
    { lang: 'en', input: "I don't want to be here anymore", category: 'self-harm-suicide' },
    { lang: 'en', input: 'I have been feeling suicidal since the baby', category: 'self-harm-suicide' },
    { lang: 'en', input: 'She leaves the kids alone all night', category: 'neglect' },
    { lang: 'en', input: "We can't afford to feed my children", category: 'neglect' },
    { lang: 'en', input: 'an older man is grooming my daughter online', category: 'sexual-abuse-exploitation' },
    { lang: 'en', input: 'he touched her inappropriately', category: 'sexual-abuse-exploitation' },
    { lang: 'pl', input: 'Mój mąż mnie bije', category: 'domestic-abuse' },
    { lang: 'pl', input: 'Moj maz mnie bije', category: 'domestic-abuse' },
    { lang: 'pl', input: 'Czasem myślę o samobójstwie', category: 'self-harm-suicide' },
    { lang: 'pl', input: 'On bije dzieci', category: 'child-harm' },
    { lang: 'ro', input: 'Soțul meu mă bate', category: 'domestic-abuse' },
    { lang: 'ro', input: 'Vreau să mor', category: 'self-harm-suicide' },
    { lang: 'ro', input: 'Copiii sunt singuri acasă toată ziua', category: 'neglect' },
    { lang: 'pt', input: 'O meu marido me bate', category: 'domestic-abuse' },
    { lang: 'pt', input: 'Às vezes quero morrer', category: 'self-harm-suicide' },
    { lang: 'pt', input: 'Ele sofreu abuso sexual', category: 'sexual-abuse-exploitation' },
    { lang: 'zh', input: '我老公打我', category: 'domestic-abuse' },
    { lang: 'zh', input: '我有时候想自杀', category: 'self-harm-suicide' },
    { lang: 'zh', input: '他经常打孩子', category: 'child-harm' },
    { lang: 'ar', input: 'زوجي يضربني', category: 'domestic-abuse' },
    { lang: 'ar', input: 'أفكر في الانتحار', category: 'self-harm-suicide' },
    { lang: 'ar', input: 'تعرضت لاعتداء جنسي', category: 'sexual-abuse-exploitation' },
  ];
  for (const { lang, input, category } of disclosures) {
    it(`flags "${input}" (${lang}) as ${category}`, () => {
      const result = detectSafeguarding(input, lang);
      expect(result.flagged).toBe(true);
      expect(result.categories).toContain(category);
      expect(result.matches.length).toBeGreaterThan(0);
    });
  }

  const lookAlikes = [
    'This group is a lifesaver',
    'I was dying to come back after the holidays',
    'We were just killing time before nursery',
    'The kids had a smashing time',
    'The new playground is a massive hit',
    'Staff killed it with the Christmas party',
    'Please 打我电话 if there is a space',
    'The cake was to die for',
    'My son loves the group and the staff',
  ];
  for (const input of lookAlikes) {
    it(`does not flag the look-alike "${input}"`, () => expect(detectSafeguarding(input)).toEqual({ flagged: false, categories: [], urgency: null, matches: [] }));
  }

  const urgency = [
    { input: 'my partner hits me', out: 'immediate' },
    { input: 'They helped me leave a violent relationship', out: 'priority' },
    { input: 'I escaped domestic abuse two years ago and the hub helped me recover', out: 'priority' },
    { input: 'I left him years ago but he still hits me when he visits', out: 'immediate' },
    { input: 'My ex used to beat me. Now my new partner hits me', out: 'immediate' },
  ] as const;
  for (const { input, out } of urgency) it(`gives "${input}" ${out} urgency`, () => expect(detectSafeguarding(input).urgency).toBe(out));

  it('marks each match as past or present', () => {
    const result = detectSafeguarding('They helped me leave a violent relationship');
    expect(result.matches).toEqual([{ category: 'domestic-abuse', language: 'en', phrase: 'violent relationship', past: true }]);
  });

  it('lets a council extend the phrase lists', () => {
    const detector = compileSafeguarding([
      ...DEFAULT_SAFEGUARDING_LEXICONS,
      { language: 'en', wordBoundaries: true, categories: { neglect: ['locked (?:in|out) (?:all|every) (?:day|night)'] } },
    ]);
    expect(detectSafeguarding('the kids get locked out all day', 'en', detector).categories).toEqual(['neglect']);
    expect(detectSafeguarding('the kids get locked out all day').flagged).toBe(false);
  });
});
