import type { Rule, RuleContext } from '../../rule.js';
import { inForce, type AgencyIndex } from '../../agencyIndex.js';
import type { Agency } from '../../../knowledge/types.js';
import { editDistance } from '../../similarity.js';
import { matchKey, stripDiacritics } from '../../text.js';
import { msg } from '../../types.js';
import { indexOf } from './shared.js';

/** Head words of agency names ("Bộ …", "Ủy ban …", "Ngân hàng …") followed by a capitalized word. */
const CANDIDATE = /(?<![\p{L}\p{M}])(?:Bộ|Ủy ban|Uỷ ban|Ngân hàng)[ \u00a0]+\p{Lu}[\p{L}\p{M}]*(?:[ \u00a0,-]+[\p{L}\p{M}]+){0,9}/gu;

const plain = (text: string) => stripDiacritics(matchKey(text));

interface KnownName {
  agency: Agency;
  words: number;
  key: string;
  head: string;
}

/** How far a written name may be from a known one and still be taken for it. */
const tolerance = (name: string) => Math.max(2, Math.round(name.length * 0.15));

interface KnownNames {
  names: KnownName[];
  /** The largest tolerance of any name: a written name further than that from every name is reported as none. */
  widest: number;
}
const knownNames = new WeakMap<AgencyIndex, KnownNames>();

/** The agencies' names in plain form, built once per index. */
function namesOf(index: AgencyIndex): KnownNames {
  let known = knownNames.get(index);
  if (!known) {
    const names = index.agencies.map((agency) => {
      const key = plain(agency.name);
      return { agency, words: agency.name.split(' ').length, key, head: key.split(' ')[0]! };
    });
    known = { names, widest: Math.max(0, ...names.map((name) => tolerance(name.agency.name))) };
    knownNames.set(index, known);
  }
  return known;
}

/** "các Bộ: …", "Các Bộ …": a list of ministries written without their head word, up to the end of its clause. */
const MINISTRY_LIST = /(?<![\p{L}\p{M}])(?:các|Các)[ \t\u00a0]+Bộ[ \t\u00a0]*:?[ \t\u00a0]*([^;.:()\n]+)/gu;
const ITEM = /[^,]+/gu;

/**
 * "các Bộ: Giáo dục, Y tế" names no "Bộ Giáo dục": an item of a ministry list
 * that is the first words of exactly one ministry in force ("Giáo dục và Đào tạo").
 */
function checkMinistryLists(context: RuleContext, covered: Uint8Array): void {
  const { prose, body } = context.model;
  const ministries = indexOf(context).agencies.filter((agency) => agency.kind === 'bo' && agency.elliptical && inForce(agency, context.noticeDate));
  for (const list of prose.slice(body.start, body.end).matchAll(MINISTRY_LIST)) {
    const listStart = body.start + list.index! + list[0].length - list[1]!.length;
    for (const item of list[1]!.matchAll(ITEM)) {
      const lead = item[0].length - item[0].trimStart().length;
      const written = item[0].trim().replace(/[ \t\u00a0]+(?:và|phối hợp|chủ trì|khẩn trương|thực hiện)(?![\p{L}\p{M}]).*$/u, '');
      const start = listStart + item.index! + lead;
      if (!written || covered[start] || !/^\p{Lu}/u.test(written) || written.split(/\s+/u).length > 4) continue;
      const key = plain(written);
      const named = ministries.filter((agency) => plain(agency.elliptical!).startsWith(`${key} `));
      if (named.length !== 1) continue;
      const name = named[0]!.elliptical!;
      context.report({
        start,
        end: start + written.length,
        message: msg(
          `“${written}” trong danh sách các bộ không phải tên một bộ. Có phải là “${name}” (${named[0]!.name})?`,
          `“${written}” in a list of ministries names no ministry. Did you mean “${name}” (${named[0]!.name})?`,
        ),
        basis: [named[0]!],
        fix: { title: msg(`Sửa thành “${name}”`, `Change to “${name}”`), edits: [{ start, end: start + written.length, newText: name }] },
      });
    }
  }
}

