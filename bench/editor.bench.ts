/**
 * The survey editor's size (issue: "A council runs hubvoice itself"): its own bundle
 * (widget/editor, Preact), measured as `/assets/survey-editor/{hash}.js` sends it to a browser
 * (zopfli gzip made at build time), with zlib's level 9 beside it. Staff load it once and the
 * browser keeps it for a year (the name changes with every build).
 */
import { gzipSync } from 'node:zlib';
import { editorBundle } from '../widget/editor-bundle.gen';
import type { BenchRow } from './types';

/** A budget that keeps the editor quick on a council laptop over a hub's Wi-Fi: a fifth of a typical page's script. */
const BUDGET_BYTES = 20 * 1024;

export default async function editorBench(): Promise<BenchRow[]> {
  const code = Buffer.from(editorBundle.code);
  const sent = Buffer.from(editorBundle.gzip, 'base64').length;
  return [
    { bench: 'editor', measure: 'survey-editor.js minified', value: code.length, unit: 'bytes' },
    {
      bench: 'editor',
      measure: 'survey-editor.js gzip as served (zopfli)',
      value: sent,
      unit: 'bytes',
      target: '≤ 20 KB (20,480 bytes)',
      met: sent <= BUDGET_BYTES,
    },
    { bench: 'editor', measure: 'survey-editor.js gzip (zlib level 9), for comparison', value: gzipSync(code, { level: 9 }).length, unit: 'bytes' },
  ];
}
