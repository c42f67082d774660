/**
 * The single source of truth for hubvoice's store (SQLite dialect, run on libSQL).
 * Migrations in db/migrations are generated from this file by `npm run db:generate`.
 *
 * Tenancy: organisation (a council) → providers → sites → service points. Every row that belongs
 * to a tenant carries `organisation_id` so scoping is one indexed predicate.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CHANNELS, RESPONDENT_ROLES, type Channel, type RespondentRole } from '../survey/respondents';
import type { LocalSupportLine } from '../survey/support';

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** JSON: OrganisationSettings (allowed widget origins, safeguarding contacts, retention). */
  settings: text('settings', { mode: 'json' }).$type<OrganisationSettings>().notNull().default(sql`'{}'`),
  defaultSurveyId: text('default_survey_id'),
  createdAt: createdAt(),
});

export interface OrganisationSettings {
  /** Origins allowed to embed the widget and call the public API; ["*"] allows any. */
  allowedOrigins?: string[];
  safeguardingContacts?: SafeguardingContact[];
  /** Days an unredacted comment is kept before only its redacted form remains. */
  retentionDays?: number;
  defaultLanguage?: string;
  /** The site or service-point code of the organisation's general feedback form, offered when a code is wrong. */
  generalFormCode?: string;
  /** The organisation's own help lines (children's services front door, MASH), shown after a possible disclosure. */
  supportLines?: LocalSupportLine[];
  /** The wording of the free-text follow-up asked after the FFT question (the provider's choice, NHS England). */
  followUpWording?: string;
  /** The organisation's accent colour on forms and posters, `#rrggbb`, checked to WCAG AA against white. */
  accentColour?: string;
  /** The organisation's logo on forms and posters: a PNG, JPEG or SVG, base64, small. */
  logo?: { type: 'image/png' | 'image/jpeg' | 'image/svg+xml'; base64: string };
}

/** Who is told of a safeguarding flag: an email address, a webhook (signed with its secret), or both. */
export interface SafeguardingContact {
  name?: string;
  email?: string;
  webhookUrl?: string;
  /** `whsec_` + base64: the key webhook requests are signed with (Standard Webhooks). */
  webhookSecret?: string;
}

export const providers = sqliteTable(
  'providers',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Set when archived: kept for its responses, gone from lists and forms. */
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('providers_org_code').on(t.organisationId, t.code)],
);

export const SITE_KINDS = ['family_hub', 'childrens_centre', 'outreach'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const sites = sqliteTable(
  'sites',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    providerId: text('provider_id')
      .notNull()
      .references(() => providers.id),
    /** Short, URL-safe, unique across sites and service points: the `{code}` in /f/{code}. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: SITE_KINDS }).notNull(),
    locality: text('locality').notNull(),
    ward: text('ward'),
    defaultLanguage: text('default_language').notNull().default('en'),
    surveyId: text('survey_id'),
    /** Set when archived: kept for its responses, gone from lists and forms. */
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('sites_org').on(t.organisationId), index('sites_provider').on(t.providerId)],
);

export const servicePoints = sqliteTable(
  'service_points',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    surveyId: text('survey_id'),
    /** Set when archived: kept for its responses, gone from lists and forms. */
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('service_points_site').on(t.siteId)],
);

export const surveys = sqliteTable('surveys', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  status: text('status', { enum: ['draft', 'live', 'closed'] })
    .notNull()
    .default('live'),
  currentVersionId: text('current_version_id'),
  createdAt: createdAt(),
  /**
   * Changes being edited, not yet published (JSON, a valid definition): families keep answering the
   * current version until publishing writes this as the next one. `draftRevision` counts saves, so
   * an editor saving over someone else's newer save is refused rather than losing their work.
   */
  draftDefinition: text('draft_definition'),
  draftRevision: integer('draft_revision').notNull().default(0),
  draftSavedAt: integer('draft_saved_at', { mode: 'timestamp_ms' }),
  draftSavedBy: text('draft_saved_by'),
});

