/**
 * What an export is, whatever its format: tables, each with a few lines about it, a header row and
 * its rows arriving a page at a time. The CSV and XLSX writers (csv.ts, xlsx.ts) write them as they
 * arrive, so an export of a million rows holds one page.
 */
export type Cell = string | number | null;

export interface ExportTable {
  /** The worksheet's name in XLSX (at most 31 characters there). */
  name: string;
  /** Lines above the header (what the table is, what was withheld). */
  about: string[];
  header: string[];
  rows: AsyncIterable<Cell[][]> | Iterable<Cell[][]>;
}

/** Counts rows as they are written, for the progress shown while an export runs. */
export type OnRows = (written: number) => void;

/**
 * A text cell that a spreadsheet would run as a formula (=, +, - or @ first; tab and carriage
 * return too, as OWASP's CSV injection advice lists) gets a leading apostrophe: shown as text.
 *
 * @example neutralise('=HYPERLINK("http://evil")') // "'=HYPERLINK(\"http://evil\")"
 */
export function neutralise(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
