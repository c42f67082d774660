/**
 * The optional "About you" page: the equality-monitoring questions (survey/equality.ts) in all six
 * languages, as every survey offers them. A survey editor adds it whole, or some of its questions;
 * their options are fixed, so answers compare across surveys, sites and years.
 */
import type { SurveyDefinition } from './survey-schema';

type Page = SurveyDefinition['pages'][number];

const text = (en: string, pl: string, ro: string, zh: string, pt: string, ar: string) => ({ en, pl, ro, zh, pt, ar });

export const ABOUT_YOU_PAGE_ID = 'about-you';

export const ABOUT_YOU_PAGE: Page = {
  id: ABOUT_YOU_PAGE_ID,
  title: text('About you (optional)', 'O Tobie (opcjonalnie)', 'Despre dumneavoastră (opțional)', '关于您（可选）', 'Sobre si (opcional)', 'عنك (اختياري)'),
  questions: [
    {
      id: 'relationship',
      type: 'equality',
      field: 'relationship',
      required: false,
      title: text('Are you…', 'Czy jesteś…', 'Sunteți…', '您是…', 'É…', 'هل أنت…'),
      hint: text(
        'These questions help us check that every family gets a fair service. You can skip them.',
        'Te pytania pomagają nam sprawdzić, czy każda rodzina jest traktowana sprawiedliwie. Możesz je pominąć.',
        'Aceste întrebări ne ajută să verificăm că fiecare familie primește un serviciu corect. Le puteți sări.',
        '这些问题帮助我们确认每个家庭都得到公平的服务。您可以跳过。',
        'Estas perguntas ajudam-nos a garantir que todas as famílias têm um serviço justo. Pode ignorá-las.',
        'تساعدنا هذه الأسئلة على التأكد من أن كل عائلة تحصل على خدمة عادلة. يمكنك تخطيها.',
      ),
    },
    {
      id: 'child-age',
      type: 'equality',
      field: 'childAgeBand',
      required: false,
      title: text(
        'How old is your child?',
        'Ile lat ma Twoje dziecko?',
        'Câți ani are copilul dumneavoastră?',
        '您的孩子多大？',
        'Que idade tem o seu filho?',
        'كم عمر طفلك؟',
      ),
    },
    {
      id: 'ethnicity',
      type: 'equality',
      field: 'ethnicity',
      required: false,
      title: text(
        'What is your ethnic group?',
        'Jaka jest Twoja grupa etniczna?',
        'Care este grupul dumneavoastră etnic?',
        '您属于哪个族裔群体？',
        'Qual é o seu grupo étnico?',
        'ما هي مجموعتك العرقية؟',
      ),
    },
    {
      id: 'disability',
      type: 'equality',
      field: 'disability',
      required: false,
      title: text(
        'Disability or special educational needs (SEND)',
        'Niepełnosprawność lub specjalne potrzeby edukacyjne (SEND)',
        'Dizabilitate sau nevoi educaționale speciale (SEND)',
        '残疾或特殊教育需要（SEND）',
        'Deficiência ou necessidades educativas especiais (SEND)',
        'الإعاقة أو الاحتياجات التعليمية الخاصة',
      ),
    },
    {
      id: 'first-language',
      type: 'equality',
      field: 'firstLanguage',
      required: false,
      title: text(
        'What is your first language?',
        'Jaki jest Twój pierwszy język?',
        'Care este prima dumneavoastră limbă?',
        '您的母语是什么？',
        'Qual é a sua língua materna?',
        'ما هي لغتك الأولى؟',
      ),
    },
    {
      id: 'postcode',
      type: 'equality',
      field: 'postcodeDistrict',
      required: false,
      title: text(
        'The first part of your postcode',
        'Pierwsza część Twojego kodu pocztowego',
        'Prima parte a codului dumneavoastră poștal',
        '您邮编的前半部分',
        'A primeira parte do seu código postal',
        'الجزء الأول من رمزك البريدي',
      ),
      hint: text('For example PL4', 'Na przykład PL4', 'De exemplu PL4', '例如 PL4', 'Por exemplo PL4', 'مثلًا PL4'),
    },
  ],
};
