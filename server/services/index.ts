/**
 * The services, built once in deps. Each takes the principal first and decides through the access
 * policy, writes through db/ (with its audit row in the same transaction) and asks analysis/ for
 * meaning; routes validate, call one, and map the result to HTTP.
 */
import type { AppDeps } from '../deps';
import { createReports } from '../reports';
import { accountService } from './accounts';
import { flagService } from './flags';
import { panelService } from './panels';
import { paperService } from './paper';
import { surveyService } from './surveys';
import { themeService } from './themes';

export type ServiceDeps = Omit<AppDeps, 'services'>;

export function createServices(deps: ServiceDeps) {
  return {
    accounts: accountService(deps),
    flags: flagService(deps),
    panels: panelService(deps),
    paper: paperService(deps),
    reports: createReports(deps),
    surveys: surveyService(deps),
    themes: themeService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
