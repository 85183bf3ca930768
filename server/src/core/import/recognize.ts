import { msg } from '../types.js';
import type { Agency, DocType } from '../../knowledge/types.js';
import { dropArtefacts, plain } from './artefacts.js';
import { NATIONAL_NAME, readHeader, typeFromCaps, type HeaderFields } from './header.js';
import { documentLines, makeLine, type Line } from './lines.js';
import type { OfficeDocument, SourcePosition, TextRun } from './model.js';
import { HEADING_START, joinLines, rebuildParagraphs, type Paragraph } from './paragraphs.js';
import { shorten, type ImportEntry } from './report.js';
import { renderRuns } from './write.js';

/** A notice as recognised in a document, before it is written in the dialect. */
export interface RecognizedNotice {
  fields: HeaderFields & { loai?: string; 'trich-yeu'?: string };
  fieldSources: Partial<Record<string, SourcePosition>>;
  body: { heading: boolean; runs: TextRun[]; source: SourcePosition }[];
  /** Footnotes by the number written in the source ("1") or the reader's id. */
  footnotes: { id: string; runs: TextRun[]; source: SourcePosition }[];
  recipients: { text: string; source: SourcePosition }[];
  /** The header has a date with blanks ("ngày … tháng … năm 2024"). */
  incompleteDate: boolean;
  /** "Nơi nhận" was found. */
  closing: boolean;
  signature: { titles: { text: string; source: SourcePosition }[]; name?: { text: string; source: SourcePosition } };
  report: ImportEntry[];
  /**
   * The source's text is plain text to be escaped where Markdown would read it as markup (docx, html, pdf: their
   * emphasis is in the runs); a text or Markdown source already writes its emphasis as "*…*" (the transcriptions).
   */
  escapeMarkup: boolean;
}

const RECIPIENTS = /^Nơi\s+nhận\s*:?\s*(.*)$/u;
const KEEP_LINE = /^[-–]?\s*Lưu\b/u;
const APPENDIX = /^PHỤ LỤC\b/u;
const AUTHORITY = /^(?:TM|KT|TL|TUQ|Q)\.\s+\p{Lu}/u;
const isCaps = (text: string) => /\p{Lu}/u.test(text) && text === text.toLocaleUpperCase('vi');
const isSuperscriptNumber = (run: TextRun | undefined) => run !== undefined && run.superscript === true && /^\s*\d{1,3}\s*$/u.test(run.text);

export interface Knowledgeable {
  agencies: readonly Agency[];
  docTypes: readonly DocType[];
}

