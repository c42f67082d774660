/**
 * The tests' own small council, built on an app started with `SEED=none` through the same db/
 * functions a council set up by hand uses: one organisation, two providers of three sites each
 * (one site a Children's Centre), two or three service points a site, a default survey in six
 * languages, "You said, we did" for one site and for everyone, and a user of each role.
 *
 * Every factory returns what it made, so a test names `council.sites.ash.code` or
 * `council.providers.north.name`, never a code or wording of the demo seed.
 */
import { eq } from 'drizzle-orm';
import { createOrganisation, createProvider, createServicePoint, createSite, publishAction, setDefaultSurvey } from '../../db/council';
import { organisations, type OrganisationSettings, type Role, type ScopeType, type SiteKind } from '../../db/schema';
import type { Store } from '../../db/store';
import { createSurvey } from '../../db/surveys';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { SurveyDefinition } from '../../survey/survey-schema';
import { makeTestApp, type TestApp } from './app';
import { COUNCIL_SURVEY } from './surveys';

export interface MadeOrganisation {
  id: string;
  slug: string;
  name: string;
}
export interface MadeProvider {
  id: string;
  code: string;
  name: string;
}
export interface MadePoint {
  id: string;
  code: string;
  name: string;
}
export interface MadeSite {
  id: string;
  code: string;
  name: string;
  kind: SiteKind;
  locality: string;
  ward: string;
  provider: MadeProvider;
  points: MadePoint[];
}
export interface MadeUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  scope: { type: ScopeType; id: string | null };
}
export interface MadeAction {
  id: string;
  siteId: string | null;
  youSaid: Record<string, string> & { en: string };
  weDid: Record<string, string> & { en: string };
}

export async function makeOrganisation(store: Store, input: { slug: string; name: string; settings?: OrganisationSettings }): Promise<MadeOrganisation> {
  return { id: await createOrganisation(store.db, input), slug: input.slug, name: input.name };
}

export async function makeProvider(store: Store, organisation: MadeOrganisation, input: { code: string; name: string }): Promise<MadeProvider> {
  return { id: await createProvider(store.db, { organisationId: organisation.id, ...input }), ...input };
}

/** A site with its service points, given as `[code, name]`. */
export async function makeSite(
  store: Store,
  organisation: MadeOrganisation,
  provider: MadeProvider,
  input: { code: string; name: string; kind?: SiteKind; locality: string; ward: string; points: [code: string, name: string][] },
): Promise<MadeSite> {
  const { points, kind = 'family_hub', ...rest } = input;
  const id = await createSite(store.db, { organisationId: organisation.id, providerId: provider.id, kind, ...rest });
  const made: MadePoint[] = [];
  for (const [code, name] of points) made.push({ id: await createServicePoint(store.db, { siteId: id, code, name }), code, name });
  return { id, kind, ...rest, provider, points: made };
}

/** A live survey of the organisation, validated as the survey API does on save, made its default unless told otherwise. */
export async function makeSurvey(
  store: Store,
  organisation: MadeOrganisation,
  input: { name: string; definition: SurveyDefinition; asDefault?: boolean },
): Promise<{ id: string; versionId: string; name: string; definition: SurveyDefinition }> {
  const made = await createSurvey(
    store.db,
    { organisationId: organisation.id, name: input.name, status: 'live', definition: SurveyDefinition.parse(input.definition) },
    { at: new Date(), action: 'survey_created', userId: null, organisationId: organisation.id, targetType: 'survey' },
  );
  if (input.asDefault ?? true) await setDefaultSurvey(store.db, organisation.id, made.id);
  return { id: made.id, versionId: made.versionId, name: input.name, definition: input.definition };
}

let users = 0;

/**
 * A staff account with one role assignment. Hashed with 1,000 PBKDF2 iterations: the real count
 * makes every test that signs someone in take seconds.
 */
export async function makeUser(
  store: Store,
  role: Role,
  scope: { type: ScopeType; id: string | null },
  email = `${role.replaceAll('_', '-')}-${++users}@riverside.example`,
): Promise<MadeUser> {
  const password = `a test password for ${email}`;
  const id = await createUser(store.db, {
    email,
    name: email.split('@')[0]!,
    passwordHash: await hashPassword(password, 1000),
    role,
    scopeType: scope.type,
    scopeId: scope.id,
  });
  return { id, email: email.toLowerCase(), password, role, scope };
}

export async function makeAction(
  store: Store,
  organisation: MadeOrganisation,
  site: MadeSite | null,
  words: Pick<MadeAction, 'youSaid' | 'weDid'>,
  publishedAt?: Date,
): Promise<MadeAction> {
  const id = await publishAction(store.db, { organisationId: organisation.id, siteId: site?.id ?? null, ...words, ...(publishedAt ? { publishedAt } : {}) });
  return { id, siteId: site?.id ?? null, ...words };
}

const text = (en: string, pl: string, ro: string, zh: string, pt: string, ar: string) => ({ en, pl, ro, zh, pt, ar });

export type Council = Awaited<ReturnType<typeof makeCouncil>>;

