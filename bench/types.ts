/** One line of the `npm run bench` table. */
export interface BenchRow {
  bench: string;
  measure: string;
  value: number | string;
  unit: string;
  /** The target in words, e.g. "≥ 0.5 × bare Hono". */
  target?: string;
  met?: boolean;
}
