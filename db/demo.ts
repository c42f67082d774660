/**
 * The demo council every fresh install starts with: 3 providers, 12 sites (9 Family Hubs,
 * 3 Children's Centres) across localities, 4-6 service points each, and the default
 * "Family Hub feedback" survey (the NHS FFT question, two free-text follow-ups, "About you").
 * The council and providers are invented; the shape is a real city's Family Hub network.
 */
import { ABOUT_YOU_PAGE } from '../survey/about-you';
import type { SurveyDefinition } from '../survey/survey-schema';
import type { SiteKind } from './schema';

export const DEMO_ORGANISATION = { slug: 'demo-council', name: 'Demo City Council' };

export const DEMO_PROVIDERS = [
  { code: 'harbour', name: 'Harbour Family Trust' },
  { code: 'moorland', name: "Moorland Children's Charity" },
  { code: 'council', name: 'Demo City Council Early Help' },
];

interface DemoSite {
  code: string;
  name: string;
  kind: SiteKind;
  provider: string;
  locality: string;
  ward: string;
  servicePoints: [code: string, name: string][];
}

export const DEMO_SITES: DemoSite[] = [
  {
    code: 'dvp',
    name: 'Devonport Family Hub',
    kind: 'family_hub',
    provider: 'harbour',
    locality: 'Waterfront',
    ward: 'Devonport',
    servicePoints: [
      ['dvp-play', 'Stay & play'],
      ['dvp-dads', 'Dad & toddler group'],
      ['dvp-feed', 'Infant feeding drop-in'],
      ['dvp-money', 'Money advice'],
      ['dvp-hv', 'Health visitor clinic'],
    ],
  },
  {
    code: 'stb',
    name: 'Stonehouse Family Hub',
    kind: 'family_hub',
    provider: 'harbour',
    locality: 'Waterfront',
    ward: 'St Peter and the Waterfront',
    servicePoints: [
      ['stb-play', 'Stay & play'],
      ['stb-young', 'Young parents group'],
      ['stb-esol', 'English for parents'],
      ['stb-money', 'Money & housing advice'],
    ],
  },
  {
    code: 'hfd',
    name: 'Honicknowle Family Hub',
    kind: 'family_hub',
    provider: 'harbour',
    locality: 'North West',
    ward: 'Honicknowle',
    servicePoints: [
      ['hfd-baby', 'Baby massage'],
      ['hfd-feed', 'Infant feeding drop-in'],
      ['hfd-salt', 'Speech & language drop-in'],
      ['hfd-course', 'Parenting course'],
      ['hfd-hv', 'Health visitor clinic'],
      ['hfd-send', 'SEND coffee morning'],
    ],
  },
  {
    code: 'wbg',
    name: 'Whitleigh Family Hub',
    kind: 'family_hub',
    provider: 'moorland',
    locality: 'North West',
    ward: 'Budshead',
    servicePoints: [
      ['wbg-play', 'Stay & play'],
      ['wbg-dads', 'Dads group'],
      ['wbg-mind', 'Perinatal wellbeing group'],
      ['wbg-money', 'Money advice'],
    ],
  },
  {
    code: 'efd',
    name: 'Efford Family Hub',
    kind: 'family_hub',
    provider: 'moorland',
    locality: 'East',
    ward: 'Efford and Lipson',
    servicePoints: [
      ['efd-play', 'Stay & play'],
      ['efd-feed', 'Infant feeding drop-in'],
      ['efd-course', 'Parenting course'],
      ['efd-send', 'SEND parent carer group'],
      ['efd-hv', 'Health visitor clinic'],
    ],
  },
  {
    code: 'pla',
    name: 'Plympton Family Hub',
    kind: 'family_hub',
    provider: 'moorland',
    locality: 'Plympton',
    ward: 'Plympton St Mary',
    servicePoints: [
      ['pla-play', 'Stay & play'],
      ['pla-baby', 'Baby massage'],
      ['pla-salt', 'Speech & language drop-in'],
      ['pla-teen', 'Youth drop-in'],
    ],
  },
  {
    code: 'pst',
    name: 'Plymstock Family Hub',
    kind: 'family_hub',
    provider: 'council',
    locality: 'Plymstock',
    ward: 'Plymstock Dunstone',
    servicePoints: [
      ['pst-play', 'Stay & play'],
      ['pst-feed', 'Infant feeding drop-in'],
      ['pst-hv', 'Health visitor clinic'],
      ['pst-money', 'Money advice'],
      ['pst-dads', 'Dad & toddler group'],
    ],
  },
  {
    code: 'ctr',
    name: 'City Centre Family Hub',
    kind: 'family_hub',
    provider: 'council',
    locality: 'Central',
    ward: 'St Peter and the Waterfront',
    servicePoints: [
      ['ctr-esol', 'English for parents'],
      ['ctr-money', 'Money & housing advice'],
      ['ctr-young', 'Young parents group'],
      ['ctr-send', 'SEND advice clinic'],
      ['ctr-mind', 'Perinatal wellbeing group'],
      ['ctr-play', 'Stay & play'],
    ],
  },
  {
    code: 'sbn',
    name: 'Southway Family Hub',
    kind: 'family_hub',
    provider: 'council',
    locality: 'North West',
    ward: 'Southway',
    servicePoints: [
      ['sbn-play', 'Stay & play'],
      ['sbn-course', 'Parenting course'],
      ['sbn-teen', 'Youth drop-in'],
      ['sbn-feed', 'Infant feeding drop-in'],
    ],
  },
  {
    code: 'kpc',
    name: 'Keyham Children’s Centre',
    kind: 'childrens_centre',
    provider: 'harbour',
    locality: 'Waterfront',
    ward: 'Devonport',
    servicePoints: [
      ['kpc-play', 'Stay & play'],
      ['kpc-baby', 'Baby group'],
      ['kpc-hv', 'Health visitor clinic'],
      ['kpc-salt', 'Speech & language drop-in'],
    ],
  },
  {
    code: 'mfc',
    name: 'Mannamead Children’s Centre',
    kind: 'childrens_centre',
    provider: 'moorland',
    locality: 'Central',
    ward: 'Compton',
    servicePoints: [
      ['mfc-play', 'Stay & play'],
      ['mfc-music', 'Music & rhyme time'],
      ['mfc-feed', 'Infant feeding drop-in'],
      ['mfc-course', 'Parenting course'],
      ['mfc-dads', 'Dads group'],
    ],
  },
  {
    code: 'esc',
    name: 'Estover Children’s Centre',
    kind: 'childrens_centre',
    provider: 'council',
    locality: 'North East',
    ward: 'Moor View',
    servicePoints: [
      ['esc-play', 'Stay & play'],
      ['esc-baby', 'Baby massage'],
      ['esc-money', 'Money advice'],
      ['esc-send', 'SEND coffee morning'],
    ],
  },
];

