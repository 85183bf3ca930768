/**
 * Converts the real notices picked for the task golden labels from
 * ../shared/corpus into the dialect (test/fixtures/tasks/corpus/*.tb.md).
 * Run once by hand (`npx tsx test/tasks/corpus-to-dialect.ts`); its output is
 * committed, so the labels stay on a fixed text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '../../../shared/corpus');
const out = join(here, '../fixtures/tasks/corpus');

export const PRE2020 = ['03-TB-VPCP-2018', '111-TB-VPCP-2018', '132-TB-VPCP-2018', '37-TB-VPCP-2019', '218-TB-VPCP-2014', '15-TB-VPCP-2014', '61-TB-VPCP-2015', '41-TB-VPCP-2016', '133-TB-VPCP-2009'];
export const Y2025 = ['627-TB-VPCP-2025'];

interface Header {
  number: string;
  date: string;
  subject: string;
  signer: string;
}

function frontMatter(header: Header, source: string): string {
  return [
    '---',
    `# ${source}; converted by test/tasks/corpus-to-dialect.ts`,
    'co-quan: Văn phòng Chính phủ',
    `so: ${header.number}`,
    'dia-danh: Hà Nội',
    `ngay: ${header.date}`,
    'loai: Thông báo',
    `trich-yeu: >-\n  ${header.subject}`,
    '---',
    '',
    '',
  ].join('\n');
}

function closing(recipients: string[], signer: string): string {
  const entries = recipients.length ? recipients : ['Lưu: VT.'];
  return ['', '## Nơi nhận', '', ...entries.map((entry) => `- ${entry}`), '', '## Chữ ký', '', 'KT. BỘ TRƯỞNG, CHỦ NHIỆM\\', 'PHÓ CHỦ NHIỆM', '', signer, ''].join('\n');
}

/** A bold-only line ("**I. ĐÁNH GIÁ CHUNG**") is a section heading. */
function bodyLine(line: string): string {
  const bold = /^\*\*([^*].*?)\*\*$/u.exec(line.trim());
  if (bold) return `## ${bold[1]!.trim()}`;
  return line.replace(/\*+/gu, '').replace(/_/gu, '').trim();
}

function convertPre2020(name: string): string {
  const json = JSON.parse(readFileSync(join(corpus, 'pre2020', `${name}.json`), 'utf8')) as { id: string; title: string; issuedDate: string; signers: string[]; mdContent: string };
  const md = json.mdContent
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\\([-.*_()[\]])/gu, '$1')
    .replace(/\r/gu, '');
  const lines = md.split('\n').map((line) => line.replace(/\s+$/u, ''));
  const title = lines.findIndex((line) => /^\*\*THÔNG BÁO\*\*$/u.test(line.trim()));
  let at = title + 1;
  while (!lines[at]!.trim()) at++;
  at++; // the subject line, in capitals
  const end = lines.findIndex((line, index) => index > at && /Nơi nhận/u.test(line));
  const body = lines.slice(at, end).map(bodyLine);
  const recipients = lines
    .slice(end + 1)
    .filter((line) => /^-\s/u.test(line.trim()))
    .map((line) => line.trim().replace(/^-\s*/u, ''));
  const subject = json.title
    .replace(/^Thông báo (số )?\d+\/TB-VPCP (năm \d{4} )?/u, '')
    .replace(/ do Văn phòng Chính phủ ban hành$/u, '');
  const header = { number: json.id, date: json.issuedDate, subject: subject[0]!.toUpperCase() + subject.slice(1), signer: json.signers[0] ?? 'Nguyễn Văn A' };
  return frontMatter(header, `corpus/pre2020/${name}.json`) + tidy(body.join('\n')) + closing(recipients, header.signer);
}

function convert2025(name: string): string {
  const text = readFileSync(join(corpus, '2025', `${name}.md`), 'utf8').replace(/\r/gu, '');
  const provenance = /^---\n[\s\S]*?number: (\S+)\nissued: (\S+)\n[\s\S]*?---\n/u.exec(text)!;
  const lines = text.slice(provenance[0].length).split('\n');
  const title = lines.findIndex((line) => line.trim() === '**THÔNG BÁO**');
  let at = title + 1;
  while (!lines[at]!.trim()) at++;
  const subjectLines: string[] = [];
  while (lines[at]!.trim()) subjectLines.push(lines[at++]!.trim());
  const end = lines.findIndex((line, index) => index > at && /^Nơi nhận/u.test(line.trim()));
  // Paragraphs are hard-wrapped: join the lines of each one.
  const paragraphs = lines
    .slice(at, end)
    .join('\n')
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trim()).join(' ').trim())
    .filter((paragraph) => paragraph && paragraph !== '|')
    .map(bodyLine);
  const signer = /\n\*\*([^*\n]+)\*\*\s*$/u.exec(text.slice(0, text.lastIndexOf('|')))?.[1] ?? 'Phạm Mạnh Cường';
  const subject = subjectLines.join(' ').replace(/^KẾT LUẬN/u, 'Kết luận').replace(/\s+/gu, ' ');
  const header = { number: provenance[1]!, date: provenance[2]!, subject: subject.charAt(0) + subject.slice(1).toLowerCase(), signer: signer.trim() };
  return frontMatter(header, `corpus/2025/${name}.md`) + paragraphs.join('\n\n') + '\n' + closing([], header.signer);
}

/** One blank line between blocks, as the dialect writes them. */
function tidy(body: string): string {
  return body.replace(/\n{3,}/gu, '\n\n').trim() + '\n';
}

for (const name of PRE2020) writeFileSync(join(out, `${name}.tb.md`), convertPre2020(name));
for (const name of Y2025) writeFileSync(join(out, `${name}.tb.md`), convert2025(name));
