/** Roles and places in words, for the people pages (what each role may do: server/access/policy.ts). */
import type { Role, ScopeType } from '../../../db/schema';

export const ROLE_LABELS: Record<Role, { name: string; hint: string }> = {
  admin: { name: 'Administrator', hint: 'sets up sites, surveys, people and settings; reads figures and redacted comments' },
  commissioner: { name: 'Commissioner', hint: 'reads figures and redacted comments, corrects themes, runs surveys' },
  provider_manager: { name: 'Provider manager', hint: 'reads figures and redacted comments for their sites' },
  site_staff: { name: 'Site staff', hint: 'reads their site’s figures and redacted comments' },
  analyst: { name: 'Analyst', hint: 'reads figures and redacted comments, changes nothing' },
  safeguarding_lead: { name: 'Safeguarding lead', hint: 'reads what families wrote in safeguarding flags and records reviews' },
};

export interface Places {
  platform: boolean;
  organisations: { id: string; name: string }[];
  providers: { id: string; name: string; organisationId: string }[];
  sites: { id: string; name: string; organisationId: string; providerId: string }[];
}

/** A place as one form value, `type:id` (`platform:` for the platform). */
export const placeValue = (type: ScopeType, id: string | null) => `${type}:${id ?? ''}`;

/** Parses a place's form value; null when it is not one. */
export function parsePlace(value: string): { type: ScopeType; id: string | null } | null {
  const match = /^(platform|organisation|provider|site):(.*)$/.exec(value);
  if (!match) return null;
  const type = match[1] as ScopeType;
  return { type, id: type === 'platform' ? null : match[2] || null };
}

/** Where a role is held, in words: "Northgate Family Services (provider)". */
export function placeName(places: Places, type: ScopeType, id: string | null): string {
  if (type === 'platform') return 'Everywhere (platform)';
  const named =
    type === 'organisation'
      ? places.organisations.find((o) => o.id === id)
      : type === 'provider'
        ? places.providers.find((p) => p.id === id)
        : places.sites.find((s) => s.id === id);
  return `${named?.name ?? 'Unknown place'} (${type === 'organisation' ? 'whole organisation' : type})`;
}

/** Every place the admin may give a role at, as `<select>` options, grouped by organisation. */
export function placeOptions(places: Places): { label: string; options: { value: string; label: string }[] }[] {
  const groups = places.organisations.map((organisation) => ({
    label: organisation.name,
    options: [
      { value: placeValue('organisation', organisation.id), label: `${organisation.name}: the whole organisation` },
      ...places.providers
        .filter((p) => p.organisationId === organisation.id)
        .map((p) => ({ value: placeValue('provider', p.id), label: `Provider: ${p.name}` })),
      ...places.sites.filter((s) => s.organisationId === organisation.id).map((s) => ({ value: placeValue('site', s.id), label: `Site: ${s.name}` })),
    ],
  }));
  return places.platform ? [{ label: 'Platform', options: [{ value: placeValue('platform', null), label: 'Everywhere (platform)' }] }, ...groups] : groups;
}
