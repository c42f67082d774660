/**
 * The NHS Friends and Family Test answer values as forms post them, taken from analysis/fft.ts
 * (the one definition of the options, their order and their stored codes 1..6).
 */
import { FFT_OPTIONS, type FftOption } from '../../analysis/fft';

export const FFT_VALUES: readonly FftOption[] = FFT_OPTIONS.map((option) => option.key);

/** @example fftCode('poor') // 4 */
export function fftCode(value: string): number | null {
  return FFT_OPTIONS.find((option) => option.key === value)?.code ?? null;
}
