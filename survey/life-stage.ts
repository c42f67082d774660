/**
 * A panel member's life stages, worked out on the day from each child's birth or due month (never
 * a full date) and whether the child has SEND. Family Hubs serve pregnancy to 19, and to 25 with
 * SEND; stages retire by themselves as children grow up.
 *
 * With only a month, a child is taken to turn each age in their birth month: born 2024-03, they
 * are 2 from March 2026. A due month still to come (or this month) means pregnancy; a due month
 * that has passed counts as a birth that month.
 */
export const LIFE_STAGES = ['pregnancy', '0-2', '2-5', '5-11', '11-19', 'send'] as const;
export type LifeStage = (typeof LIFE_STAGES)[number];

export const LIFE_STAGE_NAMES: Record<LifeStage, string> = {
  pregnancy: 'Pregnancy',
  '0-2': 'Under 2',
  '2-5': '2 to 4',
  '5-11': '5 to 10',
  '11-19': '11 to 18',
  send: 'SEND (to 25)',
};

export interface Child {
  /** YYYY-MM */
  month: string;
  /** True for a due month (pregnancy), false for a birth month. */
  expected: boolean;
  send: boolean;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether a value is a month as hubvoice keeps it: `YYYY-MM`, nothing finer. */
export const isMonth = (value: string): boolean => MONTH.test(value);

/** Months since year 0 for `YYYY-MM`, or for a date (UTC). */
function monthIndex(value: string | Date): number {
  if (value instanceof Date) return value.getUTCFullYear() * 12 + value.getUTCMonth();
  const match = MONTH.exec(value);
  if (!match) throw new Error(`not a YYYY-MM month: ${value}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/**
 * One child's stages on the day.
 * @example childStages({ month: '2024-03', expected: false, send: false }, new Date('2026-03-01')) // ['2-5']
 */
export function childStages(child: Child, on: Date): LifeStage[] {
  const age = monthIndex(on) - monthIndex(child.month);
  if (child.expected && age <= 0) return age >= -10 ? ['pregnancy'] : [];
  // A birth month in the future is a mistake, not a stage.
  if (age < 0) return [];
  const stages: LifeStage[] = [];
  if (age < 24) stages.push('0-2');
  else if (age < 60) stages.push('2-5');
  else if (age < 132) stages.push('5-11');
  else if (age < 228) stages.push('11-19');
  if (child.send && age < 300) stages.push('send');
  return stages;
}

/** Every stage any of the member's children is at on the day, in LIFE_STAGES order, each once. */
export function memberStages(children: readonly Child[], on: Date): LifeStage[] {
  const found = new Set(children.flatMap((child) => childStages(child, on)));
  return LIFE_STAGES.filter((stage) => found.has(stage));
}

/** Whether a member at these stages is asked in a wave targeting `targeted` (null or empty: everyone). */
export function inTarget(stages: readonly LifeStage[], targeted: readonly string[] | null | undefined): boolean {
  return !targeted?.length || stages.some((stage) => targeted.includes(stage));
}
