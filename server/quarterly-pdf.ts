/**
 * The quarterly report as a PDF (A4), written with pdfkit: on the Node server only, since pdfkit
 * reads its standard fonts from disk; on Workers the page's print stylesheet makes the PDF.
 */
import PDFDocument from 'pdfkit';
import type { QuarterlyReport } from './quarterly';
import { changeText, comments, DIMENSION_NAMES, figureText, percent } from './quarterly-figures';

export async function renderQuarterlyPdf(report: QuarterlyReport): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Quarterly report ${report.quarter}: ${report.scope.name}`, Author: 'hubvoice' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const width = doc.page.width - 112;

  const heading = (text: string) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor('#0b0c0c').text(text).moveDown(0.3).font('Helvetica').fontSize(10.5);
  };
  const line = (text: string) => doc.font('Helvetica').fontSize(10.5).fillColor('#0b0c0c').text(text, { width });
  /** A labelled bar from 0 to 100%, with its interval as a whisker. */
  const bar = (label: string, share: number | null, interval: readonly [number, number] | null, caption: string) => {
    const y = doc.y;
    doc.font('Helvetica').fontSize(9.5).fillColor('#0b0c0c').text(`${label}: ${caption}`, { width });
    const top = doc.y + 2;
    doc.rect(56, top, width, 10).fillColor('#f3f2f1').fill();
    if (share !== null)
      doc
        .rect(56, top, width * share, 10)
        .fillColor('#1d70b8')
        .fill();
    if (interval) {
      doc
        .moveTo(56 + width * interval[0], top + 5)
        .lineTo(56 + width * interval[1], top + 5)
        .lineWidth(1.5)
        .strokeColor('#0b0c0c')
        .stroke();
    }
    doc.fillColor('#0b0c0c');
    doc.y = Math.max(doc.y, y) + 16;
  };

  doc.font('Helvetica-Bold').fontSize(20).text(`Quarterly report: ${report.quarter}`);
  doc.font('Helvetica').fontSize(12).text(report.scope.name).moveDown(0.2);
  line(`${report.range.from} to ${report.range.to}. ${report.responses ?? 0} responses. Made by hubvoice; cells of fewer than 5 responses are not shown.`);

  heading('Friends and Family Test: % positive');
  const fft = report.fft;
  bar(report.quarter, fft?.current.positive ?? null, fft?.current.ci95 ?? null, figureText(fft?.current));
  bar(report.periods.previous, fft?.vsPrevious?.base.positive ?? null, fft?.vsPrevious?.base.ci95 ?? null, figureText(fft?.vsPrevious?.base));
  bar(report.periods.lastYear, fft?.vsLastYear?.base.positive ?? null, fft?.vsLastYear?.base.ci95 ?? null, figureText(fft?.vsLastYear?.base));
  line(`Against last quarter: ${changeText(fft?.vsPrevious, report.periods.previous)}`);
  line(`Against the same quarter last year: ${changeText(fft?.vsLastYear, report.periods.lastYear)}`);

  heading('Responses by channel and language');
  for (const row of report.byChannel) line(`${row.label}: ${row.suppressed ? 'fewer than 5' : `${row.n} responses, ${percent(row.fftPositive)} positive`}`);
  doc.moveDown(0.3);
  for (const row of report.byLanguage) line(`${row.label}: ${row.suppressed ? 'fewer than 5' : `${row.n} responses, ${percent(row.fftPositive)} positive`}`);

  heading('Equity gaps');
  const flagged = report.equity.flatMap((e) => e.rows.filter((r) => r.flagged).map((r) => ({ dimension: e.dimension, row: r })));
  if (flagged.length === 0) line('No group was significantly less satisfied than everyone else (each side needs 30 answers before a gap is flagged).');
  for (const { dimension, row } of flagged) {
    line(
      `${DIMENSION_NAMES[dimension] ?? dimension}, ${row.label}: ${percent(row.positive)} positive against ${percent(row.restPositive)} for everyone else (gap ${Math.round((row.gap ?? 0) * 100)} points).`,
    );
  }

  heading('What families wrote about');
  if (report.themes.top.length === 0) line('No comments in this quarter.');
  for (const theme of report.themes.top) {
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(`${theme.name}: ${comments(theme.count)} (${percent(theme.share)})`, { width });
    theme.quotes.forEach((quote, i) => {
      const from = theme.quoteSources[i];
      doc
        .font('Helvetica-Oblique')
        .fontSize(10)
        .text(`“${quote}”${from ? ` (from ${from})` : ''}`, { width, indent: 12 });
    });
    doc.moveDown(0.3);
  }
  if (report.themes.emerging.length) line(`Emerging: ${report.themes.emerging.map((term) => term.term).join(', ')}.`);

  heading('You said, we did');
  if (report.actions.length === 0) line('Nothing was published this quarter.');
  for (const action of report.actions) line(`You said: ${action.youSaid} We did: ${action.weDid}`);

  heading('Meetings held with families');
  if (report.meetings.total === 0) line('No meetings with families were recorded this quarter.');
  else {
    line(
      `${report.meetings.total} ${report.meetings.total === 1 ? 'meeting' : 'meetings'} with ${report.meetings.participants} ${report.meetings.participants === 1 ? 'person' : 'people'} taking part:`,
    );
    for (const row of report.meetings.byKind) line(`${row.label}: ${row.meetings} (${row.participants} people)`);
  }

  heading('Who we are and are not hearing from');
  for (const group of report.hearingFrom) {
    if (group.population) {
      line(`${DIMENSION_NAMES[group.dimension] ?? group.dimension} (against ${group.population.area}):`);
      for (const row of group.population.rows) {
        bar(
          `${row.label}${row.underHeard ? ' (under-heard)' : ''}`,
          row.share,
          row.ci95,
          `${row.share === null ? 'fewer than 5' : percent(row.share)} of responses, ${percent(row.populationShare)} of people`,
        );
      }
      continue;
    }
    const shown = group.groups.filter((g) => !g.suppressed && g.n !== null).map((g) => `${g.label} ${g.n} (${percent(g.share)})`);
    line(
      `${DIMENSION_NAMES[group.dimension] ?? group.dimension}: ${shown.length ? shown.join('; ') : 'too few answers to show'}${group.notAnswered ? `; not answered ${group.notAnswered}` : ''}.`,
    );
  }

  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