export function recognize(document: OfficeDocument, knowledge: Knowledgeable): RecognizedNotice {
  const report: ImportEntry[] = document.notes.map((note) => ({ kind: 'dropped', message: note.message, source: note.source }));
  const printed = document.format === 'pdf' || document.format === 'txt';
  const lines = dropArtefacts(documentLines(document), report, printed);
  const escapeMarkup = document.format !== 'txt' && document.format !== 'md';
  const notice: RecognizedNotice = { fields: {}, fieldSources: {}, body: [], footnotes: [], recipients: [], closing: false, incompleteDate: false, signature: { titles: [] }, report, escapeMarkup };

  // Header: the national name, and the capitals above it; all before the type name.
  const nationalAt = findNational(lines);
  const typeAt = lines.findIndex((line, index) => index >= Math.max(0, nationalAt) && !line.blank && typeFromCaps(plain(line), knowledge.docTypes) !== undefined);
  let cursor = 0;
  if (nationalAt >= 0) {
    let start = nationalAt;
    // Above the national name: the body's name in capitals and, when a page is read column by column, "Số: …".
    while (start > 0 && nationalAt - start < 8 && (lines[start - 1]!.blank || isCaps(plain(lines[start - 1]!)) || /^Số\s*:/u.test(plain(lines[start - 1]!)))) start--;
    while (start < nationalAt && lines[start]!.blank) start++;
    dropClutter(lines.slice(0, start), report, msg('Bỏ phần chữ trước phần đầu văn bản (trang web, siêu dữ liệu).', 'Dropped the text before the header (web page, metadata).'));
    const end = typeAt >= 0 ? typeAt : headerEnd(lines, nationalAt);
    const header = readHeader(lines.slice(start, end).filter((line) => !line.blank), knowledge.agencies, report);
    Object.assign(notice.fields, header.fields);
    Object.assign(notice.fieldSources, header.sources);
    notice.incompleteDate = header.incompleteDate;
    cursor = end;
  } else if (typeAt >= 0) {
    dropClutter(lines.slice(0, typeAt), report, msg('Chữ trước tên loại văn bản không thuộc thành phần nào: không đưa vào.', 'Text before the type name belongs to no component: left out.'), 'unplaced');
    cursor = typeAt;
  }
  if (typeAt >= 0) {
    notice.fields.loai = typeFromCaps(plain(lines[typeAt]!), knowledge.docTypes);
    notice.fieldSources.loai = lines[typeAt]!.source;
    cursor = typeAt + 1;
  }

  // Subject: right under the type name (or at the top when the type name is lost).
  const subject = readSubject(lines, cursor, document.layout);
  if (subject.lines.length > 0) {
    notice.fields['trich-yeu'] = joinLines(subject.lines).map((run) => run.text).join('').replace(/\s+/gu, ' ').trim();
    notice.fieldSources['trich-yeu'] = subject.lines[0]!.source;
    cursor = subject.end;
  }

  // Closing: "Nơi nhận", recipients, signature; the body is what lies between.
  let closingAt = lines.findIndex((line, index) => index >= cursor && RECIPIENTS.test(plain(line)));
  let signatureAt: number;
  if (closingAt >= 0) {
    notice.closing = true;
    signatureAt = readRecipients(lines, closingAt, notice);
  } else {
    signatureAt = findSignature(lines, cursor);
    closingAt = signatureAt >= 0 ? signatureAt : lines.length;
  }
  const afterSignature = signatureAt >= 0 ? readSignature(lines, signatureAt, notice) : lines.length;
  const trailing = lines.slice(afterSignature);

  const bodyLines = lines.slice(cursor, closingAt);
  readBody(bodyLines, trailing, document, notice);
  guessFromClosingFormula(notice);
  return notice;
}

function findNational(lines: Line[]): number {
  // Two lines at a time: a transcription may break the national name.
  for (let index = 0; index < lines.length; index++) {
    const pair = `${plain(lines[index]!)} ${lines[index + 1] ? plain(lines[index + 1]!) : ''}`;
    const match = NATIONAL_NAME.exec(pair);
    if (match && match.index <= plain(lines[index]!).length) return index;
  }
  return -1;
}

/** Without a type name, the header ends after the line holding the date. */
function headerEnd(lines: Line[], from: number): number {
  for (let index = from; index < Math.min(lines.length, from + 12); index++) {
    if (/ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\d{4}/u.test(`${plain(lines[index]!)} ${lines[index + 1] ? plain(lines[index + 1]!) : ''}`)) {
      return /năm\s+\d{4}/u.test(plain(lines[index]!)) ? index + 1 : index + 2;
    }
  }
  return from + 1;
}

function dropClutter(lines: Line[], report: ImportEntry[], message: ImportEntry['message'], kind: ImportEntry['kind'] = 'dropped'): void {
  const text = lines.filter((line) => !line.blank);
  if (text.length === 0) return;
  report.push({ kind, source: text[0]!.source, text: shorten(text.map(plain).join(' ')), message: msg(`${message.vi} (${text.length} dòng)`, `${message.en} (${text.length} lines)`) });
}

