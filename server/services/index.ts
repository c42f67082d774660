/**
 * The services, built once in deps. Each takes the principal first and decides through the access
 * policy, writes through db/ (with its audit row in the same transaction) and asks analysis/ for
 * meaning; routes validate, call one, and map the result to HTTP.
 */
import type { AppDeps } from '../deps';
import { createReports } from '../reports';
import { exportService } from './exports';
import { accountService } from './accounts';
import { actionService } from './actions';
import { auditService } from './audit';
import { flagService } from './flags';
import { passwordService } from './passwords';
import { placeService } from './places';
import { settingsService } from './settings';
import { panelService } from './panels';
import { paperService } from './paper';
import { meetingService } from './meetings';
import { surveyService } from './surveys';
import { themeService } from './themes';
import { createQuarterly } from '../quarterly';
import { respondentService } from './respondents';
import { populationService } from './population';

export type ServiceDeps = Omit<AppDeps, 'services'>;

export function createServices(deps: ServiceDeps) {
  const reports = createReports(deps);
  const population = populationService(deps);
  const passwords = passwordService(deps);
  return {
    accounts: accountService(deps, passwords),
    actions: actionService(deps),
    audit: auditService(deps),
    passwords,
    flags: flagService(deps),
    places: placeService(deps),
    reports,
    quarterly: createQuarterly(deps, reports, population.figures),
    respondents: respondentService(deps),
    population,
    exports: exportService(deps, reports),
    settings: settingsService(deps),
    panels: panelService(deps),
    paper: paperService(deps),
    meetings: meetingService(deps),
    surveys: surveyService(deps),
    themes: themeService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
