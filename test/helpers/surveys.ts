/** A multi-page survey with skip logic, in English and Polish, for the survey API and widget tests. */
import type { SurveyDefinition } from '../../survey/survey-schema';

export const SKIP_LOGIC_SURVEY = {
  title: { en: 'Your visit', pl: 'Twoja wizyta' },
  intro: { en: 'Three short pages.', pl: 'Trzy krótkie strony.' },
  thankYou: { en: 'Thank you for telling us.', pl: 'Dziękujemy za opinię.' },
  pages: [
    {
      id: 'visit',
      questions: [
        { id: 'fft', type: 'fft', required: true },
        {
          id: 'wrong',
          type: 'longtext',
          required: true,
          maxLength: 500,
          title: { en: 'What went wrong?', pl: 'Co poszło nie tak?' },
          showIf: { question: 'fft', in: ['poor', 'veryPoor'] },
        },
      ],
    },
    {
      id: 'more',
      title: { en: 'A little more', pl: 'Jeszcze trochę' },
      questions: [
        { id: 'again', type: 'yesno', required: true, title: { en: 'Would you come again?', pl: 'Czy przyjdziesz ponownie?' } },
        {
          id: 'helped',
          type: 'multiple',
          required: false,
          max: 2,
          title: { en: 'What helped?', pl: 'Co pomogło?' },
          options: [
            { value: 'staff', label: { en: 'Staff', pl: 'Personel' } },
            { value: 'room', label: { en: 'The room', pl: 'Sala' } },
            { value: 'time', label: { en: 'The time', pl: 'Godzina' } },
          ],
        },
        { id: 'stars', type: 'rating', style: 'stars', required: false, title: { en: 'Rate the room', pl: 'Oceń salę' } },
      ],
    },
    {
      id: 'about',
      title: { en: 'About you', pl: 'O Tobie' },
      questions: [{ id: 'relationship', type: 'equality', field: 'relationship', required: false, title: { en: 'Are you…', pl: 'Czy jesteś…' } }],
    },
  ],
} satisfies SurveyDefinition;

const text = (en: string, pl: string, ro: string, zh: string, pt: string, ar: string) => ({ en, pl, ro, zh, pt, ar });

/**
 * The fixture council's default survey (test/helpers/factories.ts), in all six languages: the FFT,
 * two free-text follow-ups and an optional "About you" page of equality questions. Its own wording,
 * so no test depends on the demo seed's.
 */
export const COUNCIL_SURVEY = {
  title: text(
    'Feedback on our centres',
    'Opinia o naszych centrach',
    'Părerea despre centrele noastre',
    '对我们中心的意见',
    'Opinião sobre os nossos centros',
    'رأيك في مراكزنا',
  ),
  intro: text(
    'A minute of your time helps us. You do not need to give your name.',
    'Minuta Twojego czasu nam pomoże. Nie musisz podawać imienia.',
    'Un minut din timpul dumneavoastră ne ajută. Nu trebuie să vă dați numele.',
    '占用您一分钟时间就能帮到我们。无需留下姓名。',
    'Um minuto do seu tempo ajuda-nos. Não precisa de dar o seu nome.',
    'دقيقة من وقتك تساعدنا. لا تحتاج إلى ذكر اسمك.',
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
          title: text('What went well?', 'Co poszło dobrze?', 'Ce a mers bine?', '哪些方面不错？', 'O que correu bem?', 'ما الذي سار بشكل جيد؟'),
        },
        {
          id: 'better',
          type: 'longtext',
          required: false,
          maxLength: 2000,
          title: text(
            'What should we change?',
            'Co powinniśmy zmienić?',
            'Ce ar trebui să schimbăm?',
            '我们应该改变什么？',
            'O que devemos mudar?',
            'ما الذي يجب أن نغيره؟',
          ),
        },
      ],
    },
    {
      id: 'about-you',
      title: text(
        'About you (you can skip this)',
        'O Tobie (możesz pominąć)',
        'Despre dumneavoastră (puteți sări)',
        '关于您（可跳过）',
        'Sobre si (pode saltar)',
        'عنك (يمكنك التخطي)',
      ),
      questions: [
        {
          id: 'relationship',
          type: 'equality',
          field: 'relationship',
          required: false,
          title: text(
            'Who are you to the child?',
            'Kim jesteś dla dziecka?',
            'Ce sunteți pentru copil?',
            '您和孩子是什么关系？',
            'Quem é para a criança?',
            'ما صلتك بالطفل؟',
          ),
        },
        {
          id: 'ethnicity',
          type: 'equality',
          field: 'ethnicity',
          required: false,
          title: text('Your ethnic group', 'Twoja grupa etniczna', 'Grupul dumneavoastră etnic', '您的族裔群体', 'O seu grupo étnico', 'مجموعتك العرقية'),
        },
        {
          id: 'postcode',
          type: 'equality',
          field: 'postcodeDistrict',
          required: false,
          title: text(
            'Your postcode district',
            'Twój okręg pocztowy',
            'Districtul dumneavoastră poștal',
            '您的邮编区',
            'O seu distrito postal',
            'منطقتك البريدية',
          ),
          hint: text('For example RV1', 'Na przykład RV1', 'De exemplu RV1', '例如 RV1', 'Por exemplo RV1', 'مثلًا RV1'),
        },
      ],
    },
  ],
} satisfies SurveyDefinition;

/** A question's title in a language, from a definition the tests hold. */
export function questionTitle(definition: SurveyDefinition, questionId: string, language = 'en'): string {
  for (const page of definition.pages) {
    for (const question of page.questions) {
      if (question.id === questionId && 'title' in question && question.title) return (question.title as Record<string, string>)[language]!;
    }
  }
  throw new Error(`no question "${questionId}" with a title`);
}
