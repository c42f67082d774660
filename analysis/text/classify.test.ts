import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { defaultModel, defaultTaxonomy, seedModelJson } from './default-model';
import { loadModel, type ThemeDefinition } from './model';
import sentimentLexicon from './sentiment-lexicon.json' with { type: 'json' };
import { tagComment } from './tag';

/** The themes the seed terms alone give a comment (no review): what a taxonomy's word lists decide. */
const seedsOnly = loadModel(seedModelJson(defaultTaxonomy, undefined, null));
const seedThemes = (input: string, lang: string): string[] => classify(seedsOnly, input, lang).themes.map((t) => t.theme);

const NEW_THEMES = [
  'domestic-abuse-relationships',
  'pregnancy-birth-postnatal',
  'cyp-mental-health',
  'health-visiting',
  'young-people-carers',
  'social-care-early-help',
  'staffing-capacity',
  'school-education',
  'short-breaks',
  'general-praise',
];

describe('default Family Hub taxonomy', () => {
  it('has the twenty original themes and the ten of the whole remit, each explaining itself', () => {
    expect(defaultTaxonomy).toHaveLength(30);
    expect(defaultTaxonomy.map((t) => t.id)).toEqual(expect.arrayContaining([...NEW_THEMES, 'same-worker', 'send-support', 'session-times']));
    for (const theme of defaultTaxonomy) {
      expect(theme.id).toMatch(/^[a-z-]+$/);
      expect(theme.name.length).toBeGreaterThan(3);
      expect(theme.description.length).toBeGreaterThan(20);
      expect(theme.seedTerms.length).toBeGreaterThan(5);
      expect(Object.keys(theme.seedTermsByLanguage ?? {}).sort()).toEqual(['ar', 'pl', 'pt', 'ro', 'zh']);
    }
  });

  it('refuses a seed term longer than two words', () => {
    expect(() => seedModelJson([{ id: 'x', name: 'X', description: '', seedTerms: ['three word term'] }])).toThrow(/one or two words/);
  });

  /**
   * The themes a seed-term model gives with two themes: "changes" with these terms, and a catch-all
   * "praise" whose one term is `praise`.
   */
  const changesOrPraise = (changes: Omit<ThemeDefinition, 'id' | 'name' | 'description'>, praise: string) => {
    const model = loadModel(
      seedModelJson(
        [
          { id: 'changes', name: 'Changes', description: 'Sessions or centres stopping.', ...changes },
          { id: 'praise', name: 'Praise', description: 'Praise with no topic.', seedTerms: [praise], fallback: true },
        ],
        undefined,
        null,
      ),
    );
    return (text: string, lang = 'en') => classify(model, text, lang).themes.map((t) => t.theme);
  };

  it("takes a seed term's weight away for each against term, so a second seed term still gives the theme", () => {
    const themes = changesOrPraise(
      {
        seedTerms: ['closed our', 'closed the'],
        againstTerms: ['our case'],
        seedTermsByLanguage: { pl: ['zmiany'] },
        againstTermsByLanguage: { pl: ['na zmiany'] },
      },
      'thank you',
    );
    expect(themes('they closed our centre')).toEqual(['changes']);
    expect(themes('they closed our case')).toEqual([]);
    expect(themes('they closed our case and then closed the centre')).toEqual(['changes']);
    // An against term is no topic of its own: it does not rule out praise with no topic.
    expect(themes('thank you, our case is sorted')).toEqual(['praise']);
    // Stemmed as the language's comments are.
    expect(themes('duże zmiany w grupie', 'pl')).toEqual(['changes']);
    expect(themes('pracuję na zmiany', 'pl')).toEqual([]);
  });

  it('weighs a two-word term as one term, the terms of its own words included', () => {
    const themes = changesOrPraise(
      {
        seedTerms: ['got cut'],
        cueTerms: ['cut'],
        topicTerms: ['group'],
        againstTerms: ['my hours'],
        seedTermsByLanguage: { ro: ['au închis', 'închis'] },
        againstTermsByLanguage: { ro: ['cazul'] },
      },
      'thank you',
    );
    expect(themes('the group got cut')).toEqual(['changes']);
    // "got cut" and its cue "cut" are one seed term, which the against term cancels.
    expect(themes('my hours got cut so i left the group')).toEqual([]);
    expect(themes('au închis centrul', 'ro')).toEqual(['changes']);
    expect(themes('ne-au închis cazul', 'ro')).toEqual([]);
  });

  it('gives a theme for a topic term only beside a cue term, and lets praise of a topic stand', () => {
    const themes = changesOrPraise(
      {
        seedTerms: ['axed'],
        cueTerms: ['stopped', 'moved'],
        topicTerms: ['group', 'centre', 'clinic'],
        topicTermsByLanguage: { pl: ['grupa'] },
        cueTermsByLanguage: { pl: ['skończyła'] },
      },
      'lovely',
    );
    expect(themes('the baby group stopped in june')).toEqual(['changes']);
    expect(themes('they axed it')).toEqual(['changes']);
    // A topic term alone, or three of them, says nothing of a change.
    expect(themes('the group at the centre by the clinic')).toEqual([]);
    expect(themes('my baby stopped crying')).toEqual([]);
    expect(themes('a lovely group')).toEqual(['praise']);
    expect(themes('grupa się skończyła', 'pl')).toEqual(['changes']);
    expect(themes('grupa była super', 'pl')).toEqual([]);
  });

  it('refuses seed terms in a language it cannot stem', () => {
    expect(() => seedModelJson([{ id: 'x', name: 'X', description: '', seedTerms: ['a'], seedTermsByLanguage: { xx: ['b'] } }])).toThrow(/unknown language/);
  });
});

