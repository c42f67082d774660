/**
 * Human labels for report keys: names for ids, catalogue wording for coded answers, and plain
 * words for "not answered", so a commissioner never reads `other_arab` or an empty string.
 */
import type { Dimension } from '../db/reports';
import { LANGUAGES, type Translate } from '../survey/translate';

const ETHNIC_GROUPS: Record<string, string> = {
  asian: 'Asian or Asian British',
  black: 'Black, Black British, Caribbean or African',
  mixed: 'Mixed or multiple ethnic groups',
  white: 'White',
  other: 'Other ethnic group',
};

const ROLES: Record<string, string> = {
  parent: 'Parent',
  carer: 'Carer',
  young_person: 'Young person',
  child: 'Child',
  professional: 'Professional',
  other: 'Other',
};

const CHANNELS: Record<string, string> = {
  qr: 'QR code form',
  widget: 'Website widget',
  kiosk: 'Kiosk',
  panel: 'Parent panel',
  paper: 'Paper',
  api: 'API',
};

/** Dimensions whose keys are equality-monitoring answers, labelled as `equality.<dimension>.<key>`. */
const EQUALITY_LABELLED: readonly Dimension[] = ['relationship', 'childAgeBand', 'ethnicity', 'disability', 'firstLanguage'];

export function reportLabel(dimension: Dimension, key: string, names: Map<string, string>, t: Translate): string {
  if (key === '') return dimension === 'servicePoint' ? 'Whole site (no service point)' : dimension === 'ward' ? 'No ward given for the site' : 'Not answered';
  if (key === 'prefer_not_to_say') return t('equality.preferNotToSay');
  switch (dimension) {
    case 'organisation':
    case 'provider':
    case 'site':
    case 'servicePoint':
      return names.get(key) ?? key;
    case 'language':
      return LANGUAGES.find((l) => l.code === key)?.name ?? key;
    case 'role':
      return ROLES[key] ?? key;
    case 'channel':
      return CHANNELS[key] ?? key;
    case 'ethnicGroup':
      return ETHNIC_GROUPS[key] ?? key;
    case 'week':
      return `Week of ${key}`;
    default:
      return EQUALITY_LABELLED.includes(dimension) ? t(`equality.${dimension}.${key}`) : key;
  }
}
