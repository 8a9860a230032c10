// A polling station's list of one task date as PDF, for its binder: the station, its address and polling
// district, the election and the date; a table of the day's tasks (task type, hours, team, participant, phone,
// state) and, when given, the participants' special diets. Pure: the data in, the bytes out (pdfkit, A4, its
// built-in Helvetica — WinAnsi, which covers Danish and Swedish letters; other letters print as their nearest).
import PDFDocument from 'pdfkit';
import type { Locale } from '../../../db/models';

export type PrintState = 'vacant' | 'invited' | 'accepted';

export interface PrintListData {
  locale: Locale;
  election: { title: string };
  workLocation: { name: string; address: string; postalCode: string; city: string; districtNumber: string; areaName: string };
  /** ISO date. */
  date: string;
  rows: { taskType: string; start: string; end: string; team: string; participant: string | null; phone: string | null; state: PrintState }[];
  /** Absent: not shown (the reader may not see special-category data); empty: "none". */
  diets?: { participant: string; diets: string }[];
}

interface Texts {
  title: string;
  address: string;
  district: string;
  area: string;
  election: string;
  date: string;
  columns: [string, string, string, string, string, string];
  states: Record<PrintState, string>;
  noTasks: string;
  diets: string;
  noDiets: string;
  totals: (accepted: number, invited: number, vacant: number) => string;
  page: (n: number, of: number) => string;
}

export const PRINT_TEXTS: Record<Locale, Texts> = {
  da: {
    title: 'Opgaveliste',
    address: 'Adresse',
    district: 'Afstemningsområde',
    area: 'Område',
    election: 'Valg',
    date: 'Dato',
    columns: ['Opgave', 'Tid', 'Team', 'Deltager', 'Telefon', 'Status'],
    states: { vacant: 'Ledig', invited: 'Inviteret, afventer svar', accepted: 'Accepteret' },
    noTasks: 'Ingen opgaver denne dag.',
    diets: 'Specialkost',
    noDiets: 'Ingen deltagere med specialkost.',
    totals: (a, i, v) => `${a} accepteret · ${i} afventer svar · ${v} ledige`,
    page: (n, of) => `Side ${n} af ${of}`,
  },
  sv: {
    title: 'Uppdragslista',
    address: 'Adress',
    district: 'Valdistrikt',
    area: 'Område',
    election: 'Val',
    date: 'Datum',
    columns: ['Uppdrag', 'Tid', 'Lag', 'Deltagare', 'Telefon', 'Status'],
    states: { vacant: 'Ledigt', invited: 'Inbjuden, väntar på svar', accepted: 'Accepterat' },
    noTasks: 'Inga uppdrag denna dag.',
    diets: 'Specialkost',
    noDiets: 'Inga deltagare med specialkost.',
    totals: (a, i, v) => `${a} accepterade · ${i} väntar på svar · ${v} lediga`,
    page: (n, of) => `Sida ${n} av ${of}`,
  },
  en: {
    title: 'Task list',
    address: 'Address',
    district: 'Polling district',
    area: 'Area',
    election: 'Election',
    date: 'Date',
    columns: ['Task', 'Time', 'Team', 'Participant', 'Phone', 'Status'],
    states: { vacant: 'Vacant', invited: 'Invited, awaiting answer', accepted: 'Accepted' },
    noTasks: 'No tasks on this day.',
    diets: 'Special diets',
    noDiets: 'No participants with special diets.',
    totals: (a, i, v) => `${a} accepted · ${i} awaiting answer · ${v} vacant`,
    page: (n, of) => `Page ${n} of ${of}`,
  },
};

const LANGUAGE_TAG: Record<Locale, string> = { da: 'da-DK', sv: 'sv-SE', en: 'en-GB' };

export function formatPrintDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

// Column x offsets and widths (A4: 595 pt wide, 40 pt margins: 515 pt).
const MARGIN = 40;
const WIDTHS = [98, 56, 92, 117, 82, 70];

export function printListPdf(data: PrintListData, options: { compress?: boolean } = {}): Promise<Buffer> {
  const t = PRINT_TEXTS[data.locale];
  const wl = data.workLocation;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: LANGUAGE_TAG[data.locale],
    info: { Title: `${t.title}: ${wl.name}, ${data.date}`, Creator: 'Tingvalla' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  doc.font('Helvetica-Bold').fontSize(18).text(wl.name, { width });
  doc.font('Helvetica').fontSize(12).text(`${t.title} · ${formatPrintDate(data.date, data.locale)}`, { width });
  doc.moveDown(0.5).fontSize(10);
  const address = [wl.address, [wl.postalCode, wl.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const facts: [string, string][] = [
    [t.election, data.election.title],
    [t.address, address],
    [t.district, wl.districtNumber],
    [t.area, wl.areaName],
  ];
  for (const [label, value] of facts) if (value) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  const count = (s: PrintState) => data.rows.filter((r) => r.state === s).length;
  doc.moveDown(0.3).text(t.totals(count('accepted'), count('invited'), count('vacant')));
  doc.moveDown(1);

  const row = (cells: string[], bold: boolean) => {
    const font = () => doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    font();
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: WIDTHS[i]! - 4 }))) + 4;
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!bold) row(t.columns, true); // the header again on each new page
      font();
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 2, { width: WIDTHS[i]! - 4 });
      x += WIDTHS[i]!;
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(bold ? 1 : 0.3)
      .strokeColor('#555555')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };
  if (data.rows.length === 0) doc.font('Helvetica').fontSize(10).text(t.noTasks);
  else {
    row(t.columns, true);
    for (const r of data.rows) row([r.taskType, `${r.start}-${r.end}`, r.team, r.participant ?? '', r.phone ?? '', t.states[r.state]], false);
  }

  if (data.diets) {
    doc.x = MARGIN;
    doc.moveDown(1.5);
    if (doc.y > bottom() - 40) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).text(t.diets, MARGIN, doc.y, { width });
    doc.moveDown(0.3).font('Helvetica').fontSize(10);
    if (data.diets.length === 0) doc.text(t.noDiets, { width });
    for (const d of data.diets) doc.font('Helvetica-Bold').text(`${d.participant}: `, { continued: true, width }).font('Helvetica').text(d.diets);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the bottom margin: no page break for it
    doc.font('Helvetica').fontSize(8).text(t.page(i + 1, range.count), MARGIN, doc.page.height - MARGIN, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
