/**
 * Setting up a council in the browser, step by step, as its first admin would: reusable by any
 * browser test that starts from an empty hubvoice (SEED=none). Each step uses only the pages.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn as signInHere } from './people-steps';

/** Opens `next` (a signed-out visitor is sent to sign-in and back) and signs in there. */
export async function signIn(page: Page, base: string, email: string, password: string, next = '/dashboard') {
  await page.goto(`${base}${next}`);
  await signInHere(page, base, email, password);
}

/** From the first sign-in of an empty hubvoice: the organisation and its first provider. */
export async function createOrganisationAndProvider(page: Page, organisation: { name: string; slug: string }, provider: { name: string; code: string }) {
  await page.waitForURL(/\/admin\/sites/);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Set up hubvoice');
  await page.getByLabel('Organisation name').fill(organisation.name);
  await page.getByLabel('Short name').fill(organisation.slug);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByLabel('Provider name').fill(provider.name);
  await page.getByLabel('Provider code').fill(provider.code);
  await page.getByRole('button', { name: 'Add provider' }).click();
  await page.waitForURL(/done=provider/);
}

export interface SiteByHand {
  name: string;
  code: string;
  kind: 'Family Hub' | 'Children’s Centre' | 'Outreach venue';
  locality: string;
  ward?: string;
  servicePoints: { name: string; code: string }[];
}

/** Adds a site on /admin/sites, then its service points on the site's own page. */
export async function addSiteByHand(page: Page, base: string, site: SiteByHand) {
  await page.goto(`${base}/admin/sites`);
  await page.getByLabel('Site name').fill(site.name);
  await page.getByLabel('Form code').fill(site.code);
  await page.getByLabel('Kind of site').selectOption({ label: site.kind });
  await page.getByLabel('Locality').fill(site.locality);
  if (site.ward) await page.getByLabel('Ward (optional)').fill(site.ward);
  await page.getByRole('button', { name: 'Add site' }).click();
  await page.waitForURL(new RegExp(`/admin/sites/${site.code}\\?done=site`));
  for (const point of site.servicePoints) {
    await page.getByLabel('Service point name').fill(point.name);
    await page.locator('#pointCode').fill(point.code);
    await page.getByRole('button', { name: 'Add service point' }).click();
    await page.waitForURL(/done=point/);
  }
}

/** Imports sites from CSV pasted on /admin/sites; returns the page's import report text. */
export async function importSitesCsv(page: Page, base: string, csv: string): Promise<string> {
  await page.goto(`${base}/admin/sites`);
  await page.getByLabel('Or paste the CSV here').fill(csv);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Import result' }).waitFor();
  return (await page.locator('section[aria-labelledby="import-result"]').textContent()) ?? '';
}

/** Chooses the survey a site uses on its page (by its label in the list). */
export async function useSurveyAtSite(page: Page, base: string, siteCode: string, surveyLabel: string) {
  await page.goto(`${base}/admin/sites/${siteCode}`);
  await page.getByLabel('Which survey families answer here').selectOption({ label: surveyLabel });
  await page.getByRole('button', { name: 'Use this survey' }).click();
}

/** From the surveys list: a new draft, then its editor, waiting for the editor's script to take over. */
export async function openNewDraftEditor(page: Page, name: string) {
  await page.getByLabel('Survey name').fill(name);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/done=created/);
  await page.getByRole('link', { name: 'Edit questions and translations' }).click();
  await page.waitForURL(/\/edit$/);
  await page.getByRole('button', { name: 'Save and preview' }).waitFor();
}

/**
 * In the editor: a "Choose one" question on page 1 asked in English and Polish, shown only when
 * the Friends and Family Test answer is "Very good". Returns the card.
 */
export async function addTranslatedQuestionWithRule(page: Page, words: { en: string; pl: string; answers: [string, string][] }) {
  await page.getByLabel('New question on page 1').selectOption({ label: 'Choose one' });
  await page.getByRole('button', { name: 'Add question' }).first().click();
  const card = page.locator('.ed-page').first().locator('.ed-q').last();
  const question = card.getByRole('group', { name: 'Question', exact: true });
  await question.getByLabel('English').fill(words.en);
  await question.getByLabel('Polski').fill(words.pl);
  for (const [i, [en, pl]] of words.answers.entries()) {
    const answer = card.getByRole('group', { name: `Answer ${i + 1}`, exact: true });
    await answer.getByLabel('English').fill(en);
    await answer.getByLabel('Polski').fill(pl);
  }
  await card.getByRole('button', { name: 'Ask only if…' }).click();
  await card.getByLabel('Test 1: question').selectOption({ label: 'Overall, how was your experience of our service?' });
  return card;
}