describe('classify with the default model', () => {
  const table = [
    { input: 'Love the messy play group', themes: ['activities-play'] },
    { input: 'The waiting list is far too long', themes: ['booking-access'] },
    { input: 'Please run sessions on Saturdays', themes: ['session-times'] },
    { input: 'The toilets were dirty', themes: ['venue-facilities'] },
    { input: 'Help with breastfeeding and weaning', themes: ['infant-feeding'] },
    { input: 'They closed our centre', themes: ['service-changes'] },
    { input: 'My autistic son has no support', themes: ['send-support'] },
    { input: 'ok', themes: [] },
    // Common words no longer fire a theme on their own.
    { input: 'I have been three times this month with my dad', themes: [] },
    { input: 'The evening was fine and the parents were chatty', themes: [] },
    { input: 'It is a local place near my house', themes: [] },
    // A health visitor is health visiting; continuity needs a continuity cue.
    { input: 'The health visitor came for the new birth visit', themes: ['health-visiting'] },
    { input: 'A different health visitor every time', themes: ['health-visiting', 'same-worker'] },
    // SEND's own vocabulary.
    { input: 'SENDIASS helped us at the tribunal over his EHC plan', themes: ['send-support'] },
    { input: 'The annual review was cancelled twice', themes: ['send-support'] },
    // The remit beyond under-fives.
    { input: 'CAMHS discharged her after one session', themes: ['cyp-mental-health'] },
    { input: 'The youth club is brilliant for my 15 year old', themes: ['young-people-carers'] },
    { input: 'Respite once a month keeps us going', themes: ['short-breaks'] },
    { input: 'My midwife was wonderful during labour', themes: ['pregnancy-birth-postnatal'] },
    { input: 'They are so short staffed', themes: ['staffing-capacity'] },
    // General praise only when nothing more specific, and nothing negative, is said.
    { input: 'Brilliant, thank you!', themes: ['general-praise'] },
    { input: 'Brilliant breastfeeding support, thank you', themes: ['infant-feeding'] },
    { input: 'Thanks but it was awful', themes: [] },
    { input: 'Thanks, but the waiting list was awful', themes: ['booking-access'] },
    // A parent's mental health, and the same words said of a child.
    { input: 'I had terrible anxiety and nobody noticed', themes: ['mental-health'] },
    { input: 'My son has anxiety and will not leave the house', themes: ['cyp-mental-health'] },
    { input: 'Is there a group for kids with depression?', themes: ['cyp-mental-health'] },
    { input: 'My mental health has been poor since my daughter was born', themes: ['cyp-mental-health', 'mental-health'] },
    { input: 'Mój syn ma depresję i nikt nie pomaga', themes: ['cyp-mental-health'] },
    { input: '我女儿很焦虑', themes: ['cyp-mental-health'] },
    // Booking by phone is how to book, not whether anyone listens.
    { input: 'I would rather book online than phone', themes: ['booking-access'] },
    // A case closed, a family moving house, a holiday: no service changed.
    { input: 'Social worker closed our case without telling us', themes: ['social-care-early-help', 'communication-listening'] },
    { input: 'the baby group has been replaced by a video link', themes: ['service-changes'] },
  ];
  for (const { input, themes } of table) {
    it(`tags "${input}" with ${themes.join(', ') || 'no theme'}`, () => {
      expect(
        classify(defaultModel(), input)
          .themes.map((t) => t.theme)
          .sort(),
      ).toEqual([...themes].sort());
    });
  }

  it("explains a child's theme given in place of a parent's by the words that named it", () => {
    for (const [input, word] of [
      ['Mój syn ma depresję i nikt nie pomaga', 'depresję'],
      ['My son has anxiety and will not leave the house', 'anxiety'],
    ]) {
      const [theme] = classify(defaultModel(), input!).themes;
      expect(theme?.theme).toBe('cyp-mental-health');
      expect(theme?.triggers).toContain(word);
    }
  });

  it('keeps the seed theme of a short comment the review has too few words to bear out', () => {
    for (const [input, lang] of [
      ['More weekend sessions please', 'en'],
      ['More sessions at the weekend please', 'en'],
      // "More sessions at weekends please" alone now reads activities: the review trained on 37
      // writers weighs "more sessions" as what is on offer (session 23's note).
      ['Please run more sessions at weekends', 'en'],
      // Courtesy words do not make a request long.
      ['More sessions at weekends please, thank you very much', 'en'],
      // Nor does a phone number left for a call back.
      ['More sessions at weekends please, call me on 07700 900123', 'en'],
      ['周末能不能多开一些活动', 'zh'],
    ]) {
      const themes = classify(defaultModel(), input!, lang).themes;
      expect(themes.map((t) => t.theme)).toEqual(['session-times']);
      expect(themes[0]!.triggers.length).toBeGreaterThan(0);
    }
  });
});