/** Definitions are immutable: editing a live survey writes a new version, so every response
 * records exactly the questions it answered. */
export const surveyVersions = sqliteTable(
  'survey_versions',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    version: integer('version').notNull(),
    /** JSON: SurveyDefinition (survey/survey-schema.ts), validated on save and on load. */
    definition: text('definition').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_versions_survey_version').on(t.surveyId, t.version)],
);

export { CHANNELS, RESPONDENT_ROLES, type Channel, type RespondentRole };

export const responses = sqliteTable(
  'responses',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    surveyVersionId: text('survey_version_id')
      .notNull()
      .references(() => surveyVersions.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    servicePointId: text('service_point_id').references(() => servicePoints.id),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    language: text('language').notNull(),
    respondentRole: text('respondent_role', { enum: RESPONDENT_ROLES }),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** SHA-256 of what was submitted under the key: the same key with other answers is a conflict, never a silent repeat. */
    bodyHash: text('body_hash'),
    /** The FFT answer as 1..6 (Very good … Very poor, Don't know), denormalised from `answers`
     * so satisfaction reports are one indexed GROUP BY over integers. */
    fft: integer('fft'),
    /** The first 1-5 rating answer, denormalised for the same reason. */
    rating: real('rating'),
    /** The first 0-10 likelihood-to-recommend answer, for NPS where a survey asks it. */
    nps: integer('nps'),
    /** JSON: { [questionId]: value } — everything except equality monitoring and free text (kept in `comments`). */
    answers: text('answers').notNull(),
  },
  (t) => [
    uniqueIndex('responses_org_idempotency').on(t.organisationId, t.idempotencyKey),
    // Every index costs each submission a B-tree insert, so none stays that no query reads: reports
    // and housekeeping find responses and comments by site (a scope is a set of sites), not by organisation.
    // Reports read these two covering indexes, never the wide rows: by site, the GROUP BY streams
    // in index order with no sort; by period, channel, language or role, the date range is one seek.
    index('responses_site_report').on(t.siteId, t.submittedAt, t.fft, t.rating),
    // Ratings and NPS are asked by few surveys: their distributions come from this small partial
    // index rather than from 16 more sums over every response.
    index('responses_scored').on(t.siteId, t.submittedAt, t.rating, t.nps).where(sql`rating IS NOT NULL OR nps IS NOT NULL`),
    // Its last column, the id, lets equality monitoring be joined without reading each response's row.
    index('responses_report').on(t.submittedAt, t.siteId, t.servicePointId, t.channel, t.language, t.respondentRole, t.fft, t.rating, t.nps, t.id),
  ],
);

/** Equality-monitoring answers, kept apart from the feedback itself so that access to them can be
 * narrower and they can be dropped without touching what the family said. */
export const responseDemographics = sqliteTable(
  'response_demographics',
  {
    responseId: text('response_id')
      .primaryKey()
      .references(() => responses.id),
    relationship: text('relationship'),
    childAgeBand: text('child_age_band'),
    ethnicity: text('ethnicity'),
    disability: text('disability'),
    firstLanguage: text('first_language'),
    postcodeDistrict: text('postcode_district'),
  },
  (t) => [
    // Equity reports join each response to its answers here: this covering index answers the join
    // in one B-tree descent instead of two (the key's, then the row's).
    index('response_demographics_report').on(t.responseId, t.relationship, t.childAgeBand, t.ethnicity, t.disability, t.firstLanguage, t.postcodeDistrict),
  ],
);

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /**
   * The organisation whose admins manage this account; null for platform accounts, which only a
   * platform admin manages. Set from the account's first role.
   */
  organisationId: text('organisation_id'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  /** When the account last signed in; null until it has. */
  lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }),
});