function readSubject(lines: Line[], from: number, layout: OfficeDocument['layout']): { lines: Line[]; end: number } {
  let index = from;
  while (index < lines.length && lines[index]!.blank) index++;
  const first = lines[index];
  if (!first || RECIPIENTS.test(plain(first))) return { lines: [], end: from };
  const taken: Line[] = [];
  if (layout === 'paragraphs') {
    // Centred (or bold) paragraphs under the type name, up to the first body paragraph.
    if (first.align !== 'center' && !first.bold) return { lines: [], end: from };
    let end = index;
    for (; end < lines.length; end++) {
      const line = lines[end]!;
      if (line.blank) {
        if (taken.length > 0 && lines[end + 1] && lines[end + 1]!.align !== 'center') break;
        continue;
      }
      if (line.align !== 'center' && !(line.bold && line.align === undefined && taken.length === 0)) break;
      if (HEADING_START.test(plain(line)) && taken.length > 0) break;
      taken.push(line);
    }
    return { lines: taken, end };
  }
  // Printed lines: a subject in capitals runs while the capitals do; a subject in
  // sentence case runs while the next line goes on in lower case.
  const caps = isCaps(plain(first));
  if (!caps && HEADING_START.test(plain(first))) return { lines: [], end: from };
  let end = index;
  let blankAbove = false;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (line.blank) {
      blankAbove = true;
      continue;
    }
    const text = plain(line);
    if (taken.length > 0) {
      // A printed subject (centred, bold) goes on in the centred bold line right under it, even from a capital ("Bình tại …", "(Đề án 06)").
      const printedContinuation = !blankAbove && first.bold && line.bold && first.align === 'center' && line.align === 'center';
      if (caps ? !isCaps(text) : !/^\p{Ll}/u.test(text) && !printedContinuation) break;
    }
    blankAbove = false;
    taken.push(line);
    if (taken.length >= 8) break;
  }
  if (!caps && taken.length === 1 && first.align !== 'center' && /[.;:]$/u.test(plain(first))) return { lines: [], end: from };
  return { lines: taken, end: end < lines.length && taken.length >= 8 ? end + 1 : end };
}

/** Reads "Nơi nhận" and its entries; returns where the signature starts (-1 if none). */
function readRecipients(lines: Line[], at: number, notice: RecognizedNotice): number {
  const heading = lines[at]!;
  const items: { lines: Line[] }[] = [];
  const rest = RECIPIENTS.exec(plain(heading))![1]!;
  if (rest) items.push({ lines: [makeLine([{ text: rest }], { source: heading.source })] });
  let index = at + 1;
  let sawKeep = false;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.blank) continue;
    const text = plain(line);
    if (heading.cell && line.cell && line.cell.column !== heading.cell.column) break;
    if (sawKeep) break;
    const dash = /^[-–+•]/u.test(text);
    const last = items[items.length - 1]?.lines;
    const unfinished = last !== undefined && !/[;.]$/u.test(plain(last[last.length - 1]!));
    if (dash || KEEP_LINE.test(text)) {
      // "Lưu: …" is always the last entry, even where the drafter left out its dash.
      if (!dash) notice.report.push({ kind: 'guessed', source: line.source, text: shorten(text), message: msg('Dòng “Lưu” không có gạch đầu dòng: coi là mục cuối của “Nơi nhận”.', 'The “Lưu” line has no dash: taken as the last “Nơi nhận” entry.') });
      items.push({ lines: [line] });
    } else if (last && unfinished) {
      last.push(line);
    } else if (AUTHORITY.test(text) || (isCaps(text) && text.length > 3)) {
      break;
    } else if (last) {
      last.push(line);
    } else {
      items.push({ lines: [line] });
    }
    if (KEEP_LINE.test(text)) sawKeep = true;
  }
  for (const item of items) {
    // The entries print upright: an italic or bold stretch is the drafter's (the mark after "Lưu: …", *LC*), kept as emphasis.
    const text = renderRuns(joinLines(item.lines), new Map(), { escapeMarkup: notice.escapeMarkup }).replace(/\s+/gu, ' ').replace(/^[-–+•]\s*/u, '').trim();
    if (text) notice.recipients.push({ text, source: item.lines[0]!.source });
  }
  if (items.some((item) => item.lines.length > 1)) {
    notice.report.push({ kind: 'guessed', source: heading.source, message: msg('Nối các dòng không có gạch đầu dòng vào mục “Nơi nhận” phía trên.', 'Joined lines without a dash to the “Nơi nhận” entry above them.') });
  }
  while (index < lines.length && lines[index]!.blank) index++;
  return index < lines.length ? index : -1;
}