describe('words with an everyday sense beside the theme one', () => {
  const table: [string, string, string][] = [
    ['Pracuję na zmiany i nie mogę przyjść rano', 'pl', 'service-changes'],
    ['the hub was shut on the bank holiday and i did not know', 'en', 'service-changes'],
    ['we moved house in the summer and the hub is further away now', 'en', 'service-changes'],
    // عربيات are prams, not Arabic.
    ['المبنى نظيف وفيه مكان للعربيات', 'ar', 'inclusion'],
    // sabia (knew) and sábado (Saturday) share a Portuguese stem.
    ['Não sabia que existia este grupo', 'pt', 'session-times'],
    // Opening hours use the words of closing: session times, not a service change.
    ['the hub is closed on weekends which is useless for working dads', 'en', 'service-changes'],
    ['周末关门，上班族根本去不了', 'zh', 'service-changes'],
    ['o centro fecha às 15h, não dá para quem trabalha', 'pt', 'service-changes'],
    // A child or a family that changed, became or moved; a session off once, for sickness or today.
    ['孩子来了以后变了很多，现在会说话了', 'zh', 'service-changes'],
    ['صارت بنتي تحب تروح على المجموعة كل أسبوع', 'ar', 'service-changes'],
    ['ابني صار يسكر على حاله بالغرفة وما منعرف شو نعمل', 'ar', 'service-changes'],
    ['azi s-a anulat grupa pentru ca doamna e bolnava', 'ro', 'service-changes'],
    ['dziś zajęcia odwołane bo pani zachorowała, zdarza się', 'pl', 'service-changes'],
    ['kiedyś chciałabym wrócić do pracy, centrum pomaga mi z CV', 'pl', 'service-changes'],
  ];
  for (const [input, lang, theme] of table) {
    it(`does not tag "${input}" with ${theme}`, () => {
      expect(classify(defaultModel(), input, lang).themes.map((t) => t.theme)).not.toContain(theme);
    });
  }

  it('still finds the theme where the words mean it', () => {
    expect(classify(defaultModel(), 'podia haver um grupo ao sábado de manhã', 'pt').themes.map((t) => t.theme)).toContain('session-times');
    expect(classify(defaultModel(), 'ما في حدا بيحكي عربي بالمركز', 'ar').themes.map((t) => t.theme)).toContain('inclusion');
    expect(classify(defaultModel(), 'سكروا المركز القريب وهلق لازم ناخد باصين', 'ar').themes.map((t) => t.theme)).toContain('service-changes');
    expect(classify(defaultModel(), 'they shut the baby group in the summer and nothing replaced it', 'en').themes.map((t) => t.theme)).toContain(
      'service-changes',
    );
    expect(classify(defaultModel(), 'the centre is closing in march', 'en').themes.map((t) => t.theme)).toContain('service-changes');
    // With "…and no one has asked us" after it, the 46-writer review gave communication alone
    // ("is closing" shares its stem with "is closed on Sundays"); the review trained on the re-read
    // service-change labels gives both again.
    expect(classify(defaultModel(), 'the centre is closing in march and no one has asked us', 'en').themes.map((t) => t.theme)).toEqual(
      expect.arrayContaining(['service-changes', 'communication-listening']),
    );
    // Each language's own words for closing, merging, replacing and cutting give the seed theme
    // (the review, trained mostly on English, still drops some of them: see the eval README).
    for (const [input, lang] of [
      ['grupę dla mam skasowali po wakacjach i nie ma nic w zamian', 'pl'],
      ['kurs dla rodziców przeszedł na zoom, szkoda', 'pl'],
      ['centrul a fost comasat cu cel din oraș si e mereu aglomerat', 'ro'],
      ['听说中心明年要关，我们以后去哪里', 'zh'],
      ['vão fechar o centro no verão, que tristeza', 'pt'],
      ['acabaram com o grupo de sábado', 'pt'],
      ['قفلوا المركز من شهرين وما في بديل', 'ar'],
      ['تم إلغاء مجموعة الأمهات بدون أي إشعار', 'ar'],
      // Ended, gone online, a new provider, a timetable changed, merged, halved: said every way.
      ['the parent forum was killed off after covid and never came back', 'en'],
      ['baby massage has gone online since january', 'en'],
      ['they changed provider and now every face is new', 'en'],
      ['the tuesday stay and play just stopped, we turned up to a locked door', 'en'],
      ['słyszałam, że chcą połączyć nasze centrum z tym przy szkole', 'pl'],
      ['au scos sesiunea de vineri, acum e doar marți', 'ro'],
      ['青少年俱乐部从每周三次减到一次', 'zh'],
      ['两个小组合并以后人太多了', 'zh'],
      ['a sala sensorial foi reaberta depois das obras', 'pt'],
      ['دمجوا المجموعتين وصارت الغرفة زحمة', 'ar'],
    ]) {
      expect(seedThemes(input!, lang!), input).toContain('service-changes');
    }
  });
});