const text = (en: string, pl: string, ro: string, zh: string, pt: string, ar: string) => ({ en, pl, ro, zh, pt, ar });

export const DEFAULT_SURVEY: SurveyDefinition = {
  title: text(
    'Family Hub feedback',
    'Opinia o Family Hub',
    'Feedback pentru Family Hub',
    '家庭中心反馈',
    'Opinião sobre o Family Hub',
    'ملاحظات حول مركز العائلة',
  ),
  intro: text(
    'Tell us about your visit. It takes less than a minute and you do not need to give your name.',
    'Opowiedz nam o swojej wizycie. To zajmie mniej niż minutę i nie musisz podawać imienia.',
    'Spuneți-ne despre vizita dumneavoastră. Durează mai puțin de un minut și nu trebuie să vă dați numele.',
    '请告诉我们您这次来访的感受。只需不到一分钟，无需留下姓名。',
    'Conte-nos sobre a sua visita. Demora menos de um minuto e não precisa de dar o seu nome.',
    'أخبرنا عن زيارتك. يستغرق ذلك أقل من دقيقة ولا تحتاج إلى ذكر اسمك.',
  ),
  pages: [
    {
      id: 'feedback',
      questions: [
        { id: 'fft', type: 'fft', required: true },
        {
          id: 'good',
          type: 'longtext',
          required: false,
          maxLength: 2000,
          title: text('What was good?', 'Co było dobre?', 'Ce a fost bine?', '哪些方面做得好？', 'O que foi bom?', 'ما الذي كان جيدًا؟'),
        },
        {
          id: 'better',
          type: 'longtext',
          required: false,
          maxLength: 2000,
          title: text(
            'What could we do better?',
            'Co moglibyśmy zrobić lepiej?',
            'Ce am putea face mai bine?',
            '我们哪些方面可以做得更好？',
            'O que poderíamos fazer melhor?',
            'ما الذي يمكننا تحسينه؟',
          ),
        },
      ],
    },
    ABOUT_YOU_PAGE,
  ],
};

