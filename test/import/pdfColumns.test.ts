import assert from 'node:assert/strict';
import { readPdf } from '../../server/src/import/pdf.js';
import { buildPdf, type PdfLine } from './pdfBuilder.js';

// Reading order of two-column stretches in a printed PDF (server/src/import/pdf.ts), on the geometry of the
// exporter's own layout as LibreOffice prints it. Times-Roman (WinAnsi) texts: the letters lose their marks.
const BODY = 'Van phong Chinh phu thong bao de cac bo, co quan, dia phuong biet, thuc';

async function order(lines: PdfLine[]): Promise<string[]> {
  const document = await readPdf(buildPdf([lines]));
  return document.blocks.flatMap((block) => (block.kind === 'paragraph' && block.runs.length > 0 ? [block.runs.map((run) => ('text' in run ? run.text : '\n')).join('')] : []));
}

describe('import: PDF columns', function () {
  this.timeout(30000);

  it('a line centred on the text area under the header belongs to neither column ("THÔNG BÁO")', async () => {
    const lines = await order([
      { text: 'So: 530/TB-VPCP', x: 131, y: 700 },
      { text: 'Ha Noi, ngay 22 thang 11 nam 2024', x: 315, y: 700, size: 14 },
      { text: 'THONG BAO', x: 256, y: 662, size: 14, bold: true },
      { text: BODY, x: 99, y: 630, size: 14 },
    ]);
    assert.deepEqual(lines, ['So: 530/TB-VPCP', 'Ha Noi, ngay 22 thang 11 nam 2024', 'THONG BAO', BODY]);
  });

  it('a recipient line set smaller than the body may wrap past the centre: the signature column still follows the whole list', async () => {
    const recipients = ['- Thu tuong Chinh phu;', '- VPCP: BTCN, PCN Mai Thi Thu Van, Tro ly, Thu ky TTgCP;', '- Luu: VT, KSTT (2).'];
    const lines = await order([
      { text: BODY, x: 99, y: 330, size: 14 },
      { text: 'Noi nhan:', x: 99, y: 300, size: 12, bold: true },
      { text: 'KT. BO TRUONG', x: 420, y: 300, size: 13, bold: true },
      ...recipients.map((text, index) => ({ text, x: 99, y: 287 - 13 * index, size: 11 })),
      { text: 'Tran Van Son', x: 430, y: 200, size: 14, bold: true },
    ]);
    assert.deepEqual(lines, [BODY, 'Noi nhan:', ...recipients, 'KT. BO TRUONG', 'Tran Van Son']);
  });
});