describe('service changes the seed terms take away', () => {
  // Read on the seed layer: the review drops most of these as well, so only there can a lost
  // against term show.
  for (const [input, lang] of [
    // A cue and a topic ("cancelled", "group") give the theme; "today" or a sick leader, in each
    // language, says the session was off once.
    ['the group was cancelled today', 'en'],
    ['group cancelled, the leader is off sick', 'en'],
    ['azi s-a anulat grupa', 'ro'],
    ['dziś zajęcia odwołane, pani zachorowała', 'pl'],
    // Childcare funding ("30 hours", a nursery place) is what a family applies for: funding words
    // give the theme only beside a word of change ("funding cuts", "lost funding").
    ['the funding for his nursery place finally came through', 'en'],
    ['ساعدوني بالمركز أقدم على تمويل الحضانة', 'ar'],
    ['w centrum pomogli mi z wnioskiem o finansowanie żłobka', 'pl'],
    ['中心帮我申请了托儿资金', 'zh'],
    // Words of change said of a family, a child, a bin or a kindness, not of a service: each is
    // what a word tried and left out of the lists would have given ("binned" stems to "bin",
    // "went from", "fundir", "قصروا"; the eval README), so none comes back unnoticed.
    ['the toilets had no changing mat and the bin was overflowing', 'en'],
    ['his words went from five to forty in eight weeks', 'en'],
    ['o grupo de bem-estar me ajudou a sair do fundo do poço', 'pt'],
    ['البنات في المجموعة ما قصروا والله', 'ar'],
  ] as const) {
    it(`does not give "${input}" service changes`, () => {
      expect(seedThemes(input, lang)).not.toContain('service-changes');
    });
  }
  it('still gives funding that was cut', () => {
    expect(seedThemes('they lost funding so the group stopped', 'en')).toContain('service-changes');
  });
});

