import assert from 'node:assert/strict';
import { agencyCompletions, agencyHover } from '../../server/src/core/features/agencies.js';
import { hoverAt } from '../../server/src/core/features/hover.js';
import { completionsAt } from '../../server/src/core/features/completion.js';
import { DEFAULT_CONFIG } from '../../server/src/core/config.js';
import { EMPTY_REGISTRY } from '../../server/src/core/registry.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import type { DocumentSnapshot, FeatureEnv } from '../../server/src/core/features/types.js';
import { notice, run } from '../helpers.js';

const env: FeatureEnv = { knowledge: loadKnowledge(), registry: EMPTY_REGISTRY, config: DEFAULT_CONFIG, locale: 'vi' };

/** A document with a cursor marker "|" removed, and the cursor's offset. */
function at(textWithCursor: string): { document: DocumentSnapshot; offset: number } {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { document: { uri: 'file:///t.tb.md', text, analysis: run(text) }, offset };
}

describe('agency hover', () => {
  it('shows the official name, code, validity and successor', () => {
    const { document, offset } = at(notice('Bộ Kế hoạch và Đ|ầu tư chủ trì.'));
    const hover = agencyHover(document, offset, env)!;
    assert.equal(document.text.slice(hover.start, hover.end), 'Bộ Kế hoạch và Đầu tư');
    assert.match(hover.markdown, /\*\*Bộ Kế hoạch và Đầu tư\*\*/u);
    assert.match(hover.markdown, /Ký hiệu: `BKHĐT`/u);
    assert.match(hover.markdown, /đến hết 28\/02\/2025/u);
    assert.match(hover.markdown, /Cơ quan kế thừa: Bộ Tài chính/u);
    assert.ok(hoverAt(document, offset, env), 'registered in the hover providers');
  });

  it('explains an elliptical list item in English too', () => {
    const { document, offset } = at(notice('Lãnh đạo các bộ, cơ quan: Công an, Tài nguy|ên và Môi trường.'));
    const hover = agencyHover(document, offset, { ...env, locale: 'en' })!;
    assert.match(hover.markdown, /Bộ Tài nguyên và Môi trường/u);
    assert.match(hover.markdown, /Successor: Bộ Nông nghiệp và Môi trường/u);
  });

  it('shows an abbreviation’s expansion and where it was introduced', () => {
    const { document, offset } = at(notice('Cắt giảm thủ tục hành chính (TTHC); số hóa kết quả giải quyết TT|HC.'));
    const hover = agencyHover(document, offset, env)!;
    assert.match(hover.markdown, /\*\*TTHC\*\* — thủ tục hành chính/u);
    assert.match(hover.markdown, /Giới thiệu tại dòng 10/u);
  });

  it('says nothing elsewhere', () => {
    const { document, offset } = at(notice('Nội dung kh|ác.'));
    assert.equal(agencyHover(document, offset, env), undefined);
  });
});

describe('agency completion', () => {
  it('completes ministries in force on the notice’s date after “Bộ ”', () => {
    const old = at(notice('Giao Bộ Kế|', { date: '2024-11-22' }));
    const labels2024 = agencyCompletions(old.document, old.offset, env).map((item) => item.label);
    assert.ok(labels2024.includes('Bộ Kế hoạch và Đầu tư'));
    assert.ok(!labels2024.includes('Bộ Dân tộc và Tôn giáo'));
    const current = at(notice('Giao Bộ |', { date: '2026-01-15' }));
    const items = agencyCompletions(current.document, current.offset, env);
    const labels2026 = items.map((item) => item.label);
    assert.ok(labels2026.includes('Bộ Nông nghiệp và Môi trường'));
    assert.ok(!labels2026.includes('Bộ Kế hoạch và Đầu tư'));
    const item = items.find((candidate) => candidate.label === 'Bộ Tài chính')!;
    assert.equal(current.document.text.slice(item.replace!.start, item.replace!.end), 'Bộ ');
    assert.ok(completionsAt(current.document, current.offset, env).some((candidate) => candidate.label === 'Bộ Tài chính'), 'registered in the completion providers');
  });

  it('completes “Ủy ban ” and elliptical list items', () => {
    const committee = at(notice('Giao Ủy ban |'));
    assert.ok(agencyCompletions(committee.document, committee.offset, env).some((item) => item.label === 'Ủy ban Thường vụ Quốc hội'));
    const list = at(notice('Lãnh đạo các bộ, cơ quan: Công an, Tư|'));
    const items = agencyCompletions(list.document, list.offset, env);
    assert.ok(items.some((item) => item.label === 'Tư pháp'));
    assert.equal(list.document.text.slice(items[0]!.replace!.start, items[0]!.replace!.end), 'Tư');
  });

  it('completes recipients with the closing semicolon', () => {
    const base = notice('Nội dung.');
    const text = base.replace('- Thủ tướng Chính phủ;\n', '- Thủ tướng Chính phủ;\n- Bộ C|\n');
    const { document, offset } = at(text);
    const item = agencyCompletions(document, offset, env).find((candidate) => candidate.label === 'Bộ Công an');
    assert.equal(item?.insertText, 'Bộ Công an');
    const fresh = at(base.replace('- Thủ tướng Chính phủ;\n', '- Thủ tướng Chính phủ;\n- |\n'));
    assert.equal(agencyCompletions(fresh.document, fresh.offset, env).find((candidate) => candidate.label === 'Bộ Công an')?.insertText, 'Bộ Công an;');
  });
});
