/**
 * The equality-monitoring block: fixed fields with fixed options, so answers can be compared across
 * surveys, sites and years. Ethnic groups are the ONS 2021 Census groups for England
 * (../shared/REFERENCES.md); every field offers "Prefer not to say".
 */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

export const EQUALITY_FIELDS = ['relationship', 'childAgeBand', 'ethnicity', 'disability', 'firstLanguage', 'postcodeDistrict'] as const;
export type EqualityField = (typeof EQUALITY_FIELDS)[number];

/** Option values per field; labels live in the i18n catalogues under `equality.<field>.<value>`. */
export const EQUALITY_OPTIONS: Record<Exclude<EqualityField, 'postcodeDistrict'>, readonly string[]> = {
  relationship: ['mum', 'dad', 'other_carer', 'young_person'],
  childAgeBand: ['expecting', '0-1', '2-4', '5-11', '12-19', '20-25'],
  ethnicity: [
    'asian_bangladeshi',
    'asian_chinese',
    'asian_indian',
    'asian_pakistani',
    'asian_other',
    'black_african',
    'black_caribbean',
    'black_other',
    'mixed_white_asian',
    'mixed_white_black_african',
    'mixed_white_black_caribbean',
    'mixed_other',
    'white_british',
    'white_irish',
    'white_gypsy_traveller',
    'white_roma',
    'white_other',
    'other_arab',
    'other_any',
  ],
  disability: ['child_send', 'adult_disability', 'both', 'neither'],
  firstLanguage: ['en', 'pl', 'ro', 'zh', 'pt', 'ar', 'other'],
};

/** ONS 2021 high-level ethnic group of a detailed value, for equity analysis of small groups. */
export function ethnicGroup(value: string): string {
  return value === PREFER_NOT_TO_SAY ? value : (value.split('_')[0] ?? value);
}

/** A UK postcode district ("PL4", "SW1A"); the inward part is never asked for, to keep it coarse. */
export const POSTCODE_DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
