import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compileSafeguarding,
  DEFAULT_SAFEGUARDING_LEXICONS,
  detectSafeguarding,
  modelView,
  PATTERNS_ONLY_DETECTOR,
  type SafeguardingCategory,
} from './safeguarding';
import { parseSafeguardingCsv } from './safeguarding-eval';

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
    // Concepts across nearby words, in everyday language, first-person or reported.
    { lang: 'en', input: 'my husband quietly goes through my phone and messages every night', category: 'domestic-abuse' },
    { lang: 'en', input: "I'm walking on egg shells every day", category: 'domestic-abuse' },
    { lang: 'en', input: "My friend's boyfriend really hurt her last week", category: 'domestic-abuse' },
    { lang: 'en', input: 'our little girl watched her dad push me down the stairs', category: 'child-harm' },
    { lang: 'en', input: "the baby has bruises on his back and I don't know how", category: 'child-harm' },
    { lang: 'en', input: 'the thoughts of ending it are back', category: 'self-harm-suicide' },
    { lang: 'en', input: "I'm not suicidal, just tired", category: 'self-harm-suicide' },
    { lang: 'en', input: 'next door leave their 3 year old on his own for hours', category: 'neglect' },
    { lang: 'en', input: 'an older man keeps buying my 14 year old presents', category: 'sexual-abuse-exploitation' },
    { lang: 'en', input: "we're being evicted on Friday with nowhere to go", category: 'homelessness' },
    { lang: 'pl', input: 'Jutro śpimy z dziećmi w samochodzie', category: 'homelessness' },
    { lang: 'ro', input: 'Nu ne lasă să ieșim din casă', category: 'domestic-abuse' },
    { lang: 'pt', input: 'Não temos para onde ir esta noite', category: 'homelessness' },
    { lang: 'zh', input: '他每天查我的手机', category: 'domestic-abuse' },
    { lang: 'ar', input: 'ننام في السيارة الليلة', category: 'homelessness' },
    // Secrecy, and the same "a talk about" words that once blanked it.
    { lang: 'en', input: 'my nephew says his step dad told him never to show anyone his back', category: 'child-harm' },
    { lang: 'en', input: 'the thing they talk about in his car is their secret, she says', category: 'sexual-abuse-exploitation' },
    { lang: 'en', input: 'I smacked her harder than I meant to and it left a handprint', category: 'child-harm' },
    { lang: 'en', input: 'we are on my sisters floor and she wants us gone by sunday', category: 'homelessness' },
    { lang: 'pt', input: 'ele guarda o meu passaporte e diz que se eu sair sumo com os filhos', category: 'domestic-abuse' },
    { lang: 'ro', input: 'bunica il pune sa stea in genunchi pe boabe de porumb', category: 'child-harm' },
    { lang: 'zh', input: '她妈妈的男朋友半夜进她房间', category: 'sexual-abuse-exploitation' },
    { lang: 'ar', input: 'الحليب خلص وعم اعطي البيبي مي وسكر', category: 'neglect' },
    // Part 16's voices: a professional's note, a child, a threat said calmly.
    { lang: 'en', input: 'pupil came in with a bruised cheek, then a split lip, always says he is clumsy', category: 'child-harm' },
    { lang: 'en', input: 'nobody took me to the doctor when my ear was bleeding', category: 'neglect' },
    { lang: 'en', input: 'I have to sneak out while he is at work to come to the group', category: 'domestic-abuse' },
    { lang: 'zh', input: '他很平静地说要把我们全家都杀了', category: 'domestic-abuse' },
    // A bare line is the whole comment.
    { lang: 'en', input: "he's back.", category: 'domestic-abuse' },
    { lang: 'en', input: 'no one is home with us again', category: 'neglect' },
    // Part 35's: an intent with a time after it, a curfew with no one named, forced work.
    { lang: 'en', input: 'to be honest I was planning to end it this weekend', category: 'self-harm-suicide' },
    { lang: 'en', input: "Can't make the evening course, not allowed out after 6.", category: 'domestic-abuse' },
    { lang: 'zh', input: '她没有护照，不让出门，被逼着做不愿意的事', category: 'sexual-abuse-exploitation' },
    // Part 36's: a young child minding a baby, a family between a car and a floor, a bridge.
    { lang: 'en', input: 'I leave them at home on my evening shifts and the 9 yr old watches the baby', category: 'neglect' },
    { lang: 'en', input: "Going between my car and my brother's floor, he can't keep us after this weekend", category: 'homelessness' },
    { lang: 'ro', input: 'ieri am stat mult pe pod cu căruciorul și m-am gândit să sar', category: 'self-harm-suicide' },
    // Part 37's: children writing themselves.
    { lang: 'en', input: 'got a burn on my hand from the iron but it wasnt a accident. thats all', category: 'child-harm' },
    { lang: 'en', input: 'is it normal to get hit with a wooden spoon till you bleed?? asking for a friend lol', category: 'child-harm' },
    { lang: 'en', input: 'i stopped eating so i feel in control and i make myself sick after tea', category: 'self-harm-suicide' },
    { lang: 'en', input: 'dad smells of beer every day and falls asleep on the floor', category: 'neglect' },
    { lang: 'en', input: 'my asthma pump ran out weeks ago and mum keeps saying she will get it', category: 'neglect' },
    { lang: 'en', input: 'the refuge said our time is up and theres no other place for us to go', category: 'homelessness' },
    { lang: 'pl', input: 'moja przyjaciółka napisała że dziś w nocy weźmie wszystkie tabletki mamy', category: 'self-harm-suicide' },
    { lang: 'zh', input: '爸爸不让妈妈出门，也不给她钱', category: 'domestic-abuse' },
    { lang: 'zh', input: '我和妹妹晚上自己在家，妹妹才4岁', category: 'neglect' },
    { lang: 'zh', input: '我的牙疼了好几个月了 没人带我去看dentist', category: 'neglect' },
    // Part 38's (children again) and part 39's (long survey answers).
    { lang: 'en', input: 'got hit again last nite. cant sit down properly', category: 'child-harm' },
    { lang: 'en', input: 'i like the breakfast club cos its the only breakfast i get', category: 'neglect' },
    {
      lang: 'en',
      input: 'i went to a party and i think something happened to me, i cant remember and i was sore after',
      category: 'sexual-abuse-exploitation',
    },
    { lang: 'ro', input: 'tata o loveste pe mama cand e beat', category: 'domestic-abuse' },
    { lang: 'pl', input: 'Ostatnio myślę, żeby to wszystko skończyć, kupiłem nawet linę.', category: 'self-harm-suicide' },
    { lang: 'pt', input: 'O albergue disse que temos que sair agora. Não sei para onde ir hoje à noite.', category: 'homelessness' },
    { lang: 'ar', input: 'حماتي قالت إن ابنتي أصبحت في السن المناسب للختان', category: 'child-harm' },
    // Everyday words in five languages, reported as often as first-person.
    {
      lang: 'pl',
      input: 'Kuzynka mówi, że szef trzyma jej paszport i każe pracować za darmo, żeby spłaciła dług za przyjazd',
      category: 'sexual-abuse-exploitation',
    },
    // "dokumenty" are papers: only a documentary ("dokument o…", "w dokumencie") is a story from the screen.
    { lang: 'pl', input: 'Sąsiadka mówi, że właściciel myjni zabrał jej dokumenty', category: 'sexual-abuse-exploitation' },
    { lang: 'pt', input: 'O senhorio disse que temos de sair hoje, estou com as malas e os miúdos no centro', category: 'homelessness' },
    { lang: 'pt', input: 'a minha sogra pôs-me para fora de casa ontem à noite', category: 'homelessness' },
    { lang: 'pt', input: 'a menina da vizinha vai para a escola sem comer quase todos os dias', category: 'neglect' },
    { lang: 'zh', input: '他喝了酒就把女儿推倒在地上，医生问的时候我说是她自己摔的', category: 'child-harm' },
    { lang: 'zh', input: '晚上十一点了楼下那个小孩还一个人在外面，他爸妈不在家', category: 'neglect' },
    { lang: 'zh', input: '有时候我想抱着宝宝从窗户跳下去', category: 'self-harm-suicide' },
    { lang: 'ar', input: 'عم زوجي يقعد بنتي في حضنه ويلمسها بشكل مش طبيعي', category: 'sexual-abuse-exploitation' },
    { lang: 'ar', input: 'رمونا برا البيت ونايمين في السياره مع الولاد', category: 'homelessness' },
    { lang: 'ro', input: 'am găsit-o pe fetița vecinilor singură pe stradă la 11 noaptea', category: 'neglect' },
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
    // A subject named in a session, a leaflet or the news is not a disclosure.
    'The domestic abuse awareness session was brilliant',
    'There are leaflets about self-harm in the toilets',
    'I read stories of neglect in the news',
    'My son bruised his knee on the slide and staff did first aid',
    'my back is killing me after the stairs',
    'We were homeless two years ago and the hub helped us find a flat',
    'we donated toys to the homeless shelter',
    'The kids beat me at every board game',
    'sesja o przemocy domowej była ciekawa',
    '新闻里说无家可归的人越来越多',
    // Idioms, a sports knock.
    'I nearly killed myself laughing at the panto',
    'my son has a bruise on his shin from football, all fine',
    'Meu filho tem um roxo do futebol, nada de mais',
    'ابني عنده كدمة من كرة القدم',
    'my sister punched me over the remote so I punched her back, mum made us say sorry',
    '我要杀了我老公，他把蛋糕都吃了',
    "he's back from his trip and the kids are thrilled",
    // Part 35's: sharing a location both ways, a bite written up at nursery, an idiom in Polish.
    'My partner tracks my location but only cos I drive home late, we both have it on',
    'Our son was bitten at nursery, they filled in an incident form and rang me',
    'Kiedyś się zabiję na tych schodach z wózkiem',
    'Băiatul s-a ars puțin la mână la o tavă fierbinte, am știut ce să fac',
    '十年前我也经历过家暴，现在早就走出来了',
    // Part 36's: a documentary "on BBC" (the look-alike that blanks what follows "on" must not
    // hide that it is a documentary), overcrowded not homeless, an errand.
    'Watched that county lines documentary on BBC last night, terrifying',
    "We're not homeless, just overcrowded, but the bidding list gave us hope",
    "My partner takes my bank card to do the big shop as I don't drive",
    // Part 37's, as children write them: a threat over something trivial, a sibling in play.
    'my mum will kill me if she finds out i lost my coat AGAIN lol',
    'my brother punched me on the arm cos i won on mario kart 😂 we are fine now',
    'my nan hurt her hip so im helping her with the stairs this week',
    'mama mnie zabije jak zobaczy moje oceny z matmy 😂',
    '我妈知道我又把外套丢了会杀了我的哈哈😂',
    // Nowhere to leave a buggy is not nowhere to live (the model read it as homelessness once).
    'Nowhere to leave the buggy, the pushchair park is full',
    'tata zabrał mi telefon na tydzień bo grałem w nocy w fortnite',
    'my friend keeps saying she wants to die when she loses at mario kart',
    'As a school nurse I signpost lots of families here for self harm support, the referral form is easy to use.',
    'We were homeless for 8 months in 2019. Now we have our own council house. Came back to say thank you',
    // A road trip, a slammed door, a course, a series, a fall explained, money saved.
    'Śpimy w samochodzie tylko kiedy jedziemy na wakacje do babci',
    'Dormim în mașină doar când mergem la bunici, e drum lung',
    'A minha filha bateu com a porta porque não a deixei sair',
    'Cursul despre căsătoria forțată a fost foarte util pentru noi, voluntarii',
    'Oglądałam serial o facecie, który kontrolował każdy grosz żony.',
    '腿上青了一块，是在公园滑梯上磕的',
    'My son came home with new trainers, he saved his pocket money for ages',
    // A parent's own childhood, told as why their home is different now.
    'Quando eu era pequena o meu pai deixava-nos sozinhos muito tempo, por isso aqui em casa é diferente',
    '小时候爸妈经常把我一个人留在家，所以现在我家不一样',
  ];
  for (const input of lookAlikes) {
    it(`does not flag the look-alike "${input}"`, () =>
      expect(detectSafeguarding(input)).toEqual({ flagged: false, categories: [], urgency: null, matches: [] }));
  }

  // An innocent reason said in the same breath, or prevention ("so strangers cannot message him"),
  // blanks the words for the lists. The model
  // reads words, not reasons, and may still flag what is left ("my boyfriend checks the…").
  for (const input of [
    'my husband keeps my bank card because I always lose it',
    'my boyfriend checks the train times on his phone for me every morning',
    'how do I make his tablet safe so strangers cannot message him',
    'My son said daddy hit the ball over the fence at sports day',
    // Part 36's: a diagnosis, a wedding (the model, reading "married" and "my 16 yr old", may still flag it).
    'Baby bruises really easily so the doctor checked her blood and she has a clotting thing',
    'Getting married next year and my 16 yr old is my maid of honour!',
  ]) {
    it(`the lists do not flag "${input}"`, () => expect(detectSafeguarding(input, 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(false));
  }
  it('still flags control given no innocent reason', () => {
    expect(detectSafeguarding('my husband keeps my bank card so I cannot buy anything', 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(true);
    expect(detectSafeguarding('my boyfriend checks my phone every morning', 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(true);
  });

  const urgency = [
    { input: 'my partner hits me', out: 'immediate' },
    { input: 'They helped me leave a violent relationship', out: 'priority' },
    { input: 'I escaped domestic abuse two years ago and the hub helped me recover', out: 'priority' },
    { input: 'I left him years ago but he still hits me when he visits', out: 'immediate' },
    { input: 'My ex used to beat me. Now my new partner hits me', out: 'immediate' },
  ] as const;
  for (const { input, out } of urgency) it(`gives "${input}" ${out} urgency`, () => expect(detectSafeguarding(input).urgency).toBe(out));

  it('reads past and present in the sentence of each match, not the whole comment', () => {
    // "Now" in the next sentence does not make the harm present (a "now we are safe" would end it).
    expect(detectSafeguarding('My ex used to hit me years ago. Now I help at the group.').urgency).toBe('priority');
    expect(detectSafeguarding('My ex used to hit me years ago. Now we are safe and happy.').flagged).toBe(false);
    expect(detectSafeguarding('I left him years ago. He still hits me when he visits.').urgency).toBe('immediate');
  });

  it('drops a past harm the comment says is over, in every language, unless it has come back', () => {
    const resolved = [
      'I was in an abusive relationship years ago but im happy and safe now',
      'Kiedyś mąż mnie bił, ale teraz jesteśmy bezpieczni',
      'O meu ex marido batia-me há anos, agora estamos bem',
      '以前我前夫打我，现在很安全',
      'طليقي كان يضربني في الماضي والحين بخير',
    ];
    for (const text of resolved) expect(detectSafeguarding(text).flagged, text).toBe(false);
    // Without the resolution it is still a disclosure (priority); with a present marker it is one now.
    expect(detectSafeguarding('I was in an abusive relationship years ago').urgency).toBe('priority');
    expect(detectSafeguarding('I was in an abusive relationship years ago and felt safe now, but he still texts threats').urgency).toBe('immediate');
    expect(detectSafeguarding('I do not feel safe now, he hit me years ago').flagged).toBe(true);
  });

  it('reads a story from the news or a film as a general remark, unless the writer’s own family is in the sentence', () => {
    for (const text of [
      'I saw on the news about a child who was neglected, it is awful, these services are so important',
      'There was a documentary about a mum whose partner hit her, really upsetting',
      'Widziałam w wiadomościach, że dziecko było bite przez ojca, to straszne',
      'Vi nas notícias que uma criança foi espancada pelo padrasto',
    ]) {
      expect(detectSafeguarding(text).flagged, text).toBe(false);
    }
    for (const text of [
      'I saw a programme about coercive control on tv and realised my partner does it, he checks my phone every night',
      'On the news they talked about neglect and it made me think, my baby is left alone all day by her dad',
      'Widziałam w telewizji program i zrozumiałam, że mój mąż mnie bije',
    ]) {
      expect(detectSafeguarding(text).flagged, text).toBe(true);
    }
  });

  it('does not read the "now" of a resolution as a present risk', () => {
    // "teraz" (now) is a present marker, but here it is part of "now, for a long time, I am safe".
    expect(detectSafeguarding('Kilka lat temu byłam w przemocowym związku, teraz od dawna jestem bezpieczna i szczęśliwa z dziećmi').flagged).toBe(false);
    expect(detectSafeguarding('Kilka lat temu byłam w przemocowym związku, teraz znowu mnie bije').flagged).toBe(true);
  });

  it("blanks a professional's question the family answers no, in every language, unless the answer is taken back", () => {
    for (const text of [
      'The health visitor asked if I ever felt like harming myself. I don’t, but I appreciated being asked so kindly.',
      'The midwife asked if anyone at home hurts me. Nobody does, but it’s good they ask every single time.',
      'Położna pytała czy mąż mnie bije, powiedziałam że nie i to prawda, jest kochany',
      'A parteira perguntou se eu tinha pensamentos de me magoar, disse que não, mas achei bom perguntarem',
      '护士问我有没有伤害自己的想法，没有，我挺好的',
      'القابلة سألتني إذا كان أحد يؤذيني في البيت، لا أحد والحمد لله',
    ]) {
      expect(detectSafeguarding(text).flagged, text).toBe(false);
    }
    for (const text of [
      'The health visitor asked if anyone hurts me and I said no because he was in the room. He does.',
      'The HV asked if he hits me. I said no. He does though',
      'She asked whether I have thoughts of ending my life. I said no but I lied',
      'They asked me if my partner ever hurts me and I said yes',
      'Położna pytała czy mąż mnie bije, powiedziałam że nie, bo stał obok.',
      '助产士问有没有人伤害我，我说没有，其实我老公经常打我',
    ]) {
      expect(detectSafeguarding(text).flagged, text).toBe(true);
    }
  });

  it('reads "safe for a long time now" as a past that is over', () => {
    expect(detectSafeguarding("Years ago my ex was violent but I've been safe for a long time now and the kids are thriving").flagged).toBe(false);
    expect(detectSafeguarding('My ex was violent and I have not been safe for a long time').flagged).toBe(true);
  });

  it('does not let a pattern reach across a sentence break', () => {
    // The phrase lists alone: the model reads the comment as a bag of words (SAFEGUARDING.md).
    expect(detectSafeguarding('My husband. Hits the spot every time, the new cafe', 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(false);
    expect(detectSafeguarding('My husband hits me').flagged).toBe(true);
  });

  it('marks each match as past or present', () => {
    const result = detectSafeguarding('They helped me leave a violent relationship');
    expect(result.matches).toEqual([{ category: 'domestic-abuse', language: 'en', phrase: 'violent relationship', past: true }]);
  });

  it('counts a council topic only when the sentence has no general marker', () => {
    const detector = compileSafeguarding([
      { language: 'en', wordBoundaries: true, categories: {}, topics: { neglect: ['latchkey'] }, generalMarkers: ['podcast'] },
    ]);
    expect(detectSafeguarding('my kids are latchkey kids now', 'en', detector).categories).toEqual(['neglect']);
    expect(detectSafeguarding('a podcast about latchkey kids', 'en', detector).flagged).toBe(false);
  });

  it("runs a language's lists only on comments that show a sign of that language", () => {
    const detector = compileSafeguarding([
      { language: 'xx', wordBoundaries: true, categories: { neglect: ['zostawia (?:go|ja) sam\\p{L}*'] }, signs: { letters: '[ąę]', words: ['nie'] } },
    ]);
    expect(detectSafeguarding('mama zostawia go samego', 'pl', detector).flagged).toBe(false);
    expect(detectSafeguarding('mama zostawia go samego i nie wraca', 'pl', detector).categories).toEqual(['neglect']);
    expect(detectSafeguarding('mama zostawia ją samą', 'pl', detector).categories).toEqual(['neglect']);
  });

  it('flags every dev-set comment the same with and without the language signs', () => {
    const ungated = compileSafeguarding(DEFAULT_SAFEGUARDING_LEXICONS.map(({ signs: _signs, ...lexicon }) => lexicon));
    const dev = parseSafeguardingCsv(readFileSync(new URL('./eval/safeguarding.dev.csv', import.meta.url), 'utf8'));
    const differ = dev.filter(
      (c) => detectSafeguarding(c.text, c.language, PATTERNS_ONLY_DETECTOR).flagged !== detectSafeguarding(c.text, c.language, ungated).flagged,
    );
    expect(differ.map((c) => c.text)).toEqual([]);
  });

  it('ships no pattern with a doubled backslash, which would reach the expression as a literal one and quietly switch off what follows', () => {
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
    const doubled = DEFAULT_SAFEGUARDING_LEXICONS.flatMap((lexicon) =>
      strings(lexicon)
        .filter((pattern) => pattern.includes('\\\\'))
        .map((pattern) => `${lexicon.language}: ${pattern.slice(0, 80)}`),
    );
    expect(doubled).toEqual([]);
    // The check itself: a pattern written with one backslash too many is caught.
    expect(strings({ categories: { neglect: ['left alone (?:\\\\p{L}+ )?all day'] } }).filter((p) => p.includes('\\\\'))).toHaveLength(1);
  });

  it('lets the model read what a family says after a session, but not the remark about the session', () => {
    const view = modelView('The healthy relationships talk was great. Question though, is it normal that he tracks where I am every minute of the day?');
    expect(view).not.toBeNull();
    expect(view).not.toMatch(/relationships talk/);
    expect(view).toMatch(/tracks where i am every minute/);
    // A sentence with the writer's own family in it is read even beside a session.
    expect(modelView('After the online safety session my daughter told me a man keeps messaging her')).toMatch(/my daughter told me/);
    // A general remark alone leaves the model nothing to read.
    expect(modelView('The awareness session about domestic abuse and coercive control was really eye opening')).toBeNull();
  });

  it('reads a non-molestation order as domestic abuse only, not as sexual abuse', () => {
    const result = detectSafeguarding("my ex keeps turning up even though there's a non-molestation order");
    expect(result.categories).toEqual(['domestic-abuse']);
    expect(detectSafeguarding('he molested her').categories).toEqual(['sexual-abuse-exploitation']);
  });

  it('reads a subject word mentioned, not used, as no disclosure: "words like neglect", "poverty, not neglect"', () => {
    expect(detectSafeguarding('The letters use words like neglect and risk, which frightens parents who only asked about sleep.').flagged).toBe(false);
    expect(detectSafeguarding('What the council calls neglect is mostly poverty, not neglect, in our area.').flagged).toBe(false);
    expect(detectSafeguarding('Waiting eleven months for a visit is neglect by the system.').flagged).toBe(false);
    expect(detectSafeguarding('Isso não é negligência, é falta de dinheiro.', 'pt', PATTERNS_ONLY_DETECTOR).flagged).toBe(false);
    // Used, not mentioned, the word still counts.
    expect(detectSafeguarding('I think the kids next door are being neglected, they are out till midnight').categories).toContain('neglect');
  });

  it("reads a subject word in a professional's own voice as the work, unless its sentence points at one child", () => {
    const work =
      'As a family support worker I would like to comment on the referral form. Boxes for domestic abuse and neglect on the front page put families off.';
    expect(detectSafeguarding(work, 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(false);
    const oneChild = 'As a childminder I want to say the training was good. One of my mindees is being neglected and nobody listens.';
    expect(detectSafeguarding(oneChild, 'en', PATTERNS_ONLY_DETECTOR).categories).toContain('neglect');
    // A parent, not a professional: the same words stay a disclosure.
    expect(detectSafeguarding('The referral form asks about domestic abuse. There is domestic abuse in our house.', 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(
      true,
    );
  });

  it('reads a long answer whose past story ends resolved as over, but never a short one or one with anything present after', () => {
    const story =
      'I am answering the question about perinatal support because it matters to me. After my son was born I had thoughts about ending my life and I hid them from everyone for months. The specialist midwife noticed, and the perinatal team saw me within a week. My son is at nursery, I am well now, and I volunteer at the baby group on Fridays. Please keep the team funded.';
    expect(detectSafeguarding(story, 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(false);
    // Something present after the story keeps it a disclosure.
    const back = story.replace('Please keep the team funded.', 'But the thoughts have started again this month.');
    expect(detectSafeguarding(back, 'en', PATTERNS_ONLY_DETECTOR).categories).toEqual(['self-harm-suicide']);
    // A short comment is never read as a whole story.
    expect(detectSafeguarding('After my son was born I had thoughts about ending my life. I am well now.', 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(true);
  });

  it("reads a professional's sentence about people in general as the work, but not a parent's, nor one about one child", () => {
    const nurse = 'As a school nurse I see teenagers who talk about wanting to die most weeks, and the waiting list is too long.';
    expect(detectSafeguarding(nurse, 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(false);
    const oneChild = 'As a school nurse I want to say one of my pupils is talking about wanting to die and nobody is seeing her.';
    expect(detectSafeguarding(oneChild, 'en', PATTERNS_ONLY_DETECTOR).categories).toEqual(['self-harm-suicide']);
    const parent = 'My son and his friends talk about wanting to die, the teenagers at his school all say it.';
    expect(detectSafeguarding(parent, 'en', PATTERNS_ONLY_DETECTOR).categories).toEqual(['self-harm-suicide']);
  });

  it('reads jargon named in a training as a subject, and an example given to explain as no child', () => {
    expect(detectSafeguarding('The session covered cuckooing and trafficking and how to report it.', 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(false);
    expect(detectSafeguarding('they are cuckooing the flat below us and my son is scared', 'en', PATTERNS_ONLY_DETECTOR).categories).toContain(
      'sexual-abuse-exploitation',
    );
    expect(detectSafeguarding('We practised what to say, like a child who flinches when you lift your hand.', 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(
      false,
    );
    expect(detectSafeguarding('my daughter flinches when he lifts his hand', 'en', PATTERNS_ONLY_DETECTOR).categories).toEqual(['child-harm']);
  });

  it('reads a later baby that went well as the end of a past dark time, in every language', () => {
    expect(detectSafeguarding('Years ago after my first baby I had thoughts of suicide.', 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(true);
    expect(
      detectSafeguarding(
        'Years ago after my first baby I had thoughts of suicide. After my second baby everything was fine, thanks to the perinatal team.',
        'en',
        PATTERNS_ONLY_DETECTOR,
      ).flagged,
    ).toBe(false);
    expect(
      detectSafeguarding('Z pierwszym dzieckiem cztery lata temu miałam myśli samobójcze. Przy drugim dziecku było dobrze.', 'pl', PATTERNS_ONLY_DETECTOR)
        .flagged,
    ).toBe(false);
    // A later baby is no resolution when the harm is said to be present.
    expect(
      detectSafeguarding('Years ago I had thoughts of suicide. With my second baby I was fine but they are back again now.', 'en', PATTERNS_ONLY_DETECTOR)
        .flagged,
    ).toBe(true);
  });

  it('flags a young child who looks after an ill parent, said with the child’s age', () => {
    const carer = "It's just me and my son, he's 10 and he looks after me since my stroke, he washes me and does the shopping.";
    expect(detectSafeguarding(carer, 'en', PATTERNS_ONLY_DETECTOR).categories).toEqual(['neglect']);
  });

  it('reads what a family might mention, told by someone who meets many, as no disclosure', () => {
    const volunteer = 'When someone mentions they are being evicted or have no food for the kids, we send them straight to the family support team.';
    expect(detectSafeguarding(volunteer, 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(false);
    expect(detectSafeguarding('We are being evicted and have no food for the kids.', 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(true);
  });

  it('lets a council extend the phrase lists', () => {
    const detector = compileSafeguarding([
      ...DEFAULT_SAFEGUARDING_LEXICONS,
      { language: 'en', wordBoundaries: true, categories: { neglect: ['locked (?:in|out) (?:all|every) (?:day|night)'] } },
    ]);
    expect(detectSafeguarding('the kids get locked out all day', 'en', detector).categories).toEqual(['neglect']);
    expect(detectSafeguarding('the kids get locked out all day', 'en', PATTERNS_ONLY_DETECTOR).flagged).toBe(false);
  });
});
