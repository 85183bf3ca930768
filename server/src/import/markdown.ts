import type { OfficeDocument, Paragraph, ReaderNote, TextRun } from '../core/import/model.js';

/**
 * Markdown transcriptions of notices, as legal-site scrapers write them
 * (shared/corpus/2025): hard-wrapped lines, table cells split by lines that
 * hold only `|`, emphasis that may run over a line break (`**VĂN⏎PHÒNG CHÍNH
 * PHỦ**`), `[1]` footnote markers. One paragraph of the model per line, like a
 * text extraction; emphasis becomes run formatting, `|` lines become blank
 * lines (they separate cells), links keep their text. A leading YAML block is
 * the file's own metadata, not the notice: it is left out and reported.
 */
export function readMarkdown(markdown: string): OfficeDocument {
  const notes: ReaderNote[] = [];
  let lines = markdown.replace(/^\ufeff/u, '').replace(/\r\n?/gu, '\n').split('\n');
  let offset = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      notes.push({ message: { vi: `Bỏ khối YAML đầu tệp (${end + 1} dòng): siêu dữ liệu của tệp, không phải của văn bản.`, en: `Dropped the YAML block at the top of the file (${end + 1} lines): file metadata, not the notice.` }, source: { line: 1 } });
      offset = end + 1;
      lines = lines.slice(offset);
    }
  }
  const blocks: Paragraph[] = [];
  let bold = false;
  let italic = false;
  let pipes = 0;
  let links = 0;
  lines.forEach((raw, index) => {
    const source = { line: index + 1 + offset };
    const trimmed = raw.trim();
    if (trimmed === '|' || trimmed === '' || trimmed === '#') {
      if (trimmed === '|') pipes++;
      // Emphasis never runs over a cell or a blank line.
      bold = italic = false;
      blocks.push({ kind: 'paragraph', runs: [], source });
      return;
    }
    let text = raw.replace(/^\s*#{1,6}\s+/u, '');
    text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/gu, (_match, label: string) => {
      links++;
      return label;
    });
    const runs: TextRun[] = [];
    let current = '';
    const push = () => {
      if (current) runs.push({ text: current, bold, italic });
      current = '';
    };
    for (let at = 0; at < text.length; at++) {
      const char = text[at]!;
      if (char === '\\' && at + 1 < text.length && /[\\`*_{}[\]()#+\-.!|>]/u.test(text[at + 1]!)) {
        current += text[++at];
        continue;
      }
      if (char === '*' || char === '_') {
        // "_" is emphasis only at a word boundary (snake_case stays as written).
        if (char === '_' && /[\p{L}\d]/u.test(text[at - 1] ?? '') && /[\p{L}\d]/u.test(text[at + 1] ?? '')) {
          current += char;
          continue;
        }
        push();
        if (text[at + 1] === char) {
          bold = !bold;
          at++;
        } else italic = !italic;
        continue;
      }
      const reference = /^\[(\d{1,3})\]/u.exec(text.slice(at));
      if (reference) {
        push();
        runs.push({ text: reference[1]!, superscript: true });
        at += reference[0].length - 1;
        continue;
      }
      current += char;
    }
    push();
    blocks.push({ kind: 'paragraph', runs, source });
  });
  if (pipes > 0) notes.push({ message: { vi: `Bỏ ${pipes} dòng chỉ có “|” (vết của bảng khi chép).`, en: `Dropped ${pipes} lines holding only “|” (table remnants of the transcription).` }, source: {} });
  if (links > 0) notes.push({ message: { vi: `Bỏ ${links} liên kết (giữ chữ của chúng).`, en: `Dropped ${links} links (their text is kept).` }, source: {} });
  return { format: 'md', layout: 'lines', blocks, footnotes: [], notes };
}
