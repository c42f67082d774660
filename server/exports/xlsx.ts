/**
 * Tables as one XLSX workbook, a worksheet each, written with exceljs's streaming WorkbookWriter:
 * each row is committed (serialised and let go) as it is added, so memory stays flat however many
 * rows. Text cells are written as text, never as formulas, so nothing a family wrote runs in Excel;
 * the CSV's apostrophe is not needed here and would change what they wrote.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportTable, OnRows } from './tables';

/** Excel's limit on a worksheet's name, and the characters it refuses there. */
const sheetName = (name: string, taken: Set<string>) => {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
};

/** Bytes a sheet may have waiting for compression before the writer waits for it. */
const PENDING_LIMIT = 4 * 1024 * 1024;

/**
 * exceljs hands each committed row to its zip without heeding backpressure (its StreamBuf pipes
 * on and returns true), so when rows come faster than deflate takes them the difference piles up
 * in memory: 460 MB more at a million rows. This waits, after each page, until what the sheet has
 * handed to the zip is under PENDING_LIMIT. It reads exceljs's internals (`stream.pipes`), checked
 * by the exports bench; if they change, it waits for nothing and memory shows it there.
 */
async function zipped(sheet: ExcelJS.Worksheet): Promise<void> {
  // The pipe is readable-stream's PassThrough, which has no writableLength: its states' lengths say the same.
  type Pipe = { _writableState?: { length: number }; _readableState?: { length: number } };
  const pipes = (sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes ?? [];
  const pending = () => pipes.reduce((sum, pipe) => sum + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0), 0);
  while (pending() > PENDING_LIMIT) await new Promise((resolve) => setTimeout(resolve, 2));
}

export async function writeXlsx(tables: AsyncIterable<ExportTable> | Iterable<ExportTable>, out: Writable, onRows: OnRows = () => {}): Promise<void> {
  const closed = once(out, 'finish');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const taken = new Set<string>();
  let written = 0;
  for await (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name, taken));
    for (const line of table.about) sheet.addRow([line]).commit();
    const header = sheet.addRow(table.header);
    header.font = { bold: true };
    header.commit();
    for await (const page of table.rows) {
      for (const row of page) sheet.addRow(row).commit();
      written += page.length;
      onRows(written);
      await zipped(sheet);
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
  }
  await workbook.commit();
  await closed;
}
