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
          id: 'wrong', type: 'longtext', required: true, maxLength: 500,
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
          id: 'helped', type: 'multiple', required: false, max: 2, title: { en: 'What helped?', pl: 'Co pomogło?' },
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
