/**
 * `createApp(deps)`: the whole HTTP surface, the same on Node and Workers. Entry points build the
 * deps (store, config, writer); this wires middleware, one sub-app per resource, and the one
 * error shape.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './deps';
import { errorBody, handleError } from './errors';
import { everyBodyLimited } from './middleware/body-size';
import { cookieWritesFromOwnOrigin } from './middleware/cookie-writes';
import { submissionCounters, trustedClient } from './middleware/rate-limit';
import { actionPageRoutes } from './routes/action-pages';
import { actionRoutes } from './routes/actions';
import { authRoutes } from './routes/auth';
import { exportPageRoutes } from './routes/export-pages';
import { quarterlyPageRoutes } from './routes/quarterly-pages';
import { respondentRoutes } from './routes/respondents';
import { privacyPageRoutes } from './routes/privacy-pages';
import { populationPageRoutes, populationRoutes } from './routes/population';
import { exportRoutes } from './routes/exports';
import { docsRoutes } from './routes/docs';
import { feedbackFormRoutes } from './routes/feedback-form';
import { formRoutes } from './routes/forms';
import { healthRoutes } from './routes/health';
import { responseRoutes } from './routes/responses';
import { siteRoutes } from './routes/sites';
import { placeRoutes } from './routes/places';
import { placePageRoutes } from './routes/places-pages';
import { surveyPageRoutes } from './routes/survey-pages';
import { homeRoutes } from './routes/home';
import { reportRoutes } from './routes/reports';
import { dashboardRoutes } from './routes/dashboard';
import { safeguardingPageRoutes } from './routes/safeguarding-pages';
import { signInRoutes } from './routes/sign-in';
import { safeguardingRoutes } from './routes/safeguarding';
import { surveyRoutes } from './routes/surveys';
import { widgetRoutes } from './routes/widget';
import { themeRoutes } from './routes/themes';
import { userRoutes } from './routes/users';
import { passwordRoutes } from './routes/passwords';
import { passwordPageRoutes } from './routes/password-pages';
import { peoplePageRoutes } from './routes/people-pages';
import { organisationSettingsRoutes } from './routes/organisation-settings';
import { settingsPageRoutes } from './routes/settings-pages';
import { auditRoutes } from './routes/audit';
import { auditPageRoutes } from './routes/audit-pages';
import { panelRoutes } from './routes/panels';
import { panelLinkRoutes } from './routes/panel-link';
import { panelPageRoutes } from './routes/panel-pages';
import { paperPageRoutes } from './routes/paper-pages';
import { meetingRoutes } from './routes/meetings';
import { meetingPageRoutes } from './routes/meeting-pages';
import { openApiDocument, registerSecuritySchemes } from './openapi';
import { securityHeaders } from './security-headers';

/**
 * @param options.securityHeaders False where the server stamps them on every response itself
 *   (Node: server/node.ts), so they are not set twice.
 */
export function createApp(deps: AppDeps, { securityHeaders: withSecurityHeaders = true }: { securityHeaders?: boolean } = {}) {
  // An OpenAPIHono, so each resource's route definitions join one document as it is mounted.
  const app = new OpenAPIHono<AppEnv>();
  registerSecuritySchemes(app);
  // One set of counters for every public way in, so switching channel does not reset a limit.
  const counters = submissionCounters(deps.config.RATE_LIMIT_PER_MINUTE);
  if (withSecurityHeaders) app.use(securityHeaders());
  app.use(trustedClient(deps.config.TRUST_PROXY));
  app.use(everyBodyLimited((c) => c.json(errorBody('payload_too_large', 'The request is too large to accept.'), 413)));
  app.use('/api/*', cookieWritesFromOwnOrigin(deps.config.PUBLIC_URL));
  app.route('/', healthRoutes(deps));
  app.route('/', widgetRoutes());
  app.route('/', authRoutes(deps));
  app.route('/', placeRoutes(deps));
  app.route('/', siteRoutes(deps));
  app.route('/', surveyRoutes(deps));
  app.route('/', formRoutes(deps));
  app.route('/', responseRoutes(deps, counters));
  app.route('/', feedbackFormRoutes(deps, counters));
  app.route('/', reportRoutes(deps));
  app.route('/', safeguardingRoutes(deps));
  app.route('/', themeRoutes(deps));
  app.route('/', userRoutes(deps));
  app.route('/', actionRoutes(deps));
  app.route('/', exportRoutes(deps));
  app.route('/', passwordRoutes(deps));
  app.route('/', organisationSettingsRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', panelRoutes(deps));
  app.route('/', meetingRoutes(deps));
  app.route(
    '/',
    docsRoutes(() => openApiDocument(app, deps.config.PUBLIC_URL)),
  );
  app.route('/', signInRoutes(deps));
  app.route('/', dashboardRoutes(deps));
  app.route('/', safeguardingPageRoutes(deps));
  app.route('/', actionPageRoutes(deps));
  app.route('/', exportPageRoutes(deps));
  app.route('/', quarterlyPageRoutes(deps));
  app.route('/', respondentRoutes(deps));
  app.route('/', privacyPageRoutes(deps));
  app.route('/', populationRoutes(deps));
  app.route('/', populationPageRoutes(deps));
  app.route('/', placePageRoutes(deps));
  app.route('/', surveyPageRoutes(deps));
  app.route('/', passwordPageRoutes(deps));
  app.route('/', peoplePageRoutes(deps));
  app.route('/', settingsPageRoutes(deps));
  app.route('/', auditPageRoutes(deps));
  app.route('/', panelLinkRoutes(deps));
  app.route('/', panelPageRoutes(deps));
  app.route('/', paperPageRoutes(deps));
  app.route('/', meetingPageRoutes(deps));
  app.route('/', homeRoutes(deps));
  app.notFound((c) => c.json(errorBody('not_found', `Nothing is at ${c.req.path}.`), 404));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
