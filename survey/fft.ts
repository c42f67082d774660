/**
 * The NHS Friends and Family Test answer values as forms post them, with the one definition
 * of the options, their order and the codes 1..6 the database stores (analysis/fft.ts scores them).
 */

/**
 * The six FFT options in published order, with the integer code stored in the database.
 *
 * @example
 * FFT_OPTIONS[0] // { key: 'veryGood', code: 1, label: 'Very good' }
 */
export const FFT_OPTIONS = [
  { key: 'veryGood', code: 1, label: 'Very good' },
  { key: 'good', code: 2, label: 'Good' },
  { key: 'neither', code: 3, label: 'Neither good nor poor' },
  { key: 'poor', code: 4, label: 'Poor' },
  { key: 'veryPoor', code: 5, label: 'Very poor' },
  { key: 'dontKnow', code: 6, label: "Don't know" },
] as const;

export type FftOption = (typeof FFT_OPTIONS)[number]['key'];

export const FFT_VALUES: readonly FftOption[] = FFT_OPTIONS.map((option) => option.key);

/** @example fftCode('poor') // 4 */
export function fftCode(value: string): number | null {
  return FFT_OPTIONS.find((option) => option.key === value)?.code ?? null;
}
