/**
 * RFC 4180 CSV, small and strict enough for labelled feedback exports: quoted fields may hold
 * commas, doubled quotes and newlines; CRLF and LF line ends are both accepted because
 * spreadsheets on Windows and scripts on Linux both write these files.
 */

/**
 * Parses CSV text into rows of fields. A trailing newline does not create an empty row.
 *
 * @example
 * parseCsv('text,labels\n"Hi, there","a;b"\n') // [['text', 'labels'], ['Hi, there', 'a;b']]
 */
export function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  // A UTF-8 byte-order mark from Excel would otherwise become part of the first header name.
  let i = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = input.length;
  for (; i < n; i++) {
    const c = input[i];
    if (inQuotes) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Parses CSV with a header row into objects keyed by column name; missing cells become ''.
 *
 * @example
 * parseCsvRecords('text,sentiment\nGreat,1\n') // [{ text: 'Great', sentiment: '1' }]
 */
export function parseCsvRecords(input: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(input);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return body
    .filter((cells) => !(cells.length === 1 && cells[0] === ''))
    .map((cells) => {
      const record: Record<string, string> = {};
      names.forEach((name, j) => (record[name] = cells[j] ?? ''));
      return record;
    });
}

/** Quotes a field only when it must be quoted, so simple files stay readable. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as CSV with CRLF line ends, as RFC 4180 specifies. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(formatCsvField).join(',')).join('\r\n') + '\r\n';
}