/** Without "Nơi nhận": the signature is the last authority or capitals line followed by a name. */
function findSignature(lines: Line[], from: number): number {
  for (let index = lines.length - 1; index >= from; index--) {
    const text = plain(lines[index]!);
    if (lines[index]!.blank) continue;
    if (AUTHORITY.test(text)) return index;
  }
  return -1;
}

/** Title lines in capitals (joined where a line ends with a comma), then the signer's name. */
function readSignature(lines: Line[], at: number, notice: RecognizedNotice): number {
  let index = at;
  const titles = notice.signature.titles;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.blank) continue;
    const text = plain(line);
    if (!isCaps(text) || text.length < 2) break;
    const previous = titles[titles.length - 1];
    if (previous && /,$/u.test(previous.text)) previous.text = `${previous.text} ${text}`;
    else titles.push({ text, source: line.source });
  }
  while (index < lines.length && lines[index]!.blank) index++;
  const name = lines[index];
  if (titles.length > 0 && name && /^\p{Lu}\p{Ll}/u.test(plain(name)) && plain(name).split(' ').length <= 6) {
    notice.signature.name = { text: plain(name), source: name.source };
    index++;
  }
  return index;
}

function readBody(bodyLines: Line[], trailing: Line[], document: OfficeDocument, notice: RecognizedNotice): void {
  const { report } = notice;
  // Footnote texts printed inside the body (page foot) or after the signature.
  const footnoteLines = new Set<Line>();
  const definitions: { id: string; lines: Line[] }[] = [];
  const collect = (lines: Line[], plainNumbers: boolean) => {
    let current: { id: string; lines: Line[] } | undefined;
    for (const line of lines) {
      if (line.blank) {
        current = undefined;
        continue;
      }
      const leading = line.runs[0];
      const expected = String(definitions.length + 1);
      const plainNumber = plainNumbers ? new RegExp(`^${expected}\\s+\\S`, 'u').test(line.text) : false;
      if (isSuperscriptNumber(leading) || plainNumber) {
        const id = isSuperscriptNumber(leading) ? leading!.text.trim() : expected;
        const runs = isSuperscriptNumber(leading) ? line.runs.slice(1) : [{ ...leading!, text: leading!.text.replace(/^\d+\s+/u, '') }, ...line.runs.slice(1)];
        current = { id, lines: [makeLine(runs, { source: line.source, geometry: line.geometry })] };
        definitions.push(current);
        footnoteLines.add(line);
      } else if (current && (!line.geometry || !current.lines[0]!.geometry || line.geometry.size <= current.lines[0]!.geometry.size + 0.5) && (plainNumbers || line.geometry)) {
        current.lines.push(line);
        footnoteLines.add(line);
      } else {
        current = undefined;
      }
    }
  };
  if (document.layout === 'lines') {
    collect(bodyLines, false);
    // Notes printed after an appendix belong to the appendix, which is not imported.
    const appendixAt = trailing.findIndex((line) => APPENDIX.test(plain(line)));
    collect(appendixAt >= 0 ? trailing.slice(0, appendixAt) : trailing, true);
  }
  for (const footnote of document.footnotes) {
    definitions.push({ id: footnote.id, lines: footnote.paragraphs.flatMap((paragraph) => documentLines({ ...document, blocks: [paragraph] })) });
  }
  for (const definition of definitions) {
    notice.footnotes.push({ id: definition.id, runs: joinLines(definition.lines), source: definition.lines[0]!.source });
  }
  const rest = trailing.filter((line) => !line.blank && !footnoteLines.has(line));
  if (rest.length > 0) {
    const appendix = rest.find((line) => APPENDIX.test(plain(line)));
    report.push({
      kind: 'unplaced',
      source: rest[0]!.source,
      text: shorten(rest.map(plain).join(' ')),
      message: appendix
        ? msg(`Phụ lục và phần sau chữ ký (${rest.length} dòng) không đưa vào: thể thức thông báo chưa có phụ lục.`, `Appendices and what follows the signature (${rest.length} lines) are left out: the dialect has no appendices.`)
        : msg(`Phần chữ sau chữ ký (${rest.length} dòng) không thuộc thành phần nào: không đưa vào.`, `Text after the signature (${rest.length} lines) belongs to no component: left out.`),
    });
  }

  const lines = bodyLines.filter((line) => !footnoteLines.has(line));
  let paragraphs: Paragraph[];
  if (document.layout === 'lines') {
    paragraphs = rebuildParagraphs(lines, report, document.format === 'md' && lines.some((line) => line.blank));
  } else {
    paragraphs = [];
    for (const line of lines) {
      if (line.blank) continue;
      const previous = paragraphs[paragraphs.length - 1];
      if (line.paragraphStart === false && previous) {
        previous.lines.push(line);
        previous.runs = joinLines(previous.lines);
        report.push({ kind: 'guessed', source: line.source, text: shorten(line.text), message: msg('Dấu xuống dòng trong đoạn văn: nối vào dòng trên.', 'A line break inside a paragraph: joined to the line above.') });
      } else {
        paragraphs.push({ runs: [...line.runs], source: line.source, lines: [line] });
      }
    }
  }
  for (const paragraph of paragraphs) {
    const text = paragraph.runs.map((run) => run.text).join('');
    notice.body.push({ heading: HEADING_START.test(text.trim()), runs: paragraph.runs, source: paragraph.source });
  }
  if (document.layout === 'lines' && notice.footnotes.length > 0) linkPlainReferences(notice);
}