export const ROLES = ['admin', 'commissioner', 'provider_manager', 'site_staff', 'analyst', 'safeguarding_lead'] as const;
export type Role = (typeof ROLES)[number];
export const SCOPE_TYPES = ['platform', 'organisation', 'provider', 'site'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export const roleAssignments = sqliteTable(
  'role_assignments',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
    scopeType: text('scope_type', { enum: SCOPE_TYPES }).notNull(),
    /** The organisation, provider or site id; null for platform scope. */
    scopeId: text('scope_id'),
    createdAt: createdAt(),
  },
  (t) => [index('role_assignments_user').on(t.userId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the bearer token: a stolen database does not yield live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    userId: text('user_id'),
    organisationId: text('organisation_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_org_at').on(t.organisationId, t.at)],
);

/**
 * Free-text answers, one row per comment, with the tagger's reading of them. `text` is the original
 * (kept only as long as the organisation's retention allows; safeguarding leads only); everyone
 * else reads `redacted`.
 */
export const comments = sqliteTable(
  'comments',
  {
    id: text('id').primaryKey(),
    /** The response the family wrote it in; null for a meeting's notes and quotes. */
    responseId: text('response_id').references(() => responses.id),
    /** The meeting whose notes or quotes it is (focus groups, forums, consultations); null for a family's own comment. */
    meetingId: text('meeting_id').references(() => meetings.id),
    organisationId: text('organisation_id').notNull(),
    siteId: text('site_id').notNull(),
    /** The question answered; for a meeting, 'notes' or 'quote'. */
    questionId: text('question_id').notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    language: text('language').notNull(),
    text: text('text'),
    redacted: text('redacted').notNull(),
    sentiment: integer('sentiment').notNull(),
    /** JSON: [{ theme, score, sentiment? }]; a mention's own sentiment where the comment is mixed. */
    themes: text('themes', { mode: 'json' }).$type<{ theme: string; score: number; sentiment?: number }[]>().notNull(),
    modelVersion: text('model_version').notNull(),
  },
  (t) => [
    index('comments_site_submitted').on(t.siteId, t.submittedAt),
    // The themes report reads the newest comments across every site for its quotes: walking this
    // backwards stops after them, where the per-site index must gather and sort a whole year
    // (450 ms for 10,000 of a year's 900,000 comments; 140 ms this way).
    index('comments_submitted').on(t.submittedAt),
    index('comments_response').on(t.responseId),
    // Meetings' words are few beside families': the themes report counts them from this small index, not theme_days.
    index('comments_meeting').on(t.siteId, t.submittedAt).where(sql`meeting_id IS NOT NULL`),
  ],
);

/**
 * Families' comments (not meetings' notes) counted per site, UTC day and theme, so the themes report counts a year of comments
 * without reading each one. Kept in step with `comments` in the same transaction by every write
 * that adds comments or changes their themes (db/theme-days.ts). The row with theme '' counts the
 * comments themselves; a theme's row counts its mentions. Both split by sentiment (a mention's
 * own, else its comment's).
 */
export const themeDays = sqliteTable(
  'theme_days',
  {
    siteId: text('site_id').notNull(),
    /** Days since 1970-01-01, UTC. */
    day: integer('day').notNull(),
    theme: text('theme').notNull(),
    mentions: integer('mentions').notNull(),
    negative: integer('negative').notNull(),
    positive: integer('positive').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.day, t.theme] }),
    // The themes report sums a range of days over every site: by day first, with the counts in the
    // index, it reads no table rows (a year and the year before: 215 ms -> 55 ms on the bench).
    index('theme_days_report').on(t.day, t.siteId, t.theme, t.mentions, t.negative, t.positive),
  ],
);

/** theme_days summed by calendar month, kept by triggers on theme_days (migration 0024), as response_months is. */
export const themeMonths = sqliteTable(
  'theme_months',
  {
    siteId: text('site_id').notNull(),
    /** The month's first day, as days since 1970-01-01 UTC. */
    month: integer('month').notNull(),
    theme: text('theme').notNull(),
    mentions: integer('mentions').notNull(),
    negative: integer('negative').notNull(),
    positive: integer('positive').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.siteId, t.theme] })],
);

