import { agencyIndex, inForce, nameInForm } from '../agencyIndex.js';
import { todayDate } from '../dates.js';
import { abbreviationsWithLists } from '../abbreviationLists.js';
import type { Agency } from '../../knowledge/types.js';
import type { CompletionResult, DocumentSnapshot, FeatureEnv, HoverResult } from './types.js';
import { escapeMarkdown } from './markdown.js';

/**
 * Editor features over agency and abbreviation facts: hover on a name or an
 * abbreviation, completion of agency names in force on the notice's date.
 */

const isoToVietnamese = (iso: string) => iso.split('-').reverse().join('/');

function validity(agency: Agency, vi: boolean): string {
  const from = agency.validFrom ? isoToVietnamese(agency.validFrom) : null;
  const to = agency.validTo ? isoToVietnamese(agency.validTo) : null;
  if (!from && !to) return vi ? 'đang hoạt động' : 'in force';
  if (vi) return `${from ? `từ ${from}` : ''}${from && to ? ' ' : ''}${to ? `đến hết ${to}` : ''}`;
  return `${from ? `from ${from}` : ''}${from && to ? ' ' : ''}${to ? `until ${to}` : ''}`;
}

export function agencyHover(document: DocumentSnapshot, offset: number, env: FeatureEnv): HoverResult | undefined {
  const vi = env.locale === 'vi';
  const mention = document.analysis.facts.agencies.find((candidate) => candidate.start <= offset && offset < candidate.end);
  if (mention?.agency) {
    const agency = mention.agency;
    const index = agencyIndex(env.knowledge, env.config);
    const successors = agency.successors.map((id) => index.agencyById.get(id)?.name).filter((name): name is string => Boolean(name));
    const lines = [`**${escapeMarkdown(agency.name)}**`, ''];
    if (agency.symbolCode) lines.push(`${vi ? 'Ký hiệu' : 'Code'}: ${/^[^`\r\n]+$/u.test(agency.symbolCode) ? `\`${agency.symbolCode}\`` : escapeMarkdown(agency.symbolCode)}`);
    lines.push(`${vi ? 'Hiệu lực' : 'Validity'}: ${validity(agency, vi)}`);
    if (successors.length) lines.push(`${vi ? 'Cơ quan kế thừa' : 'Successor'}: ${escapeMarkdown(successors.join(', '))}`);
    if (agency.shortForms.length) lines.push(`${vi ? 'Viết tắt' : 'Short forms'}: ${escapeMarkdown(agency.shortForms.join(', '))}`);
    if (!agency.verified) lines.push('', vi ? '_Thông tin chưa được đối chiếu đầy đủ với văn bản gốc._' : '_Not fully verified against primary sources._');
    return { start: mention.start, end: mention.end, markdown: lines.join('  \n') };
  }
  if (mention?.province) {
    const province = mention.province;
    const to = province.validTo ? isoToVietnamese(province.validTo) : null;
    const successor = province.successors.map((id) => agencyIndex(env.knowledge, env.config).provinceById.get(id)?.name).find(Boolean);
    const lines = [`**${escapeMarkdown(province.formalName)}**`, ''];
    if (to) lines.push(vi ? `Đến hết ${to}${successor ? `; nay thuộc ${escapeMarkdown(successor)}` : ''}` : `Until ${to}${successor ? `; now part of ${escapeMarkdown(successor)}` : ''}`);
    return { start: mention.start, end: mention.end, markdown: lines.join('  \n') };
  }
  return abbreviationHover(document, offset, env);
}

function abbreviationHover(document: DocumentSnapshot, offset: number, env: FeatureEnv): HoverResult | undefined {
  const vi = env.locale === 'vi';
  const { definitions, uses, known } = abbreviationsWithLists(document.analysis.model, document.analysis.facts.abbreviations);
  const hit = [...definitions, ...uses].find((candidate) => candidate.start <= offset && offset < candidate.end);
  if (!hit) return undefined;
  const definition = definitions.find((candidate) => candidate.abbr === hit.abbr);
  const expansion = definition?.expansion ?? known.get(hit.abbr)?.expansion;
  const lines = [`**${escapeMarkdown(hit.abbr)}**${expansion ? ` — ${escapeMarkdown(expansion)}` : ''}`];
  if (definition) {
    const line = document.text.slice(0, definition.start).split('\n').length;
    lines.push(vi ? `Giới thiệu tại dòng ${line}.` : `Introduced on line ${line}.`);
  } else if (known.get(hit.abbr)?.bare) {
    lines.push(vi ? 'Chữ viết tắt quen dùng, không cần giới thiệu.' : 'A house abbreviation, used without introduction.');
  } else {
    lines.push(vi ? 'Chưa được giới thiệu trong thông báo này.' : 'Not introduced in this notice.');
  }
  return { start: hit.start, end: hit.end, markdown: lines.join('  \n') };
}

/** What the cursor follows: "Bộ Tà|", "Ủy ban |", a list item "các bộ, cơ quan: Công an, Tà|", a recipient "- Bộ|". */
const AFTER_HEAD = /(?<![\p{L}\p{M}])(Bộ|Ủy ban|Uỷ ban|Ngân hàng)[ \u00a0]+([\p{L}\p{M} ]*)$/u;
const IN_LIST = /(?:bộ|cơ quan|gồm)[ \u00a0]*:[^.;:\n]*?(?:^|[:,])[ \u00a0]*([\p{L}\p{M} ]*)$/iu;
const RECIPIENT = /^[ \t]*[-*+][ \t]+([\p{L}\p{M} ]*)$/u;

export function agencyCompletions(document: DocumentSnapshot, offset: number, env: FeatureEnv): CompletionResult[] {
  const text = document.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const date = document.analysis.model.meta.date ?? todayDate();
  const agencies = agencyIndex(env.knowledge, env.config).agencies.filter((agency) => inForce(agency, date));
  const vi = env.locale === 'vi';
  const item = (agency: Agency, label: string, start: number, suffix = ''): CompletionResult => ({
    label,
    kind: 'agency',
    detail: agency.symbolCode ? `${agency.name} (${agency.symbolCode})` : agency.name,
    documentation: vi ? `Hiệu lực: ${validity(agency, true)}` : `Validity: ${validity(agency, false)}`,
    insertText: label + suffix,
    replace: { start, end: offset },
    filterText: label,
  });

  const head = AFTER_HEAD.exec(before);
  if (head) {
    const start = lineStart + head.index!;
    const headKey = head[1]!.replace('Uỷ', 'Ủy');
    return agencies.filter((agency) => agency.name.startsWith(`${headKey} `)).map((agency) => item(agency, agency.name, start));
  }
  const list = IN_LIST.exec(before);
  if (list) {
    const start = offset - list[1]!.length;
    return agencies.filter((agency) => agency.elliptical).map((agency) => item(agency, nameInForm(agency, 'elliptical'), start));
  }
  const inRecipients = document.analysis.model.recipients && offset > document.analysis.model.recipients.heading.end && !(document.analysis.model.signature && offset >= document.analysis.model.signature.heading.start);
  const recipient = RECIPIENT.exec(before);
  if (inRecipients && recipient) {
    const start = offset - recipient[1]!.length;
    return agencies.filter((agency) => agency.kind !== 'chinh-quyen-dia-phuong').map((agency) => item(agency, agency.name, start, ';'));
  }
  return [];
}
