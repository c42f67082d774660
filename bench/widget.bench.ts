/**
 * widget.js's size (issue: "One survey renderer for every channel"): the whole widget, one file,
 * at most 10 KB gzipped (Formbricks' survey bundle is tens of KB, SurveyJS ~445 KB). Measured on
 * what GET /widget.js sends a browser (zopfli-compressed at build time), with zlib's level 9 beside it.
 */
import { gzipSync } from 'node:zlib';
import { widgetRoutes } from '../server/routes/widget';
import { widgetBundle } from '../widget/widget-bundle.gen';
import type { BenchRow } from './types';

const BUDGET_BYTES = 10 * 1024;

export default async function widgetBench(): Promise<BenchRow[]> {
  const code = Buffer.from(widgetBundle.code);
  const served = await widgetRoutes().request('/widget.js', { headers: { 'accept-encoding': 'gzip' } });
  const sent = (await served.arrayBuffer()).byteLength;
  return [
    { bench: 'widget', measure: 'widget.js minified', value: code.length, unit: 'bytes' },
    { bench: 'widget', measure: 'widget.js gzip as served (zopfli)', value: sent, unit: 'bytes', target: '≤ 10 KB (10,240 bytes)', met: sent <= BUDGET_BYTES },
    { bench: 'widget', measure: 'widget.js gzip (zlib level 9), for comparison', value: gzipSync(code, { level: 9 }).length, unit: 'bytes' },
  ];
}