/** The counts response_days and response_months hold for each row, as `countResponses` returns them. */
const responseCounts = () => ({
  n: integer('n').notNull(),
  f1: integer('f1').notNull(),
  f2: integer('f2').notNull(),
  f3: integer('f3').notNull(),
  f4: integer('f4').notNull(),
  f5: integer('f5').notNull(),
  f6: integer('f6').notNull(),
  ratingSum: real('rating_sum').notNull(),
  ratingCount: integer('rating_count').notNull(),
  r1: integer('r1').notNull(),
  r2: integer('r2').notNull(),
  r3: integer('r3').notNull(),
  r4: integer('r4').notNull(),
  r5: integer('r5').notNull(),
  p0: integer('p0').notNull(),
  p1: integer('p1').notNull(),
  p2: integer('p2').notNull(),
  p3: integer('p3').notNull(),
  p4: integer('p4').notNull(),
  p5: integer('p5').notNull(),
  p6: integer('p6').notNull(),
  p7: integer('p7').notNull(),
  p8: integer('p8').notNull(),
  p9: integer('p9').notNull(),
  p10: integer('p10').notNull(),
});

/**
 * Responses counted per site, UTC day, dimension and key, so satisfaction and equity reports sum a
 * year's days rather than scan a year's responses (issue 15). Kept in step with `responses` in the
 * same transaction by both writers (db/response-days.ts). `dim` '' counts every response (by site
 * and day: site, provider, locality, ward, organisation, week, month, quarter); each other dim
 * (servicePoint, channel, language, role and the equality answers) counts the responses that
 * have a value for it under that value, each per survey version (for reports filtered by survey). Its '' (not answered) is the total less the rest, so a
 * response without equality answers adds one row, not six. Columns as `countResponses` returns.
 */
export const responseDays = sqliteTable(
  'response_days',
  {
    dim: text('dim').notNull(),
    siteId: text('site_id').notNull(),
    /** Days since 1970-01-01, UTC. */
    day: integer('day').notNull(),
    key: text('key').notNull(),
    /** The survey version answered, so a report filtered by survey sums its rows too. */
    surveyVersionId: text('survey_version_id').notNull(),
    ...responseCounts(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.siteId, t.day, t.key, t.surveyVersionId] })],
);

/**
 * response_days summed by calendar month, so a year's report reads twelve months' rows rather than
 * 365 days' (issue 15: the dashboard no slower than one scan of the year's responses). Never
 * written by the application: triggers on response_days (migration 0024) add each change of a
 * day's row to its month's, in the same statement, so the two cannot drift.
 */
export const responseMonths = sqliteTable(
  'response_months',
  {
    dim: text('dim').notNull(),
    siteId: text('site_id').notNull(),
    /** The month's first day, as days since 1970-01-01 UTC (so the same calendar helpers read it). */
    month: integer('month').notNull(),
    key: text('key').notNull(),
    surveyVersionId: text('survey_version_id').notNull(),
    ...responseCounts(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.siteId, t.month, t.key, t.surveyVersionId] })],
);

/** A commissioner's correction of a comment's themes: training data for the council's own model. */
export const themeCorrections = sqliteTable('theme_corrections', {
  id: text('id').primaryKey(),
  organisationId: text('organisation_id').notNull(),
  commentId: text('comment_id')
    .notNull()
    .references(() => comments.id),
  themes: text('themes', { mode: 'json' }).$type<string[]>().notNull(),
  userId: text('user_id').notNull(),
  createdAt: createdAt(),
});

export const SAFEGUARDING_URGENCIES = ['immediate', 'priority'] as const;
export const SAFEGUARDING_STATUSES = ['open', 'in_review', 'closed'] as const;

