import type { Rule } from '../../rule.js';
import type { NoticeCitation } from '../../extract/citations.js';
import { compareDates, formatVietnameseDate, shortDate } from '../../dates.js';
import { matchKey } from '../../text.js';
import type { CalendarDate, Fix, Msg, RelatedSpan } from '../../types.js';
import { msg } from '../../types.js';
import { registryEntryOf, sameDocumentYear } from '../../extract/citations.js';
import { citedName, entryLocation, stateCitations } from './shared.js';
import { fileNameOf, type RegistryEntry } from '../../registry.js';

export const refConflict: Rule = {
  id: 'ref/conflict',
  defaultSeverity: 'warning',
  fixable: true,
  description: msg(
    'Một văn bản được dẫn với hai ngày hoặc hai cơ quan ban hành khác nhau (trong thông báo, giữa các tệp), hoặc với ngày khác danh mục văn bản.',
    'One document cited with two different dates or issuers (in the notice or across files), or with a date that differs from the registry.',
  ),
  check(context) {
    const citations = stateCitations(context.facts.citations);
    const byKey = new Map<string, NoticeCitation[]>();
    for (const citation of citations) {
      const group = byKey.get(citation.symbol.key);
      if (group) group.push(citation);
      else byKey.set(citation.symbol.key, [citation]);
    }
    // A group whose citations all agree (one date, one issuer) has no other to compare with: skipping it keeps
    // a text citing one document thousands of times linear.
    const agreeing = new Set<string>();
    for (const [key, group] of byKey) {
      const dates = new Set(group.flatMap((other) => (other.date ? [`${other.date.year}-${other.date.month}-${other.date.day}`] : [])));
      const issuers = new Set(group.flatMap((other) => (other.issuer?.canonical ? [matchKey(other.issuer.canonical)] : [])));
      if (dates.size <= 1 && issuers.size <= 1) agreeing.add(key);
    }
    for (const citation of citations) {
      const key = citation.symbol.key;
      const name = citedName(citation);
      const others = agreeing.has(key) ? [] : byKey.get(key)!.filter((other) => other !== citation);
      const entry = registryEntryOf(context.registry, citation, context.noticeDate);
      const related: RelatedSpan[] = [];
      const reasons: Msg[] = [];
      let fix: Fix | undefined;
      // The registry's date or issuer, where the finding rests on it (an unverified entry: a warning at most).
      const basis: RegistryEntry[] = [];
      const date = citation.date ? dayOf(citation.date) : undefined;
      if (date && citation.date) {
        for (const other of others) {
          if (!other.date || compareDates(dayOf(other.date), date) === 0 || !sameDocumentYear(citation, date.year, other.date.year)) continue;
          related.push({ start: other.date.start, end: other.date.end, message: msg(`Cũng văn bản này, dẫn với ngày ${shortDate(dayOf(other.date))}.`, `The same document, cited with ${shortDate(dayOf(other.date))}.`) });
          if (reasons.length === 0) reasons.push(msg(`chỗ khác trong thông báo ghi ngày ${shortDate(dayOf(other.date))}`, `elsewhere in this notice it is dated ${shortDate(dayOf(other.date))}`));
        }
        for (const external of context.registry.citationsElsewhere(key, context.uri, date)) {
          if (!external.date || compareDates(external.date, date) === 0 || !sameDocumentYear(citation, date.year, external.date.year)) continue;
          const file = fileNameOf(external.uri);
          related.push({ start: 0, end: 0, uri: external.uri, range: external.dateRange ?? external.range, message: msg(`Cũng văn bản này, dẫn với ngày ${shortDate(external.date)} trong ${file}.`, `The same document, cited with ${shortDate(external.date)} in ${file}.`) });
          if (reasons.length === 0) reasons.push(msg(`tệp ${file} ghi ngày ${shortDate(external.date)}`, `${file} dates it ${shortDate(external.date)}`));
        }
        if (entry?.date && compareDates(entry.date, date) !== 0) {
          reasons.unshift(msg(`danh mục văn bản ghi ngày ${shortDate(entry.date)}${entry.verified ? '' : ' (chưa được kiểm chứng)'}`, `the document registry dates it ${shortDate(entry.date)}${entry.verified ? '' : ' (unverified)'}`));
          related.push(...entryLocation(entry));
          // Other citations that disagree make the finding without the registry.
          if (reasons.length === 1) basis.push(entry);
          if (entry.verified) {
            const newText = formatVietnameseDate(entry.date);
            fix = { title: msg(`Sửa thành “${newText}”`, `Change to “${newText}”`), edits: [{ start: citation.date.start, end: citation.date.end, newText }] };
          }
        }
        if (reasons.length > 0) {
          context.report({
            start: citation.date.start,
            end: citation.date.end,
            message: msg(
              `${name.vi} được dẫn với ngày ${shortDate(date)} nhưng ${reasons.map((reason) => reason.vi).join('; ')}. Một văn bản chỉ có một ngày ban hành: kiểm tra và thống nhất.`,
              `${name.en} is cited as of ${shortDate(date)} but ${reasons.map((reason) => reason.en).join('; ')}. A document has one date of issue: check and make them agree.`,
            ),
            related,
            basis,
            ...(fix ? { fix } : {}),
          });
          continue;
        }
      }
      const issuer = citation.issuer?.canonical;
      if (!issuer || !citation.issuer) continue;
      const differing = others.filter((other) => other.issuer?.canonical && matchKey(other.issuer.canonical) !== matchKey(issuer));
      const registryIssuer = entry?.issuer && matchKey(entry.issuer) !== matchKey(issuer) ? entry.issuer : undefined;
      if (differing.length === 0 && !registryIssuer) continue;
      const other = differing[0]?.issuer?.canonical ?? registryIssuer!;
      context.report({
        start: citation.issuer.start,
        end: citation.issuer.end,
        message: msg(
          `${name.vi} được ghi là của ${issuer} nhưng ${differing.length ? 'chỗ khác trong thông báo' : 'danh mục văn bản'} ghi là của ${other}. Kiểm tra lại cơ quan ban hành.`,
          `${name.en} is attributed to ${issuer} but ${differing.length ? 'elsewhere in this notice' : 'the document registry'} to ${other}. Check the issuer.`,
        ),
        related: [
          ...differing.map((item) => ({ start: item.issuer!.start, end: item.issuer!.end, message: msg(`Ghi là của ${item.issuer!.canonical}.`, `Attributed to ${item.issuer!.canonical}.`) })),
          ...(registryIssuer && entry ? entryLocation(entry) : []),
        ],
        ...(differing.length === 0 && entry ? { basis: [entry] } : {}),
      });
    }
  },
  examples: {
    ok: [
      'Thực hiện Nghị quyết số 28/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ; báo cáo kết quả thực hiện Nghị quyết số 28/NQ-CP ngày 5 tháng 3 năm 2024 trong tháng 4 năm 2024.',
    ],
    notOk: [
      'Thực hiện Nghị quyết số 28/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ; báo cáo kết quả thực hiện Nghị quyết số 28/NQ-CP ngày 06 tháng 3 năm 2024 trong tháng 4 năm 2024.',
    ],
  },
};

function dayOf(date: { year: number; month: number; day: number }): CalendarDate {
  return { year: date.year, month: date.month, day: date.day };
}

