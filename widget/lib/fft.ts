/**
 * The NHS Friends and Family Test answer values, in the order of the standard wording (since April
 * 2020). The stored code is the position + 1: 1 Very good … 5 Very poor, 6 Don't know.
 */
export const FFT_VALUES = ['veryGood', 'good', 'neither', 'poor', 'veryPoor', 'dontKnow'] as const;
export type FftValue = (typeof FFT_VALUES)[number];

export function fftCode(value: string): number | null {
  const index = (FFT_VALUES as readonly string[]).indexOf(value);
  return index < 0 ? null : index + 1;
}
