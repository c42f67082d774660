/**
 * The services, built once in deps. Each takes the principal first and decides through the access
 * policy, writes through db/ (with its audit row in the same transaction) and asks analysis/ for
 * meaning; routes validate, call one, and map the result to HTTP.
 */
import type { AppDeps } from '../deps';
import { createReports } from '../reports';
import { accountService } from './accounts';
import { auditService } from './audit';
import { flagService } from './flags';
import { passwordService } from './passwords';
import { settingsService } from './settings';
import { surveyService } from './surveys';
import { themeService } from './themes';

export type ServiceDeps = Omit<AppDeps, 'services'>;

export function createServices(deps: ServiceDeps) {
  const passwords = passwordService(deps);
  return {
    accounts: accountService(deps, passwords),
    audit: auditService(deps),
    passwords,
    flags: flagService(deps),
    reports: createReports(deps),
    settings: settingsService(deps),
    surveys: surveyService(deps),
    themes: themeService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
