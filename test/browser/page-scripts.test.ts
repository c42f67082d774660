/**
 * The form page's own scripts, built from the widget's modules (widget/page/*.ts), in real
 * Chromium: skip logic hides and shows questions as the family answers (a question hidden counts
 * as unanswered for the ones after it), and the kiosk reads every kind of field as the server does.
 * The kiosk's offline queue is tested in kiosk.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../survey/survey-schema';
import { createStore } from '../../db/store';
import { makeCouncil } from '../helpers/factories';
import { publishSurvey, storedResponses, useServerAndBrowser, waitFor } from './helpers';

/** The service point given the survey with follow-up questions. */
let CODE: string;
const en = (text: string) => ({ en: text });
const FOLLOW_UPS = {
  title: en('Your visit'),
  pages: [
    {
      id: 'visit',
      questions: [
        { id: 'fft', type: 'fft', required: true },
        { id: 'wrong', type: 'text', required: false, maxLength: 200, title: en('What went wrong?'), showIf: { question: 'fft', in: ['poor', 'veryPoor'] } },
        { id: 'call', type: 'yesno', required: false, title: en('May we call you about it?'), showIf: { question: 'wrong', answered: true } },
        {
          id: 'feel',
          type: 'likert',
          required: false,
          title: en('How did you feel?'),
          rows: [
            { id: 'welcome', label: en('Welcome') },
            { id: 'safe', label: en('Safe') },
          ],
          scale: [
            { value: 'agree', label: en('Agree') },
            { value: 'disagree', label: en('Disagree') },
          ],
        },
        {
          id: 'helped',
          type: 'multiple',
          required: false,
          title: en('What helped?'),
          options: [
            { value: 'staff', label: en('Staff') },
            { value: 'room', label: en('The room') },
            { value: 'time', label: en('The time') },
          ],
        },
      ],
    },
  ],
} satisfies SurveyDefinition;

const { server, phone, newContext } = useServerAndBrowser();
beforeAll(async () => {
  CODE = (await makeCouncil(createStore(server().db))).sites.ash.points[0]!.code;
  await publishSurvey(server(), { name: 'Follow-ups', definition: FOLLOW_UPS, assignTo: [CODE] });
});

describe('the form page’s scripts in Chromium', () => {
  it('shows a conditional question only while its condition holds, and hides what depends on a hidden answer', async () => {
    const { page } = await phone();
    await page.goto(`${server().base}/f/${CODE}`);
    const wrong = page.locator('#qw-wrong');
    const call = page.locator('#qw-call');
    expect(await wrong.isHidden()).toBe(true);
    expect(await call.isHidden()).toBe(true);
    await page.getByLabel('Poor', { exact: true }).check();
    expect(await wrong.isVisible()).toBe(true);
    expect(await call.isHidden()).toBe(true);
    await page.locator('#q-wrong').fill('Nobody said hello');
    await page.locator('#q-wrong').blur();
    expect(await call.isVisible()).toBe(true);
    // The typed words stay in the hidden field, but count for nothing while it is hidden.
    await page.getByLabel('Good', { exact: true }).check();
    expect(await wrong.isHidden()).toBe(true);
    expect(await call.isHidden()).toBe(true);
  });

  it('shows every question with its condition in words when script is off', async () => {
    const { page } = await phone({ javaScriptEnabled: false });
    await page.goto(`${server().base}/f/${CODE}`);
    expect(await page.locator('#qw-wrong').isVisible()).toBe(true);
    expect(await page.locator('#qw-call').isVisible()).toBe(true);
  });

  it('on a kiosk, sends likert rows, ticked boxes and text as the plain form post would', async () => {
    const context = await newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server().base}/f/${CODE}?kiosk=1`);
    const key = await page.locator('input[name="_key"]').inputValue();
    await page.getByLabel('Very poor').check();
    await page.locator('#q-wrong').fill('A long wait');
    // Leaving the field shows the question that depends on it, moving what is below.
    await page.locator('#q-wrong').blur();
    await page.getByRole('group', { name: 'Welcome' }).getByLabel('Agree', { exact: true }).check();
    await page.getByRole('group', { name: 'Safe' }).getByLabel('Disagree').check();
    await page.getByLabel('Staff').check();
    await page.getByLabel('The time').check();
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.waitForURL(new RegExp(`/f/${CODE}/thanks\\?lang=en&kiosk=1$`));
    const [row] = await waitFor(
      async () => (await storedResponses(server().db)).filter((r) => r.idempotency_key === key),
      (rows) => rows.length > 0,
    );
    expect(row).toMatchObject({ channel: 'kiosk', point_code: CODE, fft: 5 });
    expect(row?.answers).toEqual({ fft: 'veryPoor', wrong: 'A long wait', feel: { welcome: 'agree', safe: 'disagree' }, helped: ['staff', 'time'] });
  });
});