/** The small council most tests run on (see the file's comment). */
export async function makeCouncil(store: Store) {
  const organisation = await makeOrganisation(store, {
    slug: 'riverside',
    name: 'Riverside Borough Council',
    // Embeds anywhere, as the demo does; CORS tests narrow it. The general form is the town-centre hub's.
    settings: { allowedOrigins: ['*'], retentionDays: 365, defaultLanguage: 'en', safeguardingContacts: [], generalFormCode: 'twn' },
  });
  const survey = await makeSurvey(store, organisation, { name: 'Centre feedback', definition: COUNCIL_SURVEY });
  const north = await makeProvider(store, organisation, { code: 'north', name: 'Northgate Family Services' });
  const south = await makeProvider(store, organisation, { code: 'south', name: 'Southbank Children’s Trust' });
  const sites = {
    ash: await makeSite(store, organisation, north, {
      code: 'ash',
      name: 'Ashby Family Hub',
      locality: 'Northgate',
      ward: 'Ashby',
      points: [
        ['ash-play', 'Rhymes & stories'],
        ['ash-feed', 'Feeding café'],
        ['ash-clinic', 'Baby clinic'],
      ],
    }),
    bay: await makeSite(store, organisation, north, {
      code: 'bay',
      name: 'Baywood Family Hub',
      locality: 'Northgate',
      ward: 'Baywood',
      points: [
        ['bay-play', 'Play & learn'],
        ['bay-young', 'Young parents'],
        ['bay-esol', 'English class'],
      ],
    }),
    cob: await makeSite(store, organisation, north, {
      code: 'cob',
      name: 'Cobb Lane Children’s Centre',
      kind: 'childrens_centre',
      locality: 'Hillside',
      ward: 'Cobb Lane',
      points: [
        ['cob-baby', 'Baby yoga'],
        ['cob-feed', 'Feeding café'],
      ],
    }),
    dun: await makeSite(store, organisation, south, {
      code: 'dun',
      name: 'Dunmere Family Hub',
      locality: 'Southbank',
      ward: 'Dunmere',
      points: [
        ['dun-play', 'Messy play'],
        ['dun-dads', 'Dads club'],
      ],
    }),
    elm: await makeSite(store, organisation, south, {
      code: 'elm',
      name: 'Elmfield Family Hub',
      locality: 'Southbank',
      ward: 'Elmfield',
      points: [
        ['elm-play', 'Messy play'],
        ['elm-course', 'Parenting course'],
      ],
    }),
    twn: await makeSite(store, organisation, south, {
      code: 'twn',
      name: 'Town Centre Family Hub',
      locality: 'Central',
      ward: 'Market',
      points: [
        ['twn-advice', 'Advice drop-in'],
        ['twn-play', 'Play & learn'],
      ],
    }),
  };
  // Older first, so the newest (the site's) is listed first, as the demo's are.
  const everywhere = await makeAction(
    store,
    organisation,
    null,
    {
      youSaid: text(
        'We could not find the opening times.',
        'Nie mogliśmy znaleźć godzin otwarcia.',
        'Nu am găsit programul.',
        '我们找不到开放时间。',
        'Não encontrámos o horário.',
        'لم نجد أوقات العمل.',
      ),
      weDid: text(
        'Opening times are now on every door.',
        'Godziny otwarcia są teraz na każdych drzwiach.',
        'Programul este acum pe fiecare ușă.',
        '现在每扇门上都有开放时间。',
        'O horário está agora em todas as portas.',
        'أوقات العمل الآن على كل باب.',
      ),
    },
    new Date(Date.now() - 86_400_000),
  );
  const atAsh = await makeAction(store, organisation, sites.ash, {
    youSaid: text(
      'Rhymes & stories is too early.',
      'Rymowanki i bajki są za wcześnie.',
      'Rime și povești este prea devreme.',
      '儿歌与故事时间太早了。',
      'Rimas & histórias é cedo demais.',
      'جلسة الأغاني والقصص مبكرة جدًا.',
    ),
    weDid: text(
      'Rhymes & stories now starts at 10.',
      'Rymowanki i bajki zaczynają się teraz o 10.',
      'Rime și povești începe acum la 10.',
      '儿歌与故事时间现在10点开始。',
      'Rimas & histórias começa agora às 10.',
      'تبدأ جلسة الأغاني والقصص الآن في العاشرة.',
    ),
  });
  const scopes = { organisation: { type: 'organisation' as const, id: organisation.id } };
  const people = {
    admin: await makeUser(store, 'admin', scopes.organisation, 'admin@riverside.example'),
    commissioner: await makeUser(store, 'commissioner', scopes.organisation, 'commissioner@riverside.example'),
    providerManager: await makeUser(store, 'provider_manager', { type: 'provider', id: north.id }, 'manager@northgate.example'),
    siteStaff: await makeUser(store, 'site_staff', { type: 'site', id: sites.ash.id }, 'staff@ashby.example'),
    analyst: await makeUser(store, 'analyst', scopes.organisation, 'analyst@riverside.example'),
    safeguardingLead: await makeUser(store, 'safeguarding_lead', scopes.organisation, 'dsl@riverside.example'),
  };
  return {
    organisation: { ...organisation, generalFormCode: sites.twn.code },
    survey,
    providers: { north, south },
    sites,
    actions: { everywhere, atAsh },
    users: people,
  };
}

/** A test app started with `SEED=none`, and the fixture council on it (`t.council`). */
export type CouncilApp = TestApp & { council: Council };

export async function makeCouncilApp(...[env = {}, ...rest]: Parameters<typeof makeTestApp>): Promise<CouncilApp> {
  const t = await makeTestApp(env, ...rest);
  return Object.assign(t, { council: await makeCouncil(t.store) });
}

/** Changes some of an organisation's settings, keeping the rest, and drops cached forms that carry them. */
export async function updateSettings(t: TestApp, organisationId: string, patch: Partial<OrganisationSettings>): Promise<void> {
  const organisation = await t.store.db.query.organisations.findFirst({ where: eq(organisations.id, organisationId) });
  await t.store.db
    .update(organisations)
    .set({ settings: { ...organisation!.settings, ...patch } })
    .where(eq(organisations.id, organisationId));
  t.deps.forms.forget();
}