/** A possible disclosure of harm. Never only an aggregate: each one is a case a person reviews. */
export const safeguardingFlags = sqliteTable(
  'safeguarding_flags',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull(),
    /** The response holding the words; null when they are a meeting's notes. */
    responseId: text('response_id').references(() => responses.id),
    /** The meeting whose notes or quotes hold the words; null for a family's response. */
    meetingId: text('meeting_id').references(() => meetings.id),
    siteId: text('site_id').notNull(),
    categories: text('categories', { mode: 'json' }).$type<string[]>().notNull(),
    urgency: text('urgency', { enum: SAFEGUARDING_URGENCIES }).notNull(),
    status: text('status', { enum: SAFEGUARDING_STATUSES }).notNull().default('open'),
    createdAt: createdAt(),
    notifiedAt: integer('notified_at', { mode: 'timestamp_ms' }),
    reviewedBy: text('reviewed_by'),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
    actionTaken: text('action_taken'),
  },
  (t) => [
    index('safeguarding_flags_org_status').on(t.organisationId, t.status, t.createdAt),
    // For "is this comment's response under an open flag?", asked of every comment a report or drill-down reads.
    index('safeguarding_flags_response').on(t.responseId, t.status),
    index('safeguarding_flags_meeting').on(t.meetingId, t.status),
  ],
);

/**
 * Every review of a flag, oldest first: who, when, where it stood after, and what was done. The
 * flag's own status, reviewed_by, reviewed_at and action_taken keep the latest, for the queue.
 */
export const safeguardingReviews = sqliteTable(
  'safeguarding_reviews',
  {
    id: text('id').primaryKey(),
    flagId: text('flag_id')
      .notNull()
      .references(() => safeguardingFlags.id),
    status: text('status', { enum: SAFEGUARDING_STATUSES }).notNull(),
    actionTaken: text('action_taken').notNull(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('safeguarding_reviews_flag').on(t.flagId, t.reviewedAt)],
);

/** "You said, we did": what families asked for and what changed, shown on posters and thank-you pages. */
export const actions = sqliteTable(
  'actions',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Null: applies to every site of the organisation. */
    siteId: text('site_id').references(() => sites.id),
    youSaid: text('you_said', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    weDid: text('we_did', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    /** Theme ids (the organisation's theme model) the action answers. */
    themes: text('themes', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** When the change happened or happens (YYYY-MM-DD), as families are told it. */
    changedOn: text('changed_on'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('actions_org_site').on(t.organisationId, t.siteId, t.publishedAt)],
);

/**
 * Where an action is shown: sites (every form of the site) or single service points. An action
 * with places is shown only there; one without any keeps the older rule of `actions.site_id`
 * (that site, or null: every site of the organisation).
 */
export const actionPlaces = sqliteTable(
  'action_places',
  {
    actionId: text('action_id')
      .notNull()
      .references(() => actions.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    /** Null: the whole site. */
    servicePointId: text('service_point_id').references(() => servicePoints.id),
  },
  (t) => [index('action_places_site').on(t.siteId, t.actionId), index('action_places_action').on(t.actionId)],
);

/** An organisation's theme model (JSON, as `analysis/text` reads it), versioned; the newest is live. */
export const themeModels = sqliteTable(
  'theme_models',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    version: integer('version').notNull(),
    source: text('source', { enum: ['uploaded', 'corrections'] }).notNull(),
    model: text('model').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('theme_models_org_version').on(t.organisationId, t.version)],
);

/**
 * Single-use links that set a password: an invitation to a new account, or a reset. Only the
 * SHA-256 of the token is kept, so the table does not yield working links.
 */
export const passwordTokens = sqliteTable(
  'password_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose', { enum: ['invitation', 'reset'] }).notNull(),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('password_tokens_user').on(t.userId)],
);

/**
 * Mail kept instead of sent while no SMTP server is configured, shown on the outbox page so a
 * council can run hubvoice (and a demo can work) offline.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    /** The organisation the message is about, so its admins see it; null for platform mail. */
    organisationId: text('organisation_id'),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('mail_outbox_created').on(t.createdAt)],
);

