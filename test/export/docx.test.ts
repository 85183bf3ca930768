import assert from 'node:assert/strict';
import { NOTICES, exportDocx, layoutOf, readNotice } from './fixtures.js';
import { attribute, child, children, descendants, docxParts, isOn, textOf, type XmlElement } from './xml.js';
import { writeDocx } from '../../server/src/export/docx.js';
import { textWidth } from '../../server/src/core/layout/metrics.js';

/** Checks of official-layout.md §6.1 on the WordprocessingML of every example and seed. */

const sizeOf = (run: XmlElement) => Number(attribute(child(child(run, 'w:rPr'), 'w:sz'), 'w:val'));
const runs = (paragraph: XmlElement) => children(paragraph, 'w:r').filter((run) => textOf(run) !== '');
const jc = (paragraph: XmlElement) => attribute(child(child(paragraph, 'w:pPr'), 'w:jc'), 'w:val');
const cells = (table: XmlElement) => children(table, 'w:tr').map((row) => children(row, 'w:tc'));
const paragraphs = (cell: XmlElement) => children(cell, 'w:p');
const bold = (run: XmlElement) => isOn(child(run, 'w:rPr'), 'w:b');
const italic = (run: XmlElement) => isOn(child(run, 'w:rPr'), 'w:i');
const border = (paragraph: XmlElement) => child(child(child(paragraph, 'w:pPr'), 'w:pBdr'), 'w:bottom');
const indent = (paragraph: XmlElement) => child(child(paragraph, 'w:pPr'), 'w:ind');

/** Length of a rule paragraph: the cell's content width less its indents. */
function ruleLength(paragraph: XmlElement, contentWidth: number): number {
  const ind = indent(paragraph);
  return contentWidth - Number(attribute(ind, 'w:left') ?? 0) - Number(attribute(ind, 'w:right') ?? 0);
}

function assertBorderless(table: XmlElement): void {
  const borders = child(child(table, 'w:tblPr'), 'w:tblBorders');
  assert.ok(borders, 'the table has its borders set');
  assert.equal(borders.children.length, 6);
  for (const side of borders.children) assert.equal(attribute(side, 'w:val'), 'none', side.name);
}