export const agencyUnknown: Rule = {
  id: 'agency/unknown',
  defaultSeverity: 'warning',
  fixable: true,
  description: msg(
    'Cụm từ giống tên cơ quan (“Bộ …”, “Ủy ban …”, “Ngân hàng …”) nhưng không phải tên nào đã biết; gợi ý tên gần nhất.',
    'Looks like an agency name (“Bộ …”, “Ủy ban …”, “Ngân hàng …”) but is none; the nearest known name is suggested.',
  ),
  check(context) {
    const index = indexOf(context);
    const mentions = context.facts.agencies;
    const prose = context.model.prose;
    const { names, widest } = namesOf(index);
    // Offsets inside a recognized mention, marked once: a lookup per candidate instead of a scan of every mention.
    const covered = new Uint8Array(prose.length + 1);
    for (const mention of mentions) covered.fill(1, mention.start, mention.end);
    checkMinistryLists(context, covered);
    for (const match of prose.slice(context.model.body.start, context.model.body.end).matchAll(CANDIDATE)) {
      const start = context.model.body.start + match.index!;
      if (covered[start]) continue;
      const words = [...match[0].matchAll(/[^ \u00a0]+/gu)];
      // "các Bộ Giáo dục và Đào tạo, Y tế": the head word of a list whose items were recognized.
      if (words[1] && covered[start + words[1].index!]) continue;
      const head = plain(match[0]).split(' ')[0];
      // The first n written words (where they end, their plain form), made once per n rather than once per known name.
      const prefixes: ({ end: number; key: string } | undefined)[] = [];
      const firstWords = (count: number) => {
        const known = prefixes[count];
        if (known) return known;
        const last = words[count - 1]!;
        const end = last.index! + last[0].replace(/[,.;:]+$/u, '').length;
        return (prefixes[count] = { end, key: plain(match[0].slice(0, end)) });
      };
      let best: { name: string; agency: Agency; end: number; distance: number; current: boolean } | undefined;
      for (const candidate of names) {
        if (head !== candidate.head) continue;
        // Compare with the written words of about the name's length (a word missing or added).
        for (const count of [candidate.words - 1, candidate.words, candidate.words + 1]) {
          if (count < 2 || count > words.length) continue;
          const { end, key: writtenKey } = firstWords(count);
          // The distance is at least the difference in length: a name that cannot be nearer than the best so far, or within any name's tolerance, is not measured (the outcome is the same).
          if (Math.abs(writtenKey.length - candidate.key.length) > Math.min(best?.distance ?? Infinity, widest)) continue;
          const distance = editDistance(writtenKey, candidate.key);
          const current = inForce(candidate.agency, context.noticeDate);
          if (distance === 0) continue;
          if (!best || distance < best.distance || (distance === best.distance && current && !best.current)) best = { name: candidate.agency.name, agency: candidate.agency, end, distance, current };
        }
      }
      if (!best || best.distance > tolerance(best.name)) continue;
      const written = match[0].slice(0, best.end);
      context.report({
        start,
        end: start + best.end,
        message: msg(
          `“${written}” không phải tên cơ quan nào đã biết. Có phải là “${best.name}”?`,
          `“${written}” is not a known agency name. Did you mean “${best.name}”?`,
        ),
        basis: [best.agency],
        // Writing the name of a body that no longer exists on the notice's date would trade one mistake for another.
        ...(best.current ? { fix: { title: msg(`Sửa thành “${best.name}”`, `Change to “${best.name}”`), edits: [{ start, end: start + best.end, newText: best.name }] } } : {}),
      });
    }
  },
  examples: {
    ok: ['Các bộ, ngành và Bộ phận một cửa của Bộ Công an phối hợp với Ngân hàng Nhà nước Việt Nam.', 'Bộ trưởng Bộ Tư pháp chủ trì.'],
    notOk: ['Bộ Thông tin Truyền thông chủ trì, phối hợp với các bộ, ngành.', 'Giao các Bộ: Giáo dục, Y tế chủ trì hướng dẫn.'],
  },
};
