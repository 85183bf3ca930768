import { msg } from '../types.js';
import { isRealDate } from '../frontmatter.js';
import type { Agency, DocType } from '../../knowledge/types.js';
import { plain } from './artefacts.js';
import type { Line } from './lines.js';
import type { SourcePosition } from './model.js';
import { shorten, type ImportEntry } from './report.js';

/**
 * The header block (official-layout §2.1 boxes 1–8): issuing body, national
 * name and motto, "Số: …", "<place>, ngày … tháng … năm …". Table cells and
 * flattened text extractions are read the same way: the header's lines are
 * joined and the fixed texts are matched in the joined text, because a
 * transcription may break any of them over two lines ("**CỘNG⏎HÒA XÃ HỘI …").
 */

export const NATIONAL_NAME = /C[ỘO]NG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/u;
const MOTTO = /Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc/u;
const NUMBER = /Số\s*:\s*((?:[\d.…_]*|\s*)\s*\/\s*[\p{Lu}Đ\d]+(?:-[\p{Lu}Đ\d]+)+)/u;
// A draft leaves the day, month and year blank (or dotted); the text's own blanks may be collapsed to one space.
const DATE = /([^\n,]*?),\s*ngày(?:\s+(\d{1,2})|[ \t.…_]*)\s*tháng(?:\s+(\d{1,2})|[ \t.…_]*)\s*năm(?:\s+(\d{4})|[ \t.…_]*)/u;

export interface HeaderFields {
  'co-quan'?: string;
  so?: string;
  'dia-danh'?: string;
  ngay?: string;
}

export interface HeaderResult {
  fields: HeaderFields;
  sources: Partial<Record<keyof HeaderFields, SourcePosition>>;
  incompleteDate: boolean;
}

/** Joined text of lines with, for each character range, the line it came from. */
class Joined {
  readonly text: string;
  private readonly starts: number[] = [];

  constructor(readonly lines: Line[]) {
    let text = '';
    for (const line of lines) {
      this.starts.push(text.length);
      text += `${plain(line)}\n`;
    }
    this.text = text;
  }

  lineAt(offset: number): Line {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return this.lines[low]!;
  }
}

/** A caps name turned back into its registry form ("VĂN PHÒNG CHÍNH PHỦ" → "Văn phòng Chính phủ"). */
export function agencyFromCaps(caps: string, agencies: readonly Agency[]): { agency?: Agency; parent: string } {
  const wanted = caps.replace(/\s+/gu, ' ').trim();
  let best: Agency | undefined;
  for (const agency of agencies) {
    const upper = agency.name.toLocaleUpperCase('vi');
    if (wanted === upper || wanted.endsWith(` ${upper}`)) {
      if (!best || agency.name.length > best.name.length) best = agency;
    }
  }
  if (!best) return { parent: '' };
  return { agency: best, parent: wanted.slice(0, wanted.length - best.name.length).trim() };
}

const isCaps = (text: string) => /\p{Lu}/u.test(text) && text === text.toLocaleUpperCase('vi');

