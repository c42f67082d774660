/**
 * Realistic synthetic responses for demos and benchmarks: spread over sites, service points,
 * 24 months, channels, the census languages and demographic groups, with free text built from
 * phrases families really use. Deterministic for a seed. Built-in patterns give the reports
 * something true to find: a satisfaction gap for some language groups and one hub in decline.
 */
import { fftOptionForCode } from '../analysis/fft';
import { random as mulberry32 } from '../analysis/text/fit';
import { newId } from './ids';
import type { NewComment, NewResponse } from './response-writer';
import type { Channel } from './schema';

export interface SyntheticContext {
  organisationId: string;
  surveyVersionId: string;
  sites: { id: string; servicePointIds: string[] }[];
}

type Weighted<T> = [T, number][];

const CHANNELS: Weighted<Channel> = [
  ['qr', 55],
  ['widget', 15],
  ['kiosk', 15],
  ['paper', 8],
  ['panel', 5],
  ['api', 2],
];
const LANGUAGES: Weighted<string> = [
  ['en', 86],
  ['pl', 4],
  ['ro', 3],
  ['zh', 2],
  ['pt', 2.5],
  ['ar', 2.5],
];
const RELATIONSHIPS: Weighted<string> = [
  ['mum', 70],
  ['dad', 15],
  ['other_carer', 8],
  ['young_person', 5],
  ['prefer_not_to_say', 2],
];
const AGE_BANDS: Weighted<string> = [
  ['expecting', 8],
  ['0-1', 40],
  ['2-4', 30],
  ['5-11', 14],
  ['12-19', 6],
  ['20-25', 1],
  ['prefer_not_to_say', 1],
];
const DISABILITY: Weighted<string> = [
  ['neither', 74],
  ['child_send', 12],
  ['adult_disability', 6],
  ['both', 3],
  ['prefer_not_to_say', 5],
];
/** England-wide detail scaled to Plymouth's 2021 Census shares (94.9% White, 2.3% Asian, 1.1% Black, 1.8% Mixed, 1% other). */
const ETHNICITY_EN: Weighted<string> = [
  ['white_british', 88],
  ['white_irish', 0.5],
  ['white_gypsy_traveller', 0.2],
  ['white_roma', 0.1],
  ['white_other', 3],
  ['asian_indian', 0.6],
  ['asian_pakistani', 0.2],
  ['asian_bangladeshi', 0.3],
  ['asian_chinese', 0.5],
  ['asian_other', 0.6],
  ['black_african', 0.8],
  ['black_caribbean', 0.2],
  ['black_other', 0.1],
  ['mixed_white_asian', 0.6],
  ['mixed_white_black_african', 0.4],
  ['mixed_white_black_caribbean', 0.5],
  ['mixed_other', 0.4],
  ['other_arab', 0.3],
  ['other_any', 0.6],
  ['prefer_not_to_say', 2],
];
const ETHNICITY_BY_LANGUAGE: Record<string, Weighted<string>> = {
  pl: [
    ['white_other', 95],
    ['prefer_not_to_say', 5],
  ],
  ro: [
    ['white_other', 80],
    ['white_roma', 15],
    ['prefer_not_to_say', 5],
  ],
  zh: [
    ['asian_chinese', 92],
    ['prefer_not_to_say', 8],
  ],
  pt: [
    ['white_other', 60],
    ['mixed_other', 20],
    ['black_african', 15],
    ['prefer_not_to_say', 5],
  ],
  ar: [
    ['other_arab', 80],
    ['other_any', 10],
    ['prefer_not_to_say', 10],
  ],
};

const GOOD: Record<string, string[]> = {
  en: [
    'The staff were so friendly and never made me feel judged',
    'My little one loves the stay and play, lots of toys and messy play',
    'I have made friends here, I was so lonely after having the baby',
    'The infant feeding support helped me keep breastfeeding',
    'Really helpful advice about money and benefits',
    'Seeing the same health visitor every time makes a big difference',
    'The speech and language drop-in gave us ideas to try at home',
    'The dads group is brilliant, it is nice to meet other dads',
    'Clean, warm and welcoming building',
    'They listened to me and pointed me to the right service',
    'The parenting course gave me confidence with bedtimes',
    'Free sessions mean we can actually come every week',
  ],
  pl: ['Bardzo miły personel, dziecko uwielbia zajęcia', 'Pomocne porady i dużo zabawek'],
  ro: ['Personalul a fost foarte amabil', 'Copilului meu îi plac activitățile'],
  zh: ['工作人员很友好，孩子很喜欢', '活动很好，很有帮助'],
  pt: ['A equipa foi muito simpática', 'O meu filho adora brincar aqui'],
  ar: ['الموظفون لطيفون جدًا', 'طفلي يحب الأنشطة هنا'],
};

