// The sign-up's receipt as PDF, for the person to keep: the election, the task, where and when, the hours and
// payment, the team. Pure: the data in, the bytes out (pdfkit, A4, its built-in Helvetica, as print-list-pdf.ts).
import PDFDocument from 'pdfkit';
import type { Locale } from '../../../db/models';
import { formatPrintDate } from './print-list-pdf';
import type { TaskReceipt } from '../queries/public/my-task-receipt';

const TEXTS: Record<
  Locale,
  {
    title: string;
    intro: string;
    election: string;
    date: string;
    place: string;
    task: string;
    time: string;
    payment: string;
    team: string;
    state: Record<TaskReceipt['state'], string>;
  }
> = {
  da: {
    title: 'Kvittering for tilmelding',
    intro: 'Du er tilmeldt denne opgave ved valget. Gem kvitteringen.',
    election: 'Valg',
    date: 'Dato',
    place: 'Sted',
    task: 'Opgave',
    time: 'Tid',
    payment: 'Honorar',
    team: 'Hold',
    state: { accepted: 'Tilmeldt', invited: 'Inviteret' },
  },
  sv: {
    title: 'Kvitto på anmälan',
    intro: 'Du är anmäld till detta uppdrag vid valet. Spara kvittot.',
    election: 'Val',
    date: 'Datum',
    place: 'Plats',
    task: 'Uppdrag',
    time: 'Tid',
    payment: 'Arvode',
    team: 'Lag',
    state: { accepted: 'Anmäld', invited: 'Inbjuden' },
  },
  en: {
    title: 'Sign-up receipt',
    intro: 'You are signed up for this election task. Keep this receipt.',
    election: 'Election',
    date: 'Date',
    place: 'Place',
    task: 'Task',
    time: 'Time',
    payment: 'Payment',
    team: 'Team',
    state: { accepted: 'Signed up', invited: 'Invited' },
  },
};

const LANGUAGE_TAG: Record<Locale, string> = {
  da: 'da-DK',
  sv: 'sv-SE',
  en: 'en-GB',
};

export function receiptPdf(receipt: TaskReceipt, locale: Locale): Promise<Buffer> {
  const t = TEXTS[locale];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang: LANGUAGE_TAG[locale],
    info: {
      Title: `${t.title}: ${receipt.election.title}`,
      Creator: 'Tingvalla',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(20).text(t.title);
  doc.moveDown(0.5).font('Helvetica').fontSize(11).text(t.intro);
  doc.moveDown(1);
  const money = new Intl.NumberFormat(LANGUAGE_TAG[locale], {
    style: 'currency',
    currency: locale === 'sv' ? 'SEK' : 'DKK',
  });
  const facts: [string, string][] = [
    [t.election, receipt.election.title],
    [t.date, formatPrintDate(receipt.date, locale)],
    [t.place, [receipt.workLocation.name, receipt.workLocation.address].filter(Boolean).join(', ')],
    [t.task, `${receipt.taskType.title} (${t.state[receipt.state]})`],
    [t.time, `${receipt.taskType.start}–${receipt.taskType.end}`],
    ...(receipt.taskType.payment > 0 ? ([[t.payment, money.format(receipt.taskType.payment)]] as [string, string][]) : []),
    [t.team, receipt.team.name],
  ];
  doc.fontSize(12);
  for (const [label, value] of facts) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value).moveDown(0.3);
  doc.end();
  return done;
}
