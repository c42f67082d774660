/**
 * Tables as one CSV (csv-stringify): UTF-8 with a byte-order mark, so Excel reads the languages
 * families write in; each table's lines about it, its header and its rows, a blank line between
 * tables; every text cell a spreadsheet would run as a formula neutralised. Written with
 * backpressure: a slow reader slows the export rather than filling memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { neutralise, type ExportTable, type OnRows } from './tables';

export async function writeCsv(tables: AsyncIterable<ExportTable> | Iterable<ExportTable>, out: Writable, onRows: OnRows = () => {}): Promise<void> {
  const csv = stringify({ bom: true });
  const done = pipeline(csv, out);
  const write = async (record: unknown[]) => {
    if (!csv.write(record)) await Promise.race([once(csv, 'drain'), done]);
  };
  let written = 0;
  let first = true;
  for await (const table of tables) {
    if (!first) await write([]);
    first = false;
    for (const line of table.about) await write([neutralise(line)]);
    await write(table.header.map(neutralise));
    for await (const page of table.rows) {
      for (const row of page) await write(row.map(neutralise));
      written += page.length;
      onRows(written);
    }
  }
  csv.end();
  await done;
}