for (const file of NOTICES) {
  describe(`export .docx: ${file}`, () => {
    let parts: Map<string, XmlElement>;
    let body: XmlElement;
    const part = (name: string) => parts.get(name)!;
    before(async () => {
      parts = await docxParts(await exportDocx(file));
      body = child(child(part('word/document.xml'), 'w:document'), 'w:body')!;
    });

    it('A4 portrait, margins within the decree\'s ranges, different first page', () => {
      const section = children(body, 'w:sectPr').at(-1)!;
      const size = child(section, 'w:pgSz')!;
      assert.equal(attribute(size, 'w:w'), '11906');
      assert.equal(attribute(size, 'w:h'), '16838');
      assert.notEqual(attribute(size, 'w:orient'), 'landscape');
      const margin = child(section, 'w:pgMar')!;
      const value = (name: string) => Number(attribute(margin, name));
      assert.ok(value('w:top') >= 1134 && value('w:top') <= 1418);
      assert.ok(value('w:bottom') >= 1134 && value('w:bottom') <= 1418);
      assert.ok(value('w:left') >= 1701 && value('w:left') <= 1985);
      assert.ok(value('w:right') >= 850 && value('w:right') <= 1134);
      assert.equal(attribute(margin, 'w:header'), '567');
      assert.ok(child(section, 'w:titlePg'), 'w:titlePg');
    });

    it('page numbers centred at the top from page 2 on, none on page 1', () => {
      const section = children(body, 'w:sectPr').at(-1)!;
      const relations = descendants(part('word/_rels/document.xml.rels'), 'Relationship');
      const headerPart = (type: string) => {
        const id = attribute(children(section, 'w:headerReference').find((reference) => attribute(reference, 'w:type') === type), 'r:id');
        const target = relations.find((relation) => attribute(relation, 'Id') === id);
        assert.ok(target, `a ${type} header`);
        return part(`word/${attribute(target, 'Target')}`);
      };
      const defaultHeader = headerPart('default');
      const pageField = descendants(defaultHeader, 'w:instrText').find((field) => /^\s*PAGE\s*$/u.test(field.text));
      assert.ok(pageField, 'a PAGE field');
      const paragraph = descendants(defaultHeader, 'w:p')[0]!;
      assert.equal(jc(paragraph), 'center');
      assert.ok(descendants(paragraph, 'w:sz').every((size) => ['26', '28'].includes(attribute(size, 'w:val')!)));
      const first = headerPart('first');
      assert.equal(descendants(first, 'w:t').length, 0);
      assert.equal(descendants(first, 'w:instrText').length, 0);
    });

    it('Times New Roman everywhere, black only', () => {
      const defaults = descendants(part('word/styles.xml'), 'w:docDefaults')[0]!;
      const fonts = descendants(defaults, 'w:rFonts')[0]!;
      for (const name of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) assert.equal(attribute(fonts, name), 'Times New Roman', name);
      for (const [name, element] of parts) {
        if (!/^word\/(document|footnotes|header\d+)\.xml$/u.test(name)) continue;
        assert.deepEqual(descendants(element, 'w:rFonts').filter((font) => attribute(font, 'w:ascii') || attribute(font, 'w:hAnsi')), [], `no other font in ${name}`);
        const colours = descendants(element, 'w:color').map((colour) => attribute(colour, 'w:val'));
        assert.ok(colours.every((colour) => colour === '000000' || colour === 'auto'), `${name}: ${colours.join(', ')}`);
      }
    });

    it('the header: a borderless two-column table with the body\'s name, national name, motto, number and date', () => {
      const table = body.children[0]!;
      assert.equal(table.name, 'w:tbl');
      const properties = child(table, 'w:tblPr');
      assert.equal(attribute(child(properties, 'w:tblW'), 'w:w'), '9499');
      assert.equal(attribute(child(properties, 'w:tblW'), 'w:type'), 'dxa');
      assert.equal(attribute(child(properties, 'w:tblInd'), 'w:w'), '-284');
      assert.equal(attribute(child(properties, 'w:tblLayout'), 'w:type'), 'fixed');
      assert.deepEqual(children(child(table, 'w:tblGrid'), 'w:gridCol').map((column) => attribute(column, 'w:w')), ['3829', '5670']);
      assertBorderless(table);
      const [[left, right], [numberCell, dateCell]] = cells(table) as [[XmlElement, XmlElement], [XmlElement, XmlElement]];

      const [issuer, issuerRule] = paragraphs(left) as [XmlElement, XmlElement];
      assert.equal(textOf(issuer), 'VĂN PHÒNG CHÍNH PHỦ');
      assert.equal(jc(issuer), 'center');
      assert.ok(runs(issuer).every((run) => bold(run) && sizeOf(run) === 26));
      assert.equal(attribute(border(issuerRule), 'w:val'), 'single');
      const issuerRatio = ruleLength(issuerRule, 3829 - 216) / 3139;
      assert.ok(issuerRatio >= 1 / 3 && issuerRatio <= 1 / 2, `rule under the body's name: ${issuerRatio}`);

      const [nation, motto, mottoRule] = paragraphs(right) as [XmlElement, XmlElement, XmlElement];
      assert.equal(textOf(nation), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      assert.equal(textOf(motto), 'Độc lập - Tự do - Hạnh phúc');
      const nationSize = sizeOf(runs(nation)[0]!);
      assert.ok([24, 26].includes(nationSize) && runs(nation).every(bold));
      assert.ok(runs(motto).every((run) => bold(run) && sizeOf(run) === nationSize + 2), 'motto = national name + 1 pt');
      assert.equal(attribute(border(mottoRule), 'w:val'), 'single');
      const mottoRatio = ruleLength(mottoRule, 5670 - 216) / 3424;
      assert.ok(Math.abs(mottoRatio - 1) <= 0.02, `rule under the motto: ${mottoRatio}`);

      const number = paragraphs(numberCell)[0]!;
      assert.match(textOf(number), /^Số:(?: \d+| +)\/TB-VPCP$/u, 'assigned, or a blank before the "/" in a draft');
      assert.ok(runs(number).every((run) => !bold(run) && sizeOf(run) === 26));
      const date = paragraphs(dateCell)[0]!;
      assert.match(textOf(date), /^Hà Nội, ngày (?:\d{2} tháng (?:0[12]|[3-9]|1[0-2]) năm \d{4}| +tháng +năm +)$/u, 'dated, or blanks for day, month and year in an undated draft');
      assert.ok(runs(date).every((run) => italic(run) && sizeOf(run) === sizeOf(runs(motto)[0]!)), 'date = motto size, italic');
    });

    it('the type name and subject centred and bold, with a rule under the subject', () => {
      const [type, subject, rule] = body.children.slice(1, 4) as [XmlElement, XmlElement, XmlElement];
      assert.equal(textOf(type), 'THÔNG BÁO');
      assert.equal(jc(type), 'center');
      assert.ok(runs(type).every((run) => bold(run) && sizeOf(run) === 28));
      assert.equal(jc(subject), 'center');
      assert.ok(runs(subject).every((run) => bold(run) && sizeOf(run) === 28));
      assert.equal(attribute(border(rule), 'w:val'), 'single');
      const subjectText = layoutOf(readNotice(file)).subject.runs.flatMap((run) => (run.kind === 'text' ? [run.text] : []));
      const longest = Math.min(8787, Math.max(...subjectText.map((line) => textWidth(line, 14, true))));
      const ratio = ruleLength(rule, 8787) / longest;
      assert.ok(ratio >= 1 / 3 && ratio <= 1 / 2, `rule under the subject: ${ratio}`);
    });

    it('body paragraphs justified with a first-line indent and the decree\'s spacing; section lines bold', () => {
      const closing = body.children.findIndex((element, index) => index > 0 && element.name === 'w:tbl' && textOf(element).includes('Nơi nhận:'));
      const bodyParagraphs = body.children.slice(4, closing).filter((element) => element.name === 'w:p' && textOf(element) !== '');
      assert.ok(bodyParagraphs.length > 5);
      for (const paragraph of bodyParagraphs) {
        const properties = child(paragraph, 'w:pPr');
        assert.equal(jc(paragraph), 'both', textOf(paragraph).slice(0, 40));
        assert.ok(['567', '720'].includes(attribute(indent(paragraph), 'w:firstLine')!));
        const spacing = child(properties, 'w:spacing');
        assert.ok(Number(attribute(spacing, 'w:before') ?? 0) + Number(attribute(spacing, 'w:after') ?? 0) >= 120);
        const line = Number(attribute(spacing, 'w:line'));
        assert.ok(line >= 240 && line <= 360 && attribute(spacing, 'w:lineRule') === 'auto');
        assert.ok(runs(paragraph).every((run) => [26, 28].includes(sizeOf(run))));
      }
      const sections = bodyParagraphs.filter((paragraph) => /^[IVX]+\. /u.test(textOf(paragraph)));
      assert.equal(sections.length, (readNotice(file).match(/^## [IVX]+\. /gmu) ?? []).length, 'every part line');
      for (const section of sections) assert.ok(runs(section).every(bold), textOf(section));
      if (/\.\/\.\s*$/mu.test(readNotice(file))) {
        assert.match(textOf(bodyParagraphs.at(-1)!), /\.\/\.$/u, 'the closing formula is the last body paragraph');
        assert.ok(child(child(bodyParagraphs.at(-1)!, 'w:pPr'), 'w:keepNext'), 'kept with the closing');
      }
      // The drafter's numbering is text, never Word list numbering.
      assert.equal(descendants(body, 'w:numPr').length, 0);
    });

    it('every footnote reference has its Word footnote with the definition\'s text', () => {
      const source = readNotice(file);
      const references = descendants(body, 'w:footnoteReference');
      const definitions = [...source.matchAll(/^\[\^([^\]]+)\]:\s*(.+)$/gmu)];
      assert.equal(references.length, new Set([...source.matchAll(/\[\^([^\]]+)\](?!:)/gu)].map((match) => match[1])).size);
      const footnotes = children(child(part('word/footnotes.xml'), 'w:footnotes'), 'w:footnote').filter((footnote) => Number(attribute(footnote, 'w:id')) > 0);
      for (const reference of references) {
        const footnote = footnotes.find((candidate) => attribute(candidate, 'w:id') === attribute(reference, 'w:id'));
        assert.ok(footnote, `footnote ${attribute(reference, 'w:id')}`);
        const text = textOf(footnote).trim();
        assert.ok(definitions.some((definition) => definition[2]!.replace(/\*\*|\*/gu, '').trim() === text), text);
        assert.ok(descendants(footnote, 'w:sz').some((size) => attribute(size, 'w:val') === '24'), 'footnotes in 12 pt');
      }
    });

    it('the closing: "Nơi nhận" beside the signature in a borderless table that does not split', () => {
      const table = body.children.at(-2)!;
      assert.equal(table.name, 'w:tbl');
      assertBorderless(table);
      assert.equal(children(child(table, 'w:tblGrid'), 'w:gridCol').length, 2);
      const row = children(table, 'w:tr')[0]!;
      assert.ok(child(child(row, 'w:trPr'), 'w:cantSplit'));
      const [recipients, signature] = cells(table)[0]! as [XmlElement, XmlElement];
      const [title, ...entries] = paragraphs(recipients) as [XmlElement, ...XmlElement[]];
      assert.equal(textOf(title), 'Nơi nhận:');
      assert.notEqual(jc(title), 'center');
      assert.ok(runs(title).every((run) => bold(run) && italic(run) && sizeOf(run) === 24));
      assert.ok(entries.length >= 2);
      for (const entry of entries) assert.ok(runs(entry).every((run) => sizeOf(run) === 22 && !bold(run)), textOf(entry));
      assert.match(textOf(entries.at(-1)!), /^- Lưu: VT,/u);
      const lines = paragraphs(signature).filter((paragraph) => textOf(paragraph) !== '');
      const authority = lines[0]!;
      assert.equal(jc(authority), 'center');
      assert.equal(textOf(authority), textOf(authority).toLocaleUpperCase('vi'));
      assert.ok(runs(authority).every((run) => bold(run) && [26, 28].includes(sizeOf(run))));
      const name = lines.at(-1)!;
      assert.ok(runs(name).every((run) => bold(run) && [26, 28].includes(sizeOf(run))));
      assert.ok(paragraphs(signature).length - lines.length >= 4, 'room for the signature and seal');
    });
  });
}

describe('export .docx: text round trip', () => {
  it('prints the field texts and body text as written, transforming only the boxes the decree sets in capitals', async () => {
    const parts = await docxParts(await exportDocx('examples/thong-bao-mau.tb.md'));
    const texts = descendants(parts.get('word/document.xml')!, 'w:p').map(textOf).filter((text) => text !== '');
    for (const expected of [
      'VĂN PHÒNG CHÍNH PHỦ',
      'Số: 612/TB-VPCP',
      'Hà Nội, ngày 20 tháng 11 năm 2026',
      'THÔNG BÁO',
      'Kết luận của Phó Thủ tướng Chính phủ Nguyễn Văn A tại cuộc họp về thúc đẩy khai thác, sử dụng dữ liệu dân cư và bảo vệ dữ liệu cá nhân',
      'I. Đánh giá chung',
      '1. Bộ Công an:',
      'đ) Định kỳ hằng quý báo cáo kết quả thực hiện về Bộ Công an và Văn phòng Chính phủ để tổng hợp, báo cáo Thủ tướng Chính phủ.',
      '- Lưu: VT, KGVX (2).',
      'KT. BỘ TRƯỞNG, CHỦ NHIỆM',
      'PHÓ CHỦ NHIỆM',
      'Trần Văn B',
    ]) {
      assert.ok(texts.includes(expected), expected);
    }
    assert.ok(texts.some((text) => text.includes('dữ liệu “đúng, đủ, sạch, sống”')), 'quotes kept as typed');
  });

  /** The .docx paragraph of the example notice's "Tuy nhiên, việc kết nối" once `replacement` is written in its place. */
  async function exampleParagraph(replacement: string): Promise<XmlElement> {
    const text = readNotice('examples/thong-bao-mau.tb.md').replace('Tuy nhiên, việc kết nối', replacement);
    const { parseNotice } = await import('../../server/src/core/parse.js');
    const { layoutNotice } = await import('../../server/src/core/layout/index.js');
    const result = layoutNotice(parseNotice(text));
    assert.ok(result.ok);
    const parts = await docxParts(await writeDocx(result.layout));
    return descendants(parts.get('word/document.xml')!, 'w:p').find((candidate) => textOf(candidate).startsWith('Tuy nhiên'))!;
  }

  it('an address keeps its "*" and "~" as written: one plain run, no italics or strikethrough', async () => {
    const address = 'https://vanban.chinhphu.vn/tim*kiem*nhanh/~a/b~c';
    const paragraph = await exampleParagraph(`Tuy nhiên, xem ${address}, việc kết nối`);
    assert.ok(textOf(paragraph).includes(`xem ${address}, việc kết nối`), textOf(paragraph));
    assert.ok(runs(paragraph).every((run) => !italic(run) && !isOn(child(run, 'w:rPr'), 'w:strike')));
  });

  it('bold and italic the drafter wrote come out as runs with w:b and w:i', async () => {
    const paragraph = await exampleParagraph('Tuy nhiên, **việc kết nối** *chia sẻ*');
    const [plain, strong, space, emphasis] = runs(paragraph);
    assert.equal(textOf(plain!), 'Tuy nhiên, ');
    assert.ok(!bold(plain!));
    assert.equal(textOf(strong!), 'việc kết nối');
    assert.ok(bold(strong!) && !italic(strong!));
    assert.equal(textOf(space!), ' ');
    assert.equal(textOf(emphasis!), 'chia sẻ');
    assert.ok(italic(emphasis!) && !bold(emphasis!));
  });
});
