/**
 * The import section of the bench: a 30-page PDF and a 10-page .docx made
 * from the seeds' text, read and imported in this process (modules loaded
 * and warmed up first). Budgets from issue 14: PDF ≤ 2 s, .docx ≤ 0.5 s.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import JSZip from 'jszip';
import { importDocument } from '../server/src/core/import/index.js';
import { readDocx } from '../server/src/import/docx.js';
import { readPdf } from '../server/src/import/pdf.js';
import { loadKnowledge } from '../server/src/knowledge/index.js';
import { buildPdf, type PdfLine } from '../test/import/pdfBuilder.js';
import type { Seed } from './generate.js';

/** The seeds' body paragraphs, in order, repeated as needed. */
function paragraphs(seeds: Seed[]): string[] {
  return seeds.flatMap((seed) => seed.text.split('\n---\n').slice(1).join('').split(/\n\n+/u)).map((paragraph) => paragraph.replace(/\s+/gu, ' ').trim()).filter((paragraph) => paragraph && !paragraph.startsWith('## Nơi') && !paragraph.startsWith('## Chữ'));
}

/** Times-Roman in the PDF is WinAnsi: the letters lose their Vietnamese marks (the layout work is the same). */
const latin = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').replace(/[^\x20-\x7e]/gu, '-');

function pdfOf(texts: string[], pages: number): Uint8Array {
  const out: PdfLine[][] = [];
  let page: PdfLine[] = [];
  let y = 770;
  for (let index = 0; out.length < pages; index++) {
    const words = latin(texts[index % texts.length]!).split(' ');
    let line = '';
    let first = true;
    const flush = () => {
      page.push({ text: line, x: first ? 113 : 85, y });
      first = false;
      line = '';
      y -= 16;
      if (y < 60) {
        out.push(page);
        page = [{ text: String(out.length + 1), x: 300, y: 805 }];
        y = 770;
      }
    };
    for (const word of words) {
      if ((line + word).length > 88) flush();
      line += `${line ? ' ' : ''}${word}`;
    }
    if (line) flush();
    y -= 6;
  }
  return buildPdf(out.slice(0, pages));
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

async function docxOf(texts: string[], words: number): Promise<Uint8Array> {
  const paragraph = (text: string, properties = '<w:jc w:val="both"/><w:ind w:firstLine="567"/>', bold = false) => `<w:p><w:pPr>${properties}</w:pPr><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
  const cell = (content: string) => `<w:tc>${content}</w:tc>`;
  let body = `<w:tbl><w:tr>${cell(paragraph('VĂN PHÒNG CHÍNH PHỦ', '<w:jc w:val="center"/>', true))}${cell(paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '<w:jc w:val="center"/>', true) + paragraph('Độc lập - Tự do - Hạnh phúc', '<w:jc w:val="center"/>', true))}</w:tr><w:tr>${cell(paragraph('Số: 530/TB-VPCP', '<w:jc w:val="center"/>'))}${cell(paragraph('Hà Nội, ngày 22 tháng 11 năm 2024', '<w:jc w:val="center"/>'))}</w:tr></w:tbl>`;
  body += paragraph('THÔNG BÁO', '<w:jc w:val="center"/>', true);
  let count = 0;
  for (let index = 0; count < words; index++) {
    const text = texts[index % texts.length]!;
    count += text.split(' ').length;
    body += paragraph(text.replace(/^## /u, ''));
  }
  const zip = new JSZip();
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function timed(rounds: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

export interface ImportBudget {
  what: string;
  limit: string;
  measured: string;
  met: boolean;
}

export async function measureImport(seeds: Seed[]): Promise<{ section: string; budgets: ImportBudget[] }> {
  const knowledge = loadKnowledge();
  const texts = paragraphs(seeds);
  const pdf = pdfOf(texts, 30);
  // About 450 words to a page of 14 pt text: 10 pages.
  const docx = await docxOf(texts, 4500);
  const pdfMs = await timed(5, async () => importDocument(await readPdf(pdf), knowledge));
  const docxMs = await timed(10, async () => importDocument(await readDocx(docx), knowledge));
  // A real LibreOffice PDF (embedded subset fonts, whose names are read on the first and last pages).
  const real = readFileSync(path.resolve(import.meta.dirname, '..', 'test', 'fixtures', 'import', '188-TB-VPCP-2015.pdf'));
  let realPages = 0;
  const realMs = await timed(5, async () => {
    const model = await readPdf(real);
    realPages = Math.max(...model.blocks.map((block) => (block.kind === 'paragraph' ? (block.source.page ?? 0) : 0)));
    return importDocument(model, knowledge);
  });
  const section = [
    '### Import (issue 14)',
    '',
    '| input | median | budget | met |',
    '|---|---|---|---|',
    `| 30-page PDF (${(pdf.length / 1024).toFixed(0)} KB) read and imported | ${pdfMs.toFixed(0)} ms | ≤ 2000 ms | ${pdfMs <= 2000 ? 'yes' : '**no**'} |`,
    `| ${realPages}-page PDF made by LibreOffice (test/fixtures/import/188-TB-VPCP-2015.pdf) | ${realMs.toFixed(0)} ms (${(realMs / realPages).toFixed(0)} ms a page) | — | — |`,
    `| 10-page .docx (${(docx.length / 1024).toFixed(0)} KB) read and imported | ${docxMs.toFixed(0)} ms | ≤ 500 ms | ${docxMs <= 500 ? 'yes' : '**no**'} |`,
    '',
  ].join('\n');
  const budgets: ImportBudget[] = [
    { what: '30-page PDF read and imported', limit: '≤ 2000 ms', measured: `${pdfMs.toFixed(0)} ms`, met: pdfMs <= 2000 },
    { what: '10-page .docx read and imported', limit: '≤ 500 ms', measured: `${docxMs.toFixed(0)} ms`, met: docxMs <= 500 },
  ];
  return { section, budgets };
}
