/**
 * Safeguarding alerts: the moment a flag is committed, every safeguarding contact of the
 * organisation (its configured contacts and the users holding the safeguarding_lead role over the
 * site) gets an email and/or webhook. The alert carries no comment text, only a link, so a family's
 * words never sit in an inbox. A flag whose alert failed keeps `notified_at` empty and is retried.
 */
import { and, eq, isNull, lt } from 'drizzle-orm';
import { roleAssignments, safeguardingFlags, sites, users, organisations } from '../db/schema';
import type { Store } from '../db/store';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** For runtimes without SMTP: says who would have been mailed, never what the family wrote. */
export const logMailer: Mailer = {
  async send(message) {
    console.warn(`mail (no SMTP_URL configured) to ${message.to}: ${message.subject}`);
  },
};

/** Plain words for detector categories (analysis/text/safeguarding.ts), for alerts and the staff pages. */
export const CATEGORY_NAMES: Record<string, string> = {
  'child-harm': 'harm to a child',
  'domestic-abuse': 'domestic abuse',
  'self-harm-suicide': 'self-harm or suicide risk',
  neglect: 'neglect',
  'sexual-abuse-exploitation': 'sexual abuse or exploitation',
  homelessness: 'a family homeless or about to be',
};

/** A flag's categories in plain words, as alerts and the safeguarding pages say them. */
export const categoriesInWords = (categories: readonly string[]) =>
  categories.map((c) => CATEGORY_NAMES[c] ?? c.replace(/-/g, ' ')).join(', ');

export class SafeguardingAlerts {
  private pending = new Set<Promise<void>>();

  constructor(
    private deps: { store: Store; mailer: Mailer; publicUrl: string; now: () => Date; fetch?: typeof fetch },
  ) {}

  /** Starts alerting for a flag without holding up the family's response. */
  dispatch(flagId: string): void {
    const work = this.notify(flagId).catch((error: unknown) => console.error(`safeguarding: alert for ${flagId} failed; will retry`, error));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Resolves when every alert started so far has finished (for shutdown and tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async notify(flagId: string): Promise<void> {
    const { db } = this.deps.store;
    const [flag] = await db
      .select({ id: safeguardingFlags.id, urgency: safeguardingFlags.urgency, categories: safeguardingFlags.categories, notifiedAt: safeguardingFlags.notifiedAt,
        siteId: sites.id, siteName: sites.name, providerId: sites.providerId, organisationId: sites.organisationId, settings: organisations.settings })
      .from(safeguardingFlags)
      .innerJoin(sites, eq(sites.id, safeguardingFlags.siteId))
      .innerJoin(organisations, eq(organisations.id, sites.organisationId))
      .where(eq(safeguardingFlags.id, flagId));
    if (!flag || flag.notifiedAt) return;
    const leads = await db
      .select({ email: users.email, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.role, 'safeguarding_lead'), eq(users.disabled, false)));
    const covering = leads.filter((l) =>
      l.scopeType === 'platform' || l.scopeId === flag.organisationId || l.scopeId === flag.providerId || l.scopeId === flag.siteId,
    );
    const contacts = flag.settings.safeguardingContacts ?? [];
    const emails = new Set([...contacts.flatMap((c) => (c.email ? [c.email] : [])), ...covering.map((l) => l.email)]);
    const link = `${this.deps.publicUrl}/safeguarding/flags/${flag.id}`;
    const what = categoriesInWords(flag.categories);
    const urgent = flag.urgency === 'immediate';
    const subject = `${urgent ? 'URGENT: ' : ''}Safeguarding: possible disclosure at ${flag.siteName}`;
    const text = [
      `A response left at ${flag.siteName} may disclose ${what}.`,
      urgent ? 'It reads as a present risk: please review it now.' : 'It may describe a past risk: please review it today.',
      '',
      `Review it here (sign-in needed): ${link}`,
      '',
      'This email deliberately does not contain what the family wrote.',
      `Flag: ${flag.id}`,
    ].join('\n');
    for (const to of emails) await this.deps.mailer.send({ to, subject, text });
    for (const contact of contacts) {
      if (!contact.webhookUrl) continue;
      const response = await (this.deps.fetch ?? fetch)(contact.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'safeguarding.flag', flagId: flag.id, urgency: flag.urgency, categories: flag.categories, site: flag.siteName, link }),
      });
      if (!response.ok) throw new Error(`webhook ${contact.webhookUrl} answered ${response.status}`);
    }
    if (emails.size === 0 && !contacts.some((c) => c.webhookUrl)) {
      console.error(`safeguarding: flag ${flag.id} at ${flag.siteName} has nobody to alert: add a safeguarding contact`);
      return;
    }
    await db.update(safeguardingFlags).set({ notifiedAt: this.deps.now() }).where(eq(safeguardingFlags.id, flag.id));
  }

  /** Alerts every flag still un-notified a minute after it was raised (a crash, a mail outage). */
  async retryPending(): Promise<number> {
    const { db } = this.deps.store;
    const cutoff = new Date(this.deps.now().getTime() - 60_000);
    const stale = await db
      .select({ id: safeguardingFlags.id })
      .from(safeguardingFlags)
      .where(and(isNull(safeguardingFlags.notifiedAt), lt(safeguardingFlags.createdAt, cutoff)));
    for (const { id } of stale) await this.notify(id).catch((error: unknown) => console.error(`safeguarding: retry for ${id} failed`, error));
    return stale.length;
  }
}
