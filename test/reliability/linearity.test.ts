import assert from 'node:assert/strict';
import { parseNotice } from '../../server/src/core/parse.js';
import { createFacts, type Facts } from '../../server/src/core/extract/index.js';
import { allRules } from '../../server/src/core/rules/index.js';
import { configSchema } from '../../server/src/core/config.js';
import type { Report, Rule, RuleContext } from '../../server/src/core/rule.js';
import type { NoticeModel } from '../../server/src/core/model.js';
import { createShippedRegistry } from '../../server/src/workspace/shippedRegistry.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { notice } from '../helpers.js';
import { seeds } from './arbitraries.js';
import { collectGarbage, fastestTime, median } from './timing.js';

/**
 * Linear time on any input, for every extractor and every rule of the
 * registry (a new one is covered without editing this file): on inputs of
 * size n and 4n built from repeated real text, 4n must cost less than 8× the
 * time of n (linear is 4×, quadratic 16×). Each is measured alone, on a model
 * parsed once (the parser has its own tests), and its time at n is taken as
 * at least half the time of parsing that text, measured in the same run: a
 * work that costs less at 4n than parsing 4n passes whatever its ratio, since
 * timings of a few milliseconds make no ratio on a loaded machine (a
 * quadratic work soon costs far more than parsing, as findings 12–14 did). A
 * quick measurement that fails is repeated in longer batches, each after a
 * garbage collection, before the test fails.
 */

const knowledge = loadKnowledge();
const config = configSchema.parse({});
const registry = createShippedRegistry();
const TODAY = { year: 2026, month: 11, day: 25 };
const LIMIT = 8;
/** A work's time at n counts as at least this share of parsing the text of size n. */
const YARDSTICK_SHARE = 2;

/** The body paragraphs of the real seed notices (between the front matter and "Nơi nhận"). */
const seedParagraphs = seeds.flatMap(({ text }) => {
  const body = text.slice(text.indexOf('\n---', 3) + 4).split(/\n## Nơi nhận|\n\*\*Nơi nhận/u)[0]!;
  return body.split(/\n{2,}/u).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 40 && !paragraph.startsWith('#'));
});
const cycle = <T>(items: readonly T[], n: number): T[] => Array.from({ length: n }, (_, i) => items[i % items.length]!);
const body = (text: string) => notice(text, { date: '2026-01-15' });