/**
 * Which recipient (an email address, or a webhook URL) has been told of which safeguarding flag,
 * so a retry after a partial failure tells only those who were not.
 */
export const alertDeliveries = sqliteTable(
  'alert_deliveries',
  {
    flagId: text('flag_id').notNull(),
    recipient: text('recipient').notNull(),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.flagId, t.recipient] })],
);

/** The kinds of panel a council runs (issue 14): the Start for Life parent and carer panel, Maternity Voices, the Parent Carer Forum. */
export const PANEL_KINDS = ['start_for_life', 'maternity_voices', 'parent_carer_forum', 'other'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

/** A standing group of parents and carers an organisation asks again and again (waves). */
export const panels = sqliteTable(
  'panels',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: PANEL_KINDS }).notNull(),
    /** The site panel answers are counted under in the organisation's reports. */
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    createdAt: createdAt(),
  },
  (t) => [index('panels_org').on(t.organisationId)],
);

/**
 * A panel member. Nothing here says who they are: contact details live sealed in `panel_contacts`,
 * and answers are linked only through `pseudonym`, the stable id analysts see.
 */
export const panelMembers = sqliteTable(
  'panel_members',
  {
    id: text('id').primaryKey(),
    panelId: text('panel_id')
      .notNull()
      .references(() => panels.id),
    organisationId: text('organisation_id').notNull(),
    pseudonym: text('pseudonym').notNull().unique(),
    language: text('language').notNull().default('en'),
    consentedAt: integer('consented_at', { mode: 'timestamp_ms' }).notNull(),
    /** The version of the consent wording the member was shown. */
    consentVersion: text('consent_version').notNull(),
    /** Set when the member unsubscribes or withdraws: no more messages. */
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('panel_members_panel').on(t.panelId)],
);

/** A member's name, email and mobile, sealed with AES-GCM (server/contact-crypto.ts); deleted on erasure. */
export const panelContacts = sqliteTable('panel_contacts', {
  memberId: text('member_id')
    .primaryKey()
    .references(() => panelMembers.id),
  /** `{keyId}.{iv}.{ciphertext}`, base64url. */
  sealed: text('sealed').notNull(),
  hasEmail: integer('has_email', { mode: 'boolean' }).notNull(),
  hasPhone: integer('has_phone', { mode: 'boolean' }).notNull(),
});

/** A member's child: birth or due month only (never a full date), and whether they have SEND. */
export const panelChildren = sqliteTable(
  'panel_children',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => panelMembers.id),
    /** YYYY-MM */
    month: text('month').notNull(),
    expected: integer('expected', { mode: 'boolean' }).notNull(),
    send: integer('send', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('panel_children_member').on(t.memberId)],
);

export const WAVE_STATUSES = ['draft', 'open', 'closed'] as const;