export function readHeader(lines: Line[], agencies: readonly Agency[], report: ImportEntry[]): HeaderResult {
  const fields: HeaderFields = {};
  const sources: HeaderResult['sources'] = {};
  let incompleteDate = false;
  const joined = new Joined(lines);
  // Blank out what is recognised, so what is left is the body's name (and anything unplaced).
  let rest = joined.text;
  const consume = (start: number, end: number) => {
    rest = rest.slice(0, start) + rest.slice(start, end).replace(/[^\n]/gu, ' ') + rest.slice(end);
  };
  for (const fixed of [NATIONAL_NAME, MOTTO]) {
    const match = fixed.exec(rest);
    if (match) consume(match.index, match.index + match[0].length);
  }
  const number = NUMBER.exec(rest);
  if (number) {
    fields.so = number[1]!.trim();
    sources.so = joined.lineAt(number.index).source;
    consume(number.index, number.index + number[0].length);
  }
  const date = DATE.exec(rest);
  if (date) {
    const place = date[1]!.trim();
    if (place) {
      fields['dia-danh'] = place;
      sources['dia-danh'] = joined.lineAt(date.index).source;
    }
    const [day, month, year] = [date[2], date[3], date[4]].map((part) => (part === undefined ? undefined : Number(part)));
    const source = joined.lineAt(date.index + date[0].indexOf('ngày')).source;
    if (day !== undefined && month !== undefined && year !== undefined && isRealDate(year, month, day)) {
      fields.ngay = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      sources.ngay = source;
      const printed = `ngày ${String(day).padStart(2, '0')} tháng ${month <= 2 ? String(month).padStart(2, '0') : month} năm ${year}`;
      const written = date[0].slice(date[0].indexOf('ngày')).replace(/\s+/gu, ' ');
      if (written !== printed) {
        report.push({
          kind: 'guessed',
          source,
          text: written,
          message: msg(`Ngày ban hành viết “${written}”; front matter giữ ngày ISO ${fields.ngay}, bản in sẽ là “${printed}”.`, `The date of issue is written “${written}”; the front matter keeps the ISO date ${fields.ngay}, printed as “${printed}”.`),
        });
      }
    } else {
      incompleteDate = true;
      report.push({ kind: 'missing', source, text: shorten(date[0]), message: msg('Ngày ban hành chưa đủ ngày, tháng, năm: để trống “ngay”.', 'The date of issue lacks a day, month or year: “ngay” is left empty.') });
    }
    consume(date.index, date.index + date[0].length);
  }
  // What is left: the body's name in capitals (parent body first, if any), then unplaced text.
  const leftovers: { text: string; line: Line }[] = [];
  let offset = 0;
  for (const piece of rest.split('\n')) {
    if (piece.trim()) leftovers.push({ text: piece.trim(), line: joined.lineAt(offset) });
    offset += piece.length + 1;
  }
  const capsPieces: { text: string; line: Line }[] = [];
  for (const piece of leftovers) {
    if (isCaps(piece.text) && (capsPieces.length === 0 || capsPieces[capsPieces.length - 1] === leftovers[leftovers.indexOf(piece) - 1])) capsPieces.push(piece);
    else report.push({ kind: 'unplaced', source: piece.line.source, text: shorten(piece.text), message: msg('Chữ trong phần đầu văn bản không thuộc thành phần nào: không đưa vào.', 'Text in the header that belongs to no component: left out.') });
  }
  if (capsPieces.length > 0) {
    const caps = capsPieces.map((piece) => piece.text).join(' ');
    const { agency, parent } = agencyFromCaps(caps, agencies);
    sources['co-quan'] = capsPieces[0]!.line.source;
    if (agency) {
      fields['co-quan'] = agency.name;
      if (parent) report.push({ kind: 'unplaced', source: capsPieces[0]!.line.source, text: parent, message: msg(`Cơ quan chủ quản “${parent}”: thể thức thông báo chưa có trường này, không đưa vào.`, `Parent body “${parent}”: the dialect has no field for it; left out.`) });
    } else {
      fields['co-quan'] = caps;
      report.push({ kind: 'guessed', source: capsPieces[0]!.line.source, text: caps, message: msg(`Tên cơ quan “${caps}” không có trong danh mục: giữ nguyên chữ in hoa.`, `Body name “${caps}” is not in the agency list: kept in capitals.`) });
    }
  }
  return { fields, sources, incompleteDate };
}

/** The known type names in capitals ("THÔNG BÁO" → "Thông báo"). */
export function typeFromCaps(text: string, docTypes: readonly DocType[]): string | undefined {
  const wanted = text.replace(/\s+/gu, ' ').trim();
  return docTypes.find((type) => type.name.toLocaleUpperCase('vi') === wanted)?.name;
}
