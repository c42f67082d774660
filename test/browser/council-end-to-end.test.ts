/**
 * Issue 13's end-to-end run in real Chromium, pages only (no API call, no SQL): from an empty
 * hubvoice (SEED=none) the first admin sets up the council, adds two sites with service points by
 * hand and a third (with a second provider) by CSV, starts a survey, adds a question in English and
 * Polish with a skip rule in the survey editor, previews it in Arabic,
 * publishes it and gives it to the new site; invites a commissioner for the first provider, whose
 * invitation is read from a real SMTP server; the commissioner sets a password, signs in and sees
 * only that provider's sites; and a family answers the new survey in Polish at the new site's QR
 * address, where the new question appears when its rule says.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpInbox, type SmtpInbox } from '../helpers/smtp-inbox';
import { axeViolations, launchChromium, PHONE, startServer, storedResponses, type RunningServer } from './helpers';
import { choosePassword, invitationLinkFromInbox, invitePerson } from './people-steps';
import {
  addSiteByHand,
  addTranslatedQuestionWithRule,
  createOrganisationAndProvider,
  importSitesCsv,
  openNewDraftEditor,
  signIn,
  useSurveyAtSite,
} from './setup-steps';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
let inbox: SmtpInbox;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  [server, browser] = await Promise.all([startServer({ SMTP_URL: inbox.url }), launchChromium()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await inbox?.close();
});

describe('a council runs hubvoice from a browser', () => {
  it('sets up, publishes a survey, invites a commissioner, and a family answers at the new site', async () => {
    const base = server.base;
    const admin = await (await browser.newContext(DESKTOP)).newPage();
    await signIn(admin, base, 'admin@localhost', server.config.ADMIN_PASSWORD ?? '');
    await createOrganisationAndProvider(admin, { name: 'Seaview Council', slug: 'seaview' }, { name: 'Seaview Early Years', code: 'seaview-ey' });
    await addSiteByHand(admin, base, {
      name: 'Harbour Family Hub',
      code: 'harbour-hub',
      kind: 'Family Hub',
      locality: 'Harbour',
      servicePoints: [{ name: 'Baby clinic', code: 'harbour-baby' }],
    });
    await addSiteByHand(admin, base, {
      name: 'Hillside Children’s Centre',
      code: 'hillside-cc',
      kind: 'Children’s Centre',
      locality: 'Hillside',
      servicePoints: [{ name: 'Speech and language', code: 'hillside-salt' }],
    });
    const imported = await importSitesCsv(
      admin,
      base,
      [
        'provider_code,provider_name,site_code,site_name,kind,locality,ward,language,service_point_code,service_point_name',
        'bayside,Bayside Health,cove-hub,Cove Family Hub,Family Hub,Cove,Sands,en,cove-bumps,Bumps and babies',
      ].join('\n'),
    );
    expect(imported).toContain('Imported 1 site, 1 service point and 1 new provider');

    // A survey: a draft with a new question in English and Polish and a skip rule, previewed in
    // Arabic, published, and given to the imported site.
    await admin.goto(`${base}/admin/surveys`);
    await openNewDraftEditor(admin, 'Cove visits');
    await addTranslatedQuestionWithRule(admin, {
      en: 'Was the room easy to find?',
      pl: 'Czy łatwo było znaleźć salę?',
      answers: [
        ['Yes, easily', 'Tak, łatwo'],
        ['It took a while', 'Zajęło to chwilę'],
      ],
    });
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Save and preview' }).click();
    await admin.waitForURL(/#preview-h$/);
    await admin.getByLabel('Language').selectOption({ label: 'العربية' });
    await admin.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => admin.frameLocator('iframe.preview').locator('html').getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Publish', exact: true }).click();
    await admin.waitForURL(/done=live/);
    await useSurveyAtSite(admin, base, 'cove-hub', 'Cove visits');
    await admin.waitForURL(/done=survey/);

    // A commissioner for the first provider, invited by email through a real SMTP server.
    await invitePerson(admin, base, { name: 'Priya Shah', email: 'priya@seaview.example', role: 'Commissioner', place: 'Provider: Seaview Early Years' });
    const link = await invitationLinkFromInbox(inbox, 'priya@seaview.example');
    const commissioner = await (await browser.newContext(PHONE)).newPage();
    await choosePassword(commissioner, link, 'a long password Priya chose');
    await signIn(commissioner, base, 'priya@seaview.example', 'a long password Priya chose');
    await commissioner.waitForURL(/\/dashboard/);
    const sites = (await commissioner.locator('select#site option').allTextContents()).slice(1).sort();
    expect(sites).toEqual(['Harbour Family Hub', 'Hillside Children’s Centre']);
    expect(await axeViolations(commissioner)).toEqual([]);

    // A family at the new site's QR address answers the new survey.
    const family = await (await browser.newContext(PHONE)).newPage();
    // In Polish: the new question appears once the answer its rule names is chosen.
    await family.goto(`${base}/f/cove-bumps?lang=pl`);
    expect(await family.title()).toContain('Cove Family Hub');
    const roomQuestion = family.getByText('Czy łatwo było znaleźć salę?');
    expect(await roomQuestion.isVisible()).toBe(false);
    await family.getByLabel('Bardzo dobrze').check();
    await expect.poll(() => roomQuestion.isVisible()).toBe(true);
    await family.getByLabel('Tak, łatwo').check();
    await family.getByRole('button', { name: 'Wyślij opinię' }).click();
    await family.waitForURL(/\/f\/cove-bumps\/thanks/);
    const stored = (await storedResponses(server.db)).filter((r) => r.point_code === 'cove-bumps');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers).toMatchObject({ fft: 'veryGood', q1: 'yes-easily' });
    expect(stored[0]!.language).toBe('pl');
    const survey = await server.db.execute({
      sql: 'SELECT s.name FROM responses r JOIN survey_versions v ON v.id = r.survey_version_id JOIN surveys s ON s.id = v.survey_id WHERE r.id = ?',
      args: [String(stored[0]!.id)],
    });
    expect(survey.rows[0]!.name).toBe('Cove visits');
  });
});