/** Inputs of size n, each the shape of a finding or of what drafters paste. */
const families: { name: string; n: number; make: (n: number) => string }[] = [
  { name: 'real seed paragraphs', n: 30, make: (n) => body(cycle(seedParagraphs, n).join('\n\n')) },
  { name: 'citations in one paragraph', n: 150, make: (n) => body(`Căn cứ ${Array.from({ length: n }, (_, i) => `Nghị định số ${(i % 90) + 10}/2019/NĐ-CP ngày 05 tháng 9 năm 2019 của Chính phủ`).join('; ')}.`) },
  { name: 'the same citation, many times', n: 150, make: (n) => body(cycle(['Thực hiện Nghị quyết số 28/NQ-CP ngày 05 tháng 3 năm 2024 của Chính phủ.', 'Theo Nghị quyết số 28/NQ-CP, các bộ triển khai.'], n).join(' ')) },
  { name: '"(ABC) " repeated', n: 400, make: (n) => body(`Nội dung ${'Ban Chỉ đạo (ABC) '.repeat(n)}kết thúc.`) },
  { name: 'abbreviations introduced and used', n: 150, make: (n) => body(Array.from({ length: n }, (_, i) => `Ủy ban nhân dân (UBND${i % 40}) và UBND${i % 40} cùng Bộ Công an (BCA) thực hiện.`).join(' ')) },
  { name: 'agency names in one sentence', n: 150, make: (n) => body(`${cycle(['Bộ Kế hoạch và Đầu tư', 'Bộ Công an', 'Ủy ban nhân dân tỉnh Bình Dương', 'Bộ Thông tin và Truyền thông', 'Văn phòng Chính phủ'], n).join(', ')} phối hợp thực hiện.`) },
  { name: 'one long line without punctuation', n: 400, make: (n) => body(`các bộ ngành địa phương ${'tiếp tục triển khai thực hiện nhiệm vụ '.repeat(n)}`) },
  { name: 'many list items with tasks', n: 120, make: (n) => body(Array.from({ length: n }, (_, i) => `- Bộ Công an chủ trì, hoàn thành trước ngày ${(i % 28) + 1} tháng ${(i % 12) + 1} năm 2026;`).join('\n')) },
  { name: 'many headings and numbered parts', n: 80, make: (n) => body(Array.from({ length: n }, (_, i) => `## ${['I', 'II', 'III', 'IV'][i % 4]}. Phần ${i}\n\n${(i % 9) + 1}. Mục một.\n\na) Điểm a thực hiện.`).join('\n\n')) },
  { name: 'many footnotes', n: 150, make: (n) => body(`${Array.from({ length: n }, (_, i) => `Nội dung thứ ${i}[^${i}].`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: Chú thích ${i}.`).join('\n')}`) },
  { name: 'many dates and weekdays', n: 150, make: (n) => body(Array.from({ length: n }, (_, i) => `họp vào thứ Hai, ngày ${(i % 28) + 1} tháng ${(i % 12) + 1} năm 2026, 15/3/2026`).join('; ')) },
];

/** The facts' getters: every extractor, found on the object so that a new one is measured too. */
const EXTRACTORS = Object.getOwnPropertyNames(createFacts(parseNotice(''), { knowledge, config })) as (keyof Facts)[];

function contextFor(model: NoticeModel, facts: Facts, reports: Report[]): RuleContext {
  return {
    model,
    facts,
    knowledge,
    registry,
    config,
    uri: 'file:///linear.tb.md',
    noticeDate: model.meta.date ?? TODAY,
    noticeDateIsExplicit: model.meta.date !== undefined,
    report: (report) => void reports.push(report),
  };
}

interface Sized {
  model: NoticeModel;
  /** Facts with every extractor already run, for the rules. */
  facts: Facts;
}

function prepare(text: string): Sized {
  const model = parseNotice(text);
  const facts = createFacts(model, { knowledge, config });
  for (const extractor of EXTRACTORS) void facts[extractor];
  return { model, facts };
}

/** The work of one extractor or rule on one size. */
type Work = (sized: Sized) => void;

const works: { name: string; work: Work }[] = [
  ...EXTRACTORS.map((extractor) => ({ name: `extractor ${extractor}`, work: ({ model }: Sized) => void createFacts(model, { knowledge, config })[extractor] })),
  ...allRules.map((rule: Rule) => ({ name: `rule ${rule.id}`, work: ({ model, facts }: Sized) => rule.check(contextFor(model, facts, [])) })),
];

describe('linear time: every extractor and every rule, n against 4n', function () {
  this.timeout(300_000);

  it('covers every rule of the registry and every extractor', () => {
    assert.equal(works.length, EXTRACTORS.length + allRules.length);
    assert.ok(EXTRACTORS.includes('agencies') && EXTRACTORS.includes('abbreviations') && EXTRACTORS.includes('tasks'));
    assert.ok(seedParagraphs.length >= 20, `${seedParagraphs.length} seed paragraphs`);
  });

  for (const family of families) {
    it(`${family.name}: 4× the input costs less than ${LIMIT}× the time`, () => {
      const small = prepare(family.make(family.n));
      const large = prepare(family.make(4 * family.n));
      const yardstick = fastestTime(() => parseNotice(small.model.text), 2) / YARDSTICK_SHARE;
      const quickRatio = (work: Work) => {
        work(small);
        const smallTime = Math.max(fastestTime(() => work(small), 3), yardstick);
        const largeTime = fastestTime(() => work(large), 2);
        return { ratio: largeTime / smallTime, smallTime, largeTime };
      };
      // Runs of a few ms are at the mercy of the scheduler on a loaded machine: a suspect is measured again
      // in batches of at least ~30 ms, small and large in turn, the median batch of each counting (the fastest
      // small batch may be one that ran without a garbage collection, which no large batch can be).
      const carefulRatio = (work: Work) => {
        const once = fastestTime(() => work(small), 1);
        const repeat = Math.min(200, Math.max(1, Math.ceil(30 / Math.max(once, 0.05))));
        const batch = (sized: Sized) => () => {
          for (let i = 0; i < repeat; i++) work(sized);
        };
        const smallTimes: number[] = [];
        const largeTimes: number[] = [];
        for (let round = 0; round < 3; round++) {
          collectGarbage();
          smallTimes.push(fastestTime(batch(small), 1));
          collectGarbage();
          largeTimes.push(fastestTime(batch(large), 1));
        }
        let smallTime = median(smallTimes);
        const largeTime = median(largeTimes);
        smallTime = Math.max(smallTime, yardstick * repeat);
        return { ratio: largeTime / smallTime, smallTime: smallTime / repeat, largeTime: largeTime / repeat };
      };
      const failures: string[] = [];
      for (const { name, work } of works) {
        let measured = quickRatio(work);
        if (measured.ratio >= LIMIT) measured = carefulRatio(work);
        if (measured.ratio >= LIMIT) failures.push(`${name}: ${measured.ratio.toFixed(1)}× (${measured.smallTime.toFixed(2)} ms → ${measured.largeTime.toFixed(2)} ms)`);
      }
      assert.deepEqual(failures, [], `${family.name} (${small.model.text.length} → ${large.model.text.length} characters, half of parsing ${yardstick.toFixed(1)} ms)`);
    });
  }
});
