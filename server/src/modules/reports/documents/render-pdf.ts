import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { REPORT_SECTIONS } from '@visite/contracts';
import { t } from '@visite/i18n';
import type { ReportDocument } from './report-document';

/** DejaVu Sans (embedded, subset): every French letter, accents and ligatures included. */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

/**
 * The report as the patient and their doctors read it: an A4 PDF (PDF 1.7, fonts embedded) in the
 * practice's language. Deterministic for a given document (dates come from it, not the clock).
 */
export function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  const lng = doc.language;
  const tr = (key: string, values: Record<string, string> = {}) => t(lng, `report:pdf.${key}`, values);
  const date = (d: Date, withTime: boolean) =>
    new Intl.DateTimeFormat(lng, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: doc.practice.timeZone }).format(d);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    info: { Title: tr('title'), Author: doc.author.displayName, Subject: tr('title'), Creator: 'Visite', CreationDate: doc.signedAt, ModDate: doc.signedAt },
    lang: lng,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', REGULAR);
  pdf.registerFont('bold', BOLD);

  pdf.font('bold').fontSize(11).text(doc.practice.name);
  pdf.font('regular').fontSize(9);
  if (doc.practice.address) pdf.text(doc.practice.address);
  if (doc.practice.phone) pdf.text(doc.practice.phone);
  pdf.moveDown(1.5);
  pdf.font('bold').fontSize(16).text(tr('title'));
  pdf.font('regular').fontSize(10).text(tr('visitOn', { date: date(doc.visit.startedAt, true) }));
  if (doc.version > 1) pdf.text(tr('correction', { version: String(doc.version) }));
  pdf.moveDown();

  const p = doc.patient;
  pdf.font('bold').fontSize(10).text(tr('patient'), { continued: true }).font('regular').text(` ${p.lastName.toUpperCase()} ${p.firstName}${p.birthName ? ` (${tr('born', { name: p.birthName })})` : ''}`);
  pdf.text(tr('birthDate', { date: new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${p.birthDate}T00:00:00Z`)) }));
  if (p.ins) pdf.text(tr('ins', { ins: p.ins.value }));
  pdf.font('bold').text(tr('doctor'), { continued: true }).font('regular').text(` ${doc.author.displayName}${doc.author.rpps ? ` (RPPS ${doc.author.rpps})` : ''}`);
  pdf.moveDown();

  for (const section of REPORT_SECTIONS) {
    const body = doc.content[section].trim();
    if (!body) continue;
    pdf.font('bold').fontSize(12).text(t(lng, `report:sections.${section}`));
    pdf.font('regular').fontSize(10).text(body, { align: 'left' });
    pdf.moveDown(0.8);
  }
  pdf.moveDown();
  pdf.font('regular').fontSize(9).fillColor('#444').text(tr('signed', { doctor: doc.author.displayName, date: date(doc.signedAt, true) }));
  pdf.text(tr('reference', { id: doc.setId, version: String(doc.version) }));
  pdf.end();
  return done;
}

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