/** One round of asking a panel: a survey, optionally only members at some life stages, open and close dates. */
export const panelWaves = sqliteTable(
  'panel_waves',
  {
    id: text('id').primaryKey(),
    panelId: text('panel_id')
      .notNull()
      .references(() => panels.id),
    organisationId: text('organisation_id').notNull(),
    name: text('name').notNull(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    /** JSON: life stages targeted (survey/life-stage.ts); null asks everyone. */
    stages: text('stages', { mode: 'json' }).$type<string[] | null>(),
    opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
    closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
    reminderLimit: integer('reminder_limit').notNull(),
    reminderGapDays: integer('reminder_gap_days').notNull(),
    status: text('status', { enum: WAVE_STATUSES }).notNull().default('draft'),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('panel_waves_panel').on(t.panelId, t.opensAt)],
);

/** A member asked in a wave: when, how often reminded, whether they answered (not what: see wave_answers). */
export const waveInvitations = sqliteTable(
  'wave_invitations',
  {
    id: text('id').primaryKey(),
    waveId: text('wave_id')
      .notNull()
      .references(() => panelWaves.id),
    /** Null once the member is erased. */
    memberId: text('member_id'),
    language: text('language').notNull(),
    /** JSON: the member's life stages on the day they were asked, for response rates per stage. */
    stages: text('stages', { mode: 'json' }).$type<string[]>().notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
    reminders: integer('reminders').notNull().default(0),
    lastSentAt: integer('last_sent_at', { mode: 'timestamp_ms' }).notNull(),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('wave_invitations_wave').on(t.waveId), index('wave_invitations_member').on(t.memberId)],
);

/** The personal links of an invitation (the first message's and each reminder's), each stored only as its SHA-256. */
export const waveLinks = sqliteTable(
  'wave_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    invitationId: text('invitation_id')
      .notNull()
      .references(() => waveInvitations.id),
  },
  (t) => [index('wave_links_invitation').on(t.invitationId)],
);

/** A wave's answers, each linked to its member only through the pseudonym: one per member per wave. */
export const waveAnswers = sqliteTable(
  'wave_answers',
  {
    waveId: text('wave_id')
      .notNull()
      .references(() => panelWaves.id),
    pseudonym: text('pseudonym').notNull(),
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id),
    stages: text('stages', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.pseudonym] })],
);

/** A paper form keyed in by staff: the date written on it and who typed it in (the response has channel `paper`). */
export const paperEntries = sqliteTable(
  'paper_entries',
  {
    responseId: text('response_id')
      .primaryKey()
      .references(() => responses.id),
    siteId: text('site_id').notNull(),
    /** YYYY-MM-DD, as written on the paper. */
    paperDate: text('paper_date').notNull(),
    keyedBy: text('keyed_by').notNull(),
    keyedAt: integer('keyed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('paper_entries_site').on(t.siteId, t.keyedAt)],
);

/**
 * A council's population figures (for example Census 2021 by ethnic group, main language, births
 * by ward), per dimension and group, for the whole area (`locality` '') or one locality: the
 * reports compare each group's share of responses with its share of the population, so the groups
 * hubvoice is not hearing from show first. Counts, never people.
 */
export const populationFigures = sqliteTable(
  'population_figures',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    dimension: text('dimension').notNull(),
    locality: text('locality').notNull().default(''),
    groupKey: text('group_key').notNull(),
    count: integer('count').notNull(),
    source: text('source'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.dimension, t.locality, t.groupKey] })],
);

export const MEETING_KINDS = ['panel_meeting', 'maternity_voices', 'parent_carer_forum', 'focus_group', 'community_consultation', 'outreach_event'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * A meeting held with families (a panel meeting, Maternity Voices, the Parent Carer Forum, a focus
 * group, a community consultation or an outreach event): when, what kind, at a site or across its
 * locality, how many took part, optional aggregate demographics. The facilitator's notes and
 * quotes are comments (`comments.meeting_id`), read like any family's words: redacted, themed,
 * and checked for possible disclosures. Counts of people, never names.
 */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The site that held it, or whose locality it covered: scope follows the site. */
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    /** 'site': at the site; 'locality': across the site's whole locality. */
    area: text('area', { enum: ['site', 'locality'] }).notNull(),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    title: text('title').notNull(),
    /** YYYY-MM-DD. */
    heldOn: text('held_on').notNull(),
    participants: integer('participants').notNull(),
    /** Aggregate only, for example { "Polish-speaking parents": 4 }. */
    demographics: text('demographics', { mode: 'json' }).$type<Record<string, number>>(),
    /** The language the notes were written in. */
    language: text('language').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('meetings_site_held').on(t.siteId, t.heldOn)],
);