const BETTER: Record<string, string[]> = {
  en: [
    'More sessions at weekends please, I work Monday to Friday',
    'The waiting list for the parenting course is far too long',
    'Hard to book online, the phone line is always busy',
    'Parking is difficult and the bus does not come close',
    'Sessions get very full, we were turned away twice',
    'Would be good to have information in other languages',
    'The room was cold and the toilets need cleaning',
    'Please bring back the baby massage group that closed',
    'More support for children with SEND and their parents',
    'Nothing, it is perfect as it is',
    'Hard to get an appointment with the health visitor',
    'I felt rushed and did not feel listened to',
    'Better signposting to mental health support after birth',
    'More things for dads and working parents',
  ],
  pl: ['Więcej informacji po polsku', 'Trudno się zapisać na zajęcia'],
  ro: ['Mai multe informații în limba română', 'Listă de așteptare prea lungă'],
  zh: ['希望有中文资料', '预约太难了'],
  pt: ['Mais sessões ao fim de semana', 'Mais informação em português'],
  ar: ['نحتاج معلومات باللغة العربية', 'قائمة الانتظار طويلة جدًا'],
};

/** How a comment is read (the theme tagger's output), supplied by the caller so this stays pure. */
export type ReadComment = (text: string, language: string) => Pick<NewComment, 'redacted' | 'sentiment' | 'themes' | 'modelVersion'>;

/** A deterministic stream of responses (mulberry32 PRNG), with their comments read by `read`. */
export function* syntheticResponses(context: SyntheticContext, options: { seed: number; now: Date; read?: ReadComment }): Generator<NewResponse> {
  const random = mulberry32(options.seed);
  const pick = <T>(weighted: Weighted<T>): T => pickWeighted(weighted, random);
  const any = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const end = options.now.getTime();
  const span = 730 * 86_400_000;
  // Each site has its own baseline; the second site from the end is slipping in the last quarter.
  const baselines = context.sites.map((_, i) => 0.78 + ((i * 37) % 13) / 100);
  const decliningSite = context.sites.length - 2;
  for (let sequence = 0; ; sequence++) {
    // More recent months get more responses, as the programme grows.
    const submittedAt = Math.floor(end - span * (1 - Math.sqrt(random())));
    const siteIndex = Math.floor(random() * context.sites.length);
    const site = context.sites[siteIndex]!;
    const language = pick(LANGUAGES);
    const answersAboutYou = random() < 0.65;
    const relationship = answersAboutYou ? pick(RELATIONSHIPS) : null;
    let positive = baselines[siteIndex]!;
    if (language === 'ar' || language === 'ro') positive -= 0.12;
    if (relationship === 'dad') positive -= 0.05;
    if (siteIndex === decliningSite && end - submittedAt < 90 * 86_400_000) positive -= 0.2;
    const fft = fftFor(positive, random);
    const answers: Record<string, string> = { fft: fftOptionForCode(fft)! };
    const phrases = (bank: Record<string, string[]>) => bank[language] ?? bank.en!;
    // Free text is kept only as comments, as ingestion keeps it (server/ingest.ts).
    const typed: Partial<Record<'good' | 'better', string>> = {};
    if (random() < 0.6 && fft <= 3) typed.good = any(phrases(GOOD));
    if (random() < (fft >= 4 ? 0.9 : 0.4)) typed.better = any(phrases(BETTER));
    const id = newId('r', submittedAt);
    const read = options.read;
    const comments: NewComment[] = read
      ? (['good', 'better'] as const).flatMap((questionId) => {
          const text = typed[questionId];
          return text === undefined
            ? []
            : [
                {
                  id: newId('c', submittedAt),
                  responseId: id,
                  organisationId: context.organisationId,
                  siteId: site.id,
                  questionId,
                  submittedAt,
                  language,
                  text,
                  ...read(text, language),
                },
              ];
        })
      : [];
    yield {
      id,
      comments,
      organisationId: context.organisationId,
      surveyVersionId: context.surveyVersionId,
      siteId: site.id,
      servicePointId: random() < 0.7 && site.servicePointIds.length ? any(site.servicePointIds) : null,
      channel: pick(CHANNELS),
      language,
      respondentRole: relationship === 'young_person' ? 'young_person' : relationship === 'other_carer' ? 'carer' : 'parent',
      submittedAt,
      idempotencyKey: `synthetic-${options.seed}-${sequence}`,
      fft,
      rating: null,
      answers: JSON.stringify(answers),
      demographics: answersAboutYou
        ? {
            relationship,
            childAgeBand: pick(AGE_BANDS),
            ethnicity: pick(ETHNICITY_BY_LANGUAGE[language] ?? ETHNICITY_EN),
            disability: pick(DISABILITY),
            firstLanguage: language === 'en' ? (random() < 0.97 ? 'en' : 'other') : language,
            postcodeDistrict: random() < 0.8 ? `PL${1 + Math.floor(random() * 9)}` : null,
          }
        : null,
    };
  }
}

/** FFT code 1..6 for a chance of a positive answer; the rest split over neither, poor, don't know. */
function fftFor(positive: number, random: () => number): number {
  const r = random();
  if (r < positive) return random() < 0.72 ? 1 : 2;
  const rest = (r - positive) / (1 - positive);
  if (rest < 0.35) return 3;
  if (rest < 0.65) return 4;
  if (rest < 0.85) return 5;
  return 6;
}

function pickWeighted<T>(weighted: Weighted<T>, random: () => number): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted[weighted.length - 1]![0];
}
