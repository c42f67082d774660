/**
 * widget.js's size (issue: "One survey renderer for every channel"): the whole widget, one file,
 * at most 10 KB gzipped (Formbricks' survey bundle is tens of KB, SurveyJS ~445 KB). Measured on
 * the committed bundle exactly as GET /widget.js serves it, gzip at level 9 and at the default.
 */
import { gzipSync } from 'node:zlib';
import { widgetBundle } from '../widget/widget-bundle.gen';
import type { BenchRow } from './types';

const BUDGET_BYTES = 10 * 1024;

export default async function widgetBench(): Promise<BenchRow[]> {
  const code = Buffer.from(widgetBundle.code);
  const best = gzipSync(code, { level: 9 }).length;
  return [
    { bench: 'widget', measure: 'widget.js minified', value: code.length, unit: 'bytes' },
    { bench: 'widget', measure: 'widget.js gzip (level 9)', value: best, unit: 'bytes', target: '≤ 10 KB (10,240 bytes)', met: best <= BUDGET_BYTES },
    { bench: 'widget', measure: 'widget.js gzip (default level, as served)', value: gzipSync(code).length, unit: 'bytes' },
  ];
}
