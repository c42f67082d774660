/**
 * How a response arrived and who gave it: words every channel and report shares, so they live in
 * the survey core (the database stores them as these strings).
 */
export const CHANNELS = ['qr', 'widget', 'kiosk', 'panel', 'paper', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who completed the form, as the NHS children's FFT asks (child, parent, together…). */
export const RESPONDENT_ROLES = ['parent', 'carer', 'young_person', 'child', 'professional', 'other'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];