describe('classify in every language', () => {
  const table: { lang: string; input: string; theme: string; sentiment: -1 | 0 | 1 }[] = [
    { lang: 'pl', input: 'Położna była cudowna po porodzie', theme: 'pregnancy-birth-postnatal', sentiment: 1 },
    // Eight months' wait is the comment's topic: writers label it access, the speech therapist aside.
    { lang: 'pl', input: 'Czekaliśmy na logopedę osiem miesięcy', theme: 'booking-access', sentiment: -1 },
    { lang: 'pl', input: 'Logopeda bardzo pomogła, syn mówi coraz więcej słów', theme: 'child-development', sentiment: 1 },
    { lang: 'ro', input: 'Am așteptat luni de zile pe lista de așteptare', theme: 'booking-access', sentiment: -1 },
    { lang: 'ro', input: 'Grupul pentru copii cu nevoi speciale este minunat', theme: 'send-support', sentiment: 1 },
    { lang: 'zh', input: '打了好几次电话，没人回电', theme: 'communication-listening', sentiment: -1 },
    { lang: 'zh', input: '母乳喂养方面给了我很大帮助', theme: 'infant-feeding', sentiment: 1 },
    { lang: 'pt', input: 'Ajudaram-me imenso com a amamentação', theme: 'infant-feeding', sentiment: 1 },
    { lang: 'pt', input: 'Fica muito longe, tenho de apanhar dois autocarros', theme: 'location-travel', sentiment: -1 },
    { lang: 'ar', input: 'الحمام كان وسخ ولا يوجد مكان لتغيير الحفاضات', theme: 'venue-facilities', sentiment: -1 },
    { lang: 'ar', input: 'ساعدوني كثيرا في الرضاعة الطبيعية', theme: 'infant-feeding', sentiment: 1 },
  ];
  for (const { lang, input, theme, sentiment } of table) {
    it(`tags the ${lang} comment "${input}" with ${theme} and sentiment ${sentiment}`, () => {
      const result = classify(defaultModel(), input, lang);
      expect(result.themes.map((t) => t.theme)).toContain(theme);
      expect(result.sentiment).toBe(sentiment);
    });
  }

  it('guesses the language when it is not given', () => {
    expect(classify(defaultModel(), 'Położna była cudowna po porodzie').themes.map((t) => t.theme)).toContain('pregnancy-birth-postnatal');
  });
});