/**
 * Footnote numbers that a text extraction glued to the word before them
 * ("tiến độ,1", "tuyến2"): the n-th footnote's number, right after a letter
 * or punctuation, after the previous reference. Reported as guesses.
 */
function linkPlainReferences(notice: RecognizedNotice): void {
  const hasMarkers = notice.body.some((paragraph) => paragraph.runs.some(isSuperscriptNumber));
  if (hasMarkers) return;
  let paragraphIndex = 0;
  let runIndex = 0;
  let offset = 0;
  for (const footnote of notice.footnotes) {
    const pattern = new RegExp(`(?<=[\\p{L},.;:)”])${footnote.id}(?=[\\s,.;:)]|$)`, 'u');
    let found = false;
    for (; paragraphIndex < notice.body.length && !found; paragraphIndex++, runIndex = 0, offset = 0) {
      const runs = notice.body[paragraphIndex]!.runs;
      for (; runIndex < runs.length; runIndex++, offset = 0) {
        const run = runs[runIndex]!;
        if (run.superscript || run.footnote) continue;
        pattern.lastIndex = 0;
        const match = pattern.exec(run.text.slice(offset));
        if (!match) continue;
        const at = offset + match.index;
        runs.splice(runIndex, 1, { ...run, text: run.text.slice(0, at) }, { text: footnote.id, superscript: true }, { ...run, text: run.text.slice(at + footnote.id.length) });
        notice.report.push({ kind: 'guessed', source: notice.body[paragraphIndex]!.source, text: shorten(run.text.slice(Math.max(0, at - 30), at + 1)), message: msg(`Số ${footnote.id} dính liền chữ trước nó được coi là dấu chú thích [^${footnote.id}].`, `The number ${footnote.id} glued to the word before it is taken as footnote reference [^${footnote.id}].`) });
        runIndex += 2;
        found = true;
        break;
      }
      if (found) break;
    }
  }
}

/** Without a header, the issuing body may still be named by the closing formula ("Văn phòng Chính phủ thông báo …"). */
function guessFromClosingFormula(notice: RecognizedNotice): void {
  if (notice.fields['co-quan']) return;
  const last = notice.body[notice.body.length - 1];
  const text = last?.runs.map((run) => run.text).join('') ?? '';
  const match = /^(Văn phòng Chính phủ)\s+(?:trân trọng\s+|xin\s+)?thông báo\b/u.exec(text);
  if (match && last) {
    notice.fields['co-quan'] = match[1]!;
    notice.fieldSources['co-quan'] = last.source;
    notice.report.push({ kind: 'guessed', source: last.source, text: shorten(text), message: msg('Không có phần đầu văn bản: lấy “co-quan” từ câu kết thúc.', 'No header: “co-quan” taken from the closing formula.') });
  }
}
