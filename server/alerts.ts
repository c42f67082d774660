/**
 * Safeguarding alerts: the moment a flag is committed, every safeguarding contact of the
 * organisation (its configured contacts and the users holding the safeguarding_lead role over the
 * site) gets an email and/or webhook. The alert carries no comment text, only a link, so a family's
 * words never sit in an inbox. A flag whose alert failed keeps `notified_at` empty and is retried.
 * When many flags arrive at once (a burst: more than ALERTS_PER_BURST in BURST_WINDOW_MS), the
 * rest wait a minute and go as one digest per contact, saying how many and linking to the queue,
 * and naming any code that sent a likely flood; every flag stays in the queue either way.
 */
import { and, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { FLOOD_WINDOW_MS, likelyFloods } from '../db/safeguarding';
import { alertDeliveries, organisations, responses, roleAssignments, safeguardingFlags, servicePoints, sites, users } from '../db/schema';
import type { Store } from '../db/store';
import type { MailMessage, Mailer } from './mail/mailer';
import { signWebhook } from './mail/webhook-signature';

export { logMailer, type MailMessage, type Mailer } from './mail/mailer';

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
export const categoriesInWords = (categories: readonly string[]) => categories.map((c) => CATEGORY_NAMES[c] ?? c.replace(/-/g, ' ')).join(', ');

/** A burst: more than this many alerts to one organisation within BURST_WINDOW_MS, and the rest wait for one digest. */
export const ALERTS_PER_BURST = 3;
export const BURST_WINDOW_MS = 10 * 60_000;

interface AlertFlag {
  id: string;
  urgency: string;
  categories: string[];
  createdAt: Date;
  siteId: string;
  siteName: string;
  providerId: string;
  organisationId: string;
  code: string;
  settings: { safeguardingContacts?: { email?: string; webhookUrl?: string; webhookSecret?: string }[] };
}

export class SafeguardingAlerts {
  private pending = new Set<Promise<void>>();
  /** Alerts go one at a time, so that a burst's first alerts are counted before its later ones decide whether to wait. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private deps: { store: Store; mailer: Mailer; publicUrl: string; now: () => Date; fetch?: typeof fetch }) {}

  /** Starts alerting for a flag without holding up the family's response. */
  dispatch(flagId: string): void {
    const work = (this.queue = this.queue
      .then(() => this.notify(flagId))
      .catch((error: unknown) => console.error(`safeguarding: alert for ${flagId} failed; will retry`, error)));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Resolves when every alert started so far has finished (for shutdown and tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** The flags with what an alert says of them; a meeting's flag has no response, and alerts all the same. */
  private async flags(where: SQL): Promise<AlertFlag[]> {
    return this.deps.store.db
      .select({
        id: safeguardingFlags.id,
        urgency: safeguardingFlags.urgency,
        categories: safeguardingFlags.categories,
        createdAt: safeguardingFlags.createdAt,
        siteId: sites.id,
        siteName: sites.name,
        providerId: sites.providerId,
        organisationId: sites.organisationId,
        settings: organisations.settings,
        code: sql<string>`coalesce(${servicePoints.code}, ${sites.code})`,
      })
      .from(safeguardingFlags)
      .innerJoin(sites, eq(sites.id, safeguardingFlags.siteId))
      .innerJoin(organisations, eq(organisations.id, sites.organisationId))
      .leftJoin(responses, eq(responses.id, safeguardingFlags.responseId))
      .leftJoin(servicePoints, eq(servicePoints.id, responses.servicePointId))
      .where(where)
      .orderBy(safeguardingFlags.createdAt);
  }

  /** Who is told of a flag: the organisation's contacts, and every safeguarding lead whose scope covers its site. */
  private async recipients(flags: AlertFlag[]): Promise<Map<string, AlertFlag[]>> {
    const leads = await this.deps.store.db
      .select({ email: users.email, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.role, 'safeguarding_lead'), eq(users.disabled, false)));
    const byEmail = new Map<string, AlertFlag[]>();
    for (const flag of flags) {
      const covering = leads.filter(
        (l) => l.scopeType === 'platform' || l.scopeId === flag.organisationId || l.scopeId === flag.providerId || l.scopeId === flag.siteId,
      );
      const contacts = flag.settings.safeguardingContacts ?? [];
      for (const email of new Set([...contacts.flatMap((c) => (c.email ? [c.email] : [])), ...covering.map((l) => l.email)])) {
        byEmail.set(email, [...(byEmail.get(email) ?? []), flag]);
      }
    }
    return byEmail;
  }

  /**
   * Alerts one flag, unless its organisation is in a burst (ALERTS_PER_BURST alerts already went
   * out within BURST_WINDOW_MS): then it stays un-notified and `retryPending`, a minute on, sends one
   * digest for every flag waiting, so a flood of flags is a handful of emails, not one each.
   */
  async notify(flagId: string): Promise<void> {
    const [flag] = await this.flags(and(eq(safeguardingFlags.id, flagId), isNull(safeguardingFlags.notifiedAt))!);
    if (!flag) return;
    const since = new Date(this.deps.now().getTime() - BURST_WINDOW_MS);
    const [recent] = await this.deps.store.db
      .select({ n: sql<number>`count(*)` })
      .from(safeguardingFlags)
      .where(and(eq(safeguardingFlags.organisationId, flag.organisationId), gte(safeguardingFlags.notifiedAt, since)));
    if (Number(recent?.n ?? 0) >= ALERTS_PER_BURST) return;
    await this.send([flag]);
  }

  /**
   * Sends one alert per contact for `flags` (one flag: the flag's own alert; more: a digest), then
   * marks them notified. Each recipient that took its alert is recorded (alert_deliveries) as it
   * does, so when another fails and the flags are retried, only those not yet told are told again.
   */
  private async send(flags: AlertFlag[]): Promise<void> {
    const { db } = this.deps.store;
    const delivered = await this.delivered(flags);
    const pending = (recipient: string, theirs: AlertFlag[]) => theirs.filter((f) => !delivered.has(`${f.id} ${recipient}`));
    const record = (recipient: string, theirs: AlertFlag[]) =>
      db
        .insert(alertDeliveries)
        .values(theirs.map((f) => ({ flagId: f.id, recipient, deliveredAt: this.deps.now() })))
        .onConflictDoNothing();
    const byEmail = await this.recipients(flags);
    const floods = flags.length > 1 ? await this.floods(flags) : [];
    const failures: unknown[] = [];
    for (const [to, all] of byEmail) {
      const theirs = pending(to, all);
      if (!theirs.length) continue;
      try {
        await this.deps.mailer.send({
          to,
          organisationId: theirs[0]!.organisationId,
          ...(theirs.length === 1 ? this.single(theirs[0]!) : this.digest(theirs, floods)),
        });
        await record(to, theirs);
      } catch (error) {
        failures.push(error);
      }
    }
    const webhooks = new Map<string, { secret: string | undefined; flags: AlertFlag[] }>();
    for (const flag of flags) {
      for (const contact of flag.settings.safeguardingContacts ?? []) {
        if (!contact.webhookUrl) continue;
        const entry = webhooks.get(contact.webhookUrl) ?? { secret: contact.webhookSecret, flags: [] };
        entry.flags.push(flag);
        webhooks.set(contact.webhookUrl, entry);
      }
    }
    for (const [url, { secret, flags: all }] of webhooks) {
      const theirs = pending(url, all);
      if (!theirs.length) continue;
      try {
        await this.postWebhook(url, secret, this.webhookBody(theirs, floods));
        await record(url, theirs);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length) throw failures.length === 1 ? failures[0] : new AggregateError(failures, `${failures.length} alert deliveries failed`);
    if (byEmail.size === 0 && webhooks.size === 0) {
      for (const flag of flags) console.error(`safeguarding: flag ${flag.id} at ${flag.siteName} has nobody to alert: add a safeguarding contact`);
      return;
    }
    await db
      .update(safeguardingFlags)
      .set({ notifiedAt: this.deps.now() })
      .where(
        inArray(
          safeguardingFlags.id,
          flags.map((f) => f.id),
        ),
      );
  }

  /** `flagId recipient` for every delivery already made for these flags. */
  private async delivered(flags: AlertFlag[]): Promise<Set<string>> {
    const rows = await this.deps.store.db
      .select({ flagId: alertDeliveries.flagId, recipient: alertDeliveries.recipient })
      .from(alertDeliveries)
      .where(
        inArray(
          alertDeliveries.flagId,
          flags.map((f) => f.id),
        ),
      );
    return new Set(rows.map((r) => `${r.flagId} ${r.recipient}`));
  }

  private webhookBody(theirs: AlertFlag[], floods: { code: string; count: number }[]) {
    const link = (flag: AlertFlag) => `${this.deps.publicUrl}/safeguarding/flags/${flag.id}`;
    return theirs.length === 1
      ? {
          type: 'safeguarding.flag',
          flagId: theirs[0]!.id,
          urgency: theirs[0]!.urgency,
          categories: theirs[0]!.categories,
          site: theirs[0]!.siteName,
          link: link(theirs[0]!),
        }
      : {
          type: 'safeguarding.flags',
          count: theirs.length,
          flags: theirs.map((f) => ({ flagId: f.id, urgency: f.urgency, categories: f.categories, site: f.siteName, link: link(f) })),
          likelyFlood: floods.map(({ code, count }) => ({ code, count })),
          link: `${this.deps.publicUrl}/safeguarding`,
        };
  }

  /** Posts a webhook, signed when the contact has a secret (server/mail/webhook-signature.ts); a non-2xx answer is a failure to retry. */
  async postWebhook(url: string, secret: string | undefined, payload: unknown): Promise<void> {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret) Object.assign(headers, await signWebhook(secret, body, this.deps.now()));
    const response = await (this.deps.fetch ?? fetch)(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`webhook ${url} answered ${response.status}`);
  }

  private single(flag: AlertFlag): Omit<MailMessage, 'to'> {
    const urgent = flag.urgency === 'immediate';
    return {
      subject: `${urgent ? 'URGENT: ' : ''}Safeguarding: possible disclosure at ${flag.siteName}`,
      text: [
        `A response left at ${flag.siteName} may disclose ${categoriesInWords(flag.categories)}.`,
        urgent ? 'It reads as a present risk: please review it now.' : 'It may describe a past risk: please review it today.',
        '',
        `Review it here (sign-in needed): ${this.deps.publicUrl}/safeguarding/flags/${flag.id}`,
        '',
        'This email deliberately does not contain what the family wrote.',
        `Flag: ${flag.id}`,
      ].join('\n'),
    };
  }

  /** One email for many flags: how many, where, how many read as a present risk, any likely flood, and the queue's link. */
  private digest(flags: AlertFlag[], floods: { code: string; count: number }[]): Omit<MailMessage, 'to'> {
    const urgent = flags.filter((f) => f.urgency === 'immediate').length;
    const siteNames = [...new Set(flags.map((f) => f.siteName))];
    const mine = new Set(flags.map((f) => f.code));
    const theirFloods = floods.filter((f) => mine.has(f.code));
    return {
      subject: `${urgent ? 'URGENT: ' : ''}Safeguarding: ${flags.length} possible disclosures${theirFloods.length ? ' (likely flood)' : ''}`,
      text: [
        `${flags.length} responses left at ${siteNames.length === 1 ? siteNames[0] : `${siteNames.length} sites (${siteNames.join(', ')})`} may disclose harm.`,
        urgent
          ? `${urgent} of them ${urgent === 1 ? 'reads' : 'read'} as a present risk: please review ${urgent === 1 ? 'it' : 'them'} now.`
          : 'They may describe past risks: please review them today.',
        ...theirFloods.map(
          ({ code, count }) =>
            `Likely flood: ${count} flags came from the code ${code} within ${FLOOD_WINDOW_MS / 60_000} minutes, which looks like one person or a script. Every flag is still in the queue: a real disclosure may be among them.`,
        ),
        '',
        `Review them here, present risks and the oldest first (sign-in needed): ${this.deps.publicUrl}/safeguarding`,
        '',
        'This email deliberately does not contain what the families wrote.',
      ].join('\n'),
    };
  }

  /** The codes of `flags`' sites that sent a likely flood since shortly before the first of them. */
  private floods(flags: AlertFlag[]) {
    const since = new Date(Math.min(...flags.map((f) => f.createdAt.getTime())) - FLOOD_WINDOW_MS);
    return likelyFloods(this.deps.store.db, { siteIds: [...new Set(flags.map((f) => f.siteId))], since });
  }

  /** Alerts every flag still un-notified a minute after it was raised (a burst's digest, a crash, a mail outage): one alert per contact per organisation. */
  async retryPending(): Promise<number> {
    const cutoff = new Date(this.deps.now().getTime() - 60_000);
    const stale = await this.flags(and(isNull(safeguardingFlags.notifiedAt), lt(safeguardingFlags.createdAt, cutoff))!);
    const byOrganisation = new Map<string, AlertFlag[]>();
    for (const flag of stale) byOrganisation.set(flag.organisationId, [...(byOrganisation.get(flag.organisationId) ?? []), flag]);
    for (const [organisationId, flags] of byOrganisation) {
      await this.send(flags).catch((error: unknown) =>
        console.error(`safeguarding: alert for ${flags.length} flags of ${organisationId} failed; will retry`, error),
      );
    }
    return stale.length;
  }
}