describe('sentiment', () => {
  const table: { input: string; out: -1 | 0 | 1 }[] = [
    { input: 'The staff are lovely and so helpful', out: 1 },
    { input: 'The room was dirty and the staff were rude', out: -1 },
    { input: 'It is on Tuesdays', out: 0 },
    { input: 'Not good at all', out: -1 },
    { input: 'Not bad, actually', out: 1 },
    { input: "I wasn't happy with the session", out: -1 },
    { input: "You don't feel judged here", out: 1 },
    { input: 'No problems at all', out: 1 },
    { input: 'Left three messages and nobody called back', out: -1 },
    { input: 'Still waiting to hear from them', out: -1 },
    { input: 'I had to chase them for weeks', out: -1 },
    { input: 'The class was cancelled again', out: -1 },
    { input: 'Never heard back after the referral', out: -1 },
    { input: 'Not helpful at all', out: -1 },
    // Praise and a complaint with neither ruling is mixed: 0, as the held-out set defines it.
    { input: 'The staff were lovely but we waited two months', out: 0 },
    { input: 'It would be nice to have weekend sessions', out: 0 },
    // Idioms read whole: their words one by one say the opposite.
    { input: "Can't thank them enough", out: 1 },
    { input: "I wouldn't go anywhere else", out: 1 },
    { input: 'Nothing was ever too much trouble for the staff', out: 1 },
    { input: "Couldn't ask for a better group", out: 1 },
    { input: 'I cannot recommend it', out: -1 },
    { input: 'The only good thing was the coffee', out: -1 },
    { input: 'It would be nice if someone actually rang back', out: -1 },
    { input: 'We were passed from pillar to post', out: -1 },
    { input: 'Nie mogę narzekać', out: 1 },
    { input: 'Não tenho nada a apontar', out: 1 },
    { input: 'Não há nada para adolescentes aqui', out: -1 },
    // Portuguese "no" is "in the", not a negation; Arabic dialects negate with ما, مش, مو.
    { input: 'fiz amigas no grupo de mães, adorei', out: 1 },
    { input: 'ما حسيت حد يحكم علي، الكل استقبلني بحب', out: 1 },
    { input: 'Nu am ce reproșa', out: 1 },
    { input: 'ما قصروا معنا', out: 1 },
    // The idiom alone: with the learned layer, "老师没得说" reads 0 (the topic word 老师 leans neutral).
    { input: '没得说', out: 1 },
    // "For good" is for ever, not praise: a closure told so is no compliment.
    { input: 'the stay and play has closed for good', out: -1 },
    { input: 'wyszło nam to na dobre', out: 1 },
    // A question asks; it neither praises nor complains, unless it complains.
    { input: 'Is there any support for dads who are struggling?', out: 0 },
    { input: 'how do i apply for short breaks', out: 0 },
    { input: 'Loved it! Will there be more sessions?', out: 1 },
    { input: 'Why does nobody ever ring back?', out: -1 },
    { input: 'Czy są zajęcia dla taty w soboty?', out: 0 },
    { input: 'هل يوجد دعم للأطفال المصابين بالتوحد؟', out: 0 },
    // Colloquial Arabic.
    { input: 'الموظفين كتير منيح والمكان نضيف', out: 1 },
    { input: 'اتصلت أكتر من مرة وما حدا رد علي', out: -1 },
    // A word whose stem is a lexicon word's is not that word: "us" is not "useful", "care" is not "caring".
    { input: 'They gave us a leaflet about care', out: 0 },
    { input: 'The hall was used for storage', out: 0 },
    // A hardship the service helped with is not a complaint.
    { input: 'The group helped me with my anxiety', out: 1 },
    { input: 'Kurs bardzo pomógł, syn w końcu zasypia bez awantur i stresu', out: 1 },
    { input: 'I was not coping and they were rude', out: -1 },
    // An emphatic negation reaches to the end of its clause.
    { input: 'never once made us feel like bad parents', out: 1 },
    { input: 'not once have I felt rushed', out: 1 },
    // A request or suggestion asks, like a question; a complaint in it still counts.
    { input: 'Later start times please, 9am is hard with a newborn', out: 0 },
    { input: 'Proszę o więcej zajęć po południu', out: 0 },
    { input: 'Please ring back, nobody ever answers', out: -1 },
    // "Nothing to add" says nothing either way.
    { input: 'No comment', out: 0 },
    { input: 'Nu am nimic de adăugat', out: 0 },
    { input: '没有别的要说', out: 0 },
    // What follows "but" weighs more than what comes before it.
    { input: "I was worried I'd be the only dad there but they made me really welcome", out: 1 },
    { input: 'Lovely staff but the waiting list is far too long', out: -1 },
    // A hardship told before the turn that ended it is praise of what turned it.
    { input: 'I was so isolated before I found the Tuesday baby group', out: 1 },
    { input: 'كنت وحيدة جداً قبل ما ألاقي مجموعة الأمهات', out: 1 },
    // What "although" concedes counts half.
    { input: 'Never felt rushed even though the waiting room was packed', out: 1 },
    // A Chinese two-character word is one word: a negation flips it.
    { input: '从来没觉得被评判过，工作人员都很耐心', out: 1 },
    // Complaints said politely or by their shape.
    { input: 'It would have been nice to be told it was cancelled', out: -1 },
    { input: 'Different health visitor every single time', out: -1 },
    { input: 'Nothing at weekends for working parents', out: -1 },
    // Words of every language's own lexicon.
    { input: 'Fiquei desiludida, não voltámos', out: -1 },
    { input: 'Ne-au ajutat enorm, totul e gratuit', out: 1 },
  ];
  for (const { input, out } of table) it(`reads "${input}" as ${out}`, () => expect(classify(defaultModel(), input).sentiment).toBe(out));

  it('keeps each side of a mixed comment on its own theme', () => {
    const result = classify(defaultModel(), 'Lovely staff but the waiting list is far too long');
    expect(result.themes.map((t) => [t.theme, t.sentiment])).toEqual(
      expect.arrayContaining([
        ['staff-warmth', 1],
        ['booking-access', -1],
      ]),
    );
  });

  it('reads an idiom only where a word of it is a key, so every idiom names one of its keys', () => {
    type Idioms = { keys?: string[]; positive?: string[]; negative?: string[]; neutral?: string[] };
    const english = (sentimentLexicon as { idioms?: Idioms }).idioms;
    const lists: [string, Idioms | undefined][] = [
      ['en', english],
      ...Object.entries((sentimentLexicon as { languages: Record<string, { idioms?: Idioms }> }).languages).map(
        ([lang, l]) => [lang, l.idioms] as [string, Idioms | undefined],
      ),
    ];
    let checked = 0;
    for (const [lang, idioms] of lists) {
      const keys = [...(english?.keys ?? []), ...(idioms?.keys ?? [])];
      for (const source of [...(idioms?.positive ?? []), ...(idioms?.negative ?? []), ...(idioms?.neutral ?? [])]) {
        expect(
          keys.some((key) => source.includes(key)),
          `${lang}: ${source}`,
        ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

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