/** Where a family with a mistyped code is offered to give feedback: the city-centre hub's form. */
export const DEMO_GENERAL_FORM = 'ctr';

/** Published "You said, we did" items, so posters and thank-you pages have something to show. */
export const DEMO_ACTIONS: { site: string | null; youSaid: Record<string, string> & { en: string }; weDid: Record<string, string> & { en: string } }[] = [
  {
    site: 'dvp',
    youSaid: text(
      'Stay & play sessions fill up too quickly.',
      'Zajęcia Stay & play zbyt szybko się zapełniają.',
      'Sesiunile Stay & play se ocupă prea repede.',
      '“Stay & play”活动名额太快就满了。',
      'As sessões de Stay & play enchem depressa demais.',
      'جلسات اللعب تمتلئ بسرعة كبيرة.',
    ),
    weDid: text(
      'We added a second Stay & play session on Thursday afternoons.',
      'Dodaliśmy drugie zajęcia Stay & play w czwartkowe popołudnia.',
      'Am adăugat o a doua sesiune Stay & play joi după-amiaza.',
      '我们在每周四下午增加了一场“Stay & play”活动。',
      'Acrescentámos uma segunda sessão de Stay & play às quintas-feiras à tarde.',
      'أضفنا جلسة لعب ثانية بعد ظهر كل خميس.',
    ),
  },
  {
    site: null,
    youSaid: text(
      'It is hard to find out what is on each week.',
      'Trudno się dowiedzieć, co się dzieje w każdym tygodniu.',
      'Este greu să aflați ce activități sunt în fiecare săptămână.',
      '很难知道每周有哪些活动。',
      'É difícil saber o que há em cada semana.',
      'من الصعب معرفة الأنشطة المتاحة كل أسبوع.',
    ),
    weDid: text(
      'Every hub now has a weekly timetable by the door and on the council website.',
      'W każdym centrum przy drzwiach i na stronie rady jest teraz tygodniowy plan zajęć.',
      'Fiecare centru are acum un program săptămânal la intrare și pe site-ul consiliului.',
      '现在每个中心的门口和市议会网站上都有每周活动时间表。',
      'Cada centro tem agora um horário semanal à entrada e no site da câmara.',
      'يوجد الآن في كل مركز جدول أسبوعي عند الباب وعلى موقع المجلس.',
    ),
  },
];

/** Meetings held with families in the demo: written for the project, about no real person. */
export const DEMO_MEETINGS: {
  site: string;
  area: 'site' | 'locality';
  kind: 'maternity_voices' | 'parent_carer_forum' | 'focus_group' | 'panel_meeting';
  title: string;
  daysAgo: number;
  participants: number;
  demographics?: Record<string, number>;
  notes: string;
  quotes: string[];
}[] = [
  {
    site: 'dvp',
    area: 'locality',
    kind: 'maternity_voices',
    title: 'Maternity Voices: feeding support after birth',
    daysAgo: 12,
    participants: 9,
    demographics: { 'First-time parents': 6, 'Polish-speaking parents': 2 },
    notes:
      'Parents said help with feeding in the first week made the biggest difference, but weekend support is hard to find. Several had not heard of the infant feeding drop-in until a health visitor mentioned it.',
    quotes: ['The feeding drop-in saved us, I just wish it ran on a Saturday.', 'Nobody told me about the drop-in until my baby was three weeks old.'],
  },
  {
    site: 'ctr',
    area: 'locality',
    kind: 'parent_carer_forum',
    title: 'Parent Carer Forum: waiting for assessments',
    daysAgo: 41,
    participants: 14,
    notes:
      'The forum talked about long waits for speech and language assessments and annual reviews of EHC plans arriving late. Parents valued the SEND drop-in and asked for it to run after school.',
    quotes: ['We have waited nine months for a speech and language assessment.', 'The SEND drop-in is the only place that understands our family.'],
  },
  {
    site: 'stb',
    area: 'site',
    kind: 'focus_group',
    title: 'Dads’ focus group',
    daysAgo: 70,
    participants: 6,
    demographics: { Dads: 6 },
    notes: 'Dads felt welcome at the Saturday group but said weekday sessions clash with work.',
    quotes: ['The staff were lovely and made us dads feel welcome.', 'Everything is in the daytime when we are at work.'],
  },
];
