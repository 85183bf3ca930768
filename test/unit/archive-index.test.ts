import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { ArchiveIndex } from '../../server/src/cli/archiveIndex.js';
import { numberOf, type Registry, type RegistryEntry } from '../../server/src/core/registry.js';
import type { CalendarDate } from '../../server/src/core/types.js';
import { loadKnowledge } from '../../server/src/knowledge/index.js';
import { WorkspaceIndex } from '../../server/src/workspace/index.js';
import { scanNotice } from '../../server/src/workspace/scan.js';
import { notice } from '../helpers.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const knowledge = loadKnowledge();

/** Kế hoạch 12/KH-BCA cited on `day` of January 2024 by a notice numbered `so`. */
function citing(so: string, day: number, extra = ''): string {
  return notice(`1. Bộ Công an thực hiện Kế hoạch số 12/KH-BCA ngày ${String(day).padStart(2, '0')} tháng 01 năm 2024 của Bộ Công an về triển khai Đề án 06. ${extra}`, {
    frontMatter: `co-quan: Văn phòng Chính phủ\nso: ${so}\nngay: 2024-03-01\nloai: Thông báo\ntrich-yeu: Kết luận số ${so}`,
  });
}

/**
 * Real notices (the seeds, the workspace fixture with its registry file, the
 * real corpus) and made ones: agreeing and disagreeing citations, two notices
 * with one number (the later in URI order wins), a notice numbered as a
 * registry entry, one number for two symbols, a file name with a space and
 * Vietnamese letters (URI order is not path order), added in reverse order.
 */
function files(): { uri: string; text: string }[] {
  const read = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tb.md')).map((name) => ({ uri: URI.file(path.join(folder, name)).toString(), text: readFileSync(path.join(folder, name), 'utf8') }));
  const made = (name: string, text: string) => ({ uri: URI.file(path.join('/archive', name)).toString(), text });
  return [
    ...read(path.join(root, 'test', 'fixtures', 'seeds')),
    ...read(path.join(root, 'test', 'fixtures', 'workspace')),
    ...read(path.join(root, 'test', 'fixtures', 'real')),
    ...Array.from({ length: 6 }, (_, i) => made(`agree-${i}.tb.md`, citing(`${300 + i}/TB-VPCP`, 5))),
    made('other-day.tb.md', citing('400/TB-VPCP', 25, 'Kế hoạch số 12/KH-BCA ngày 26 tháng 01 năm 2024 nêu rõ.')),
    made('b-twin.tb.md', citing('500/TB-VPCP', 5)),
    made('a-twin.tb.md', citing('500/TB-VPCP', 6)),
    made('Thông báo số 12.tb.md', citing('12/TB-VPCP', 5)),
    made('registered.tb.md', citing('12/KH-BCA', 5)),
    made('undated.tb.md', notice('Thực hiện Thông báo số 300/TB-VPCP của Văn phòng Chính phủ.', { frontMatter: 'co-quan: Văn phòng Chính phủ\nloai: Thông báo' })),
  ].reverse();
}

function indexes(): { workspace: Registry; archive: ArchiveIndex; uris: string[] } {
  const workspace = new WorkspaceIndex(knowledge);
  const archive = new ArchiveIndex(knowledge);
  const registryFile = path.join(root, 'test', 'fixtures', 'workspace', 'van-ban.vanban.yaml');
  const registryText = readFileSync(registryFile, 'utf8');
  assert.deepEqual(archive.setRegistryFile(URI.file(registryFile).toString(), registryText), workspace.setRegistryFile(URI.file(registryFile).toString(), registryText));
  const all = files();
  for (const { uri, text } of all) {
    workspace.setNotice(uri, text);
    archive.addNotice(scanNotice(uri, text, knowledge));
  }
  return { workspace: workspace.registry(), archive, uris: all.map(({ uri }) => uri) };
}

/** An entry as the CLI's rules see it: a notice's subject is not kept. */
function withoutNoticeSubject(entry: RegistryEntry | undefined): RegistryEntry | undefined {
  return entry?.origin === 'workspace-notice' ? { ...entry, subject: null } : entry;
}

const asJson = (value: unknown) => JSON.stringify(value);

describe('ArchiveIndex (the index of thongbao check)', function () {
  this.timeout(60_000);
  let workspace: Registry;
  let archive: ArchiveIndex;
  let uris: string[];
  let entries: RegistryEntry[];
  let symbols: string[];
  const citations = (symbol: string, exceptUri?: string, differingFrom?: CalendarDate) => workspace.citationsElsewhere(symbol, exceptUri, differingFrom);
  before(() => {
    ({ workspace, archive, uris } = indexes());
    entries = [...workspace.entries()];
    symbols = [...new Set([...entries.map((entry) => entry.symbol), ...uris.flatMap((uri) => archive.citedIn(uri).map((cited) => cited.symbol)), '999/TB-VPCP'])];
  });

  it('holds what the workspace index holds: a citation of 12/KH-BCA on another day, twins', () => {
    assert.ok(citations('12/KH-BCA').length >= 9);
    assert.ok(archive.citationsElsewhere('12/KH-BCA', uris[0], { year: 2024, month: 1, day: 5 }).some((citation) => citation.date?.day === 25));
    assert.equal(archive.lookup('500/TB-VPCP')?.location?.uri, URI.file('/archive/b-twin.tb.md').toString(), 'the later in URI order');
    assert.equal(archive.lookup('12/KH-BCA')?.origin, 'workspace-notice', 'a notice overrides a registry file');
  });

  it('answers every look-up and every number as the workspace index does, a notice without its subject', () => {
    for (const symbol of symbols) {
      assert.equal(asJson(archive.lookup(symbol)), asJson(withoutNoticeSubject(workspace.lookup(symbol))), symbol);
      assert.equal(asJson([...archive.entriesNumbered(numberOf(symbol))]), asJson([...workspace.entriesNumbered(numberOf(symbol))].map(withoutNoticeSubject)), numberOf(symbol));
    }
    assert.equal(asJson([...archive.entries()]), asJson(entries.map(withoutNoticeSubject)));
  });

  it('gives the citations elsewhere of every document, from every file, on every day, in the same order', () => {
    const days: CalendarDate[] = [{ year: 2024, month: 1, day: 5 }, { year: 2024, month: 1, day: 25 }, { year: 2024, month: 1, day: 6 }, { year: 2023, month: 12, day: 31 }];
    for (const symbol of symbols) {
      assert.equal(asJson(archive.citationsElsewhere(symbol)), asJson(citations(symbol)), symbol);
      for (const uri of [...uris.slice(0, 12), 'file:///elsewhere.tb.md']) {
        assert.equal(asJson(archive.citationsElsewhere(symbol, uri)), asJson(citations(symbol, uri)), `${symbol} from ${uri}`);
        const cited = archive.citedIn(uri).flatMap((one) => (one.date ? [one.date] : []));
        for (const day of [...cited, ...days]) assert.equal(asJson(archive.citationsElsewhere(symbol, uri, day)), asJson(citations(symbol, uri, day)), `${symbol} from ${uri} not on ${asJson(day)}`);
      }
    }
  });

  it('lists the documents a notice cites, with their dates, as its scan found them', () => {
    for (const { uri, text } of files()) {
      assert.deepEqual(
        archive.citedIn(uri),
        scanNotice(uri, text, knowledge).citations.map(({ symbol, date }) => ({ symbol, date: date ? { ...date } : null })),
        uri,
      );
    }
    assert.deepEqual(archive.citedIn('file:///not-indexed.tb.md'), []);
  });

  it('refuses a notice indexed twice, or after the registry was read', () => {
    const fresh = new ArchiveIndex(knowledge);
    const scan = scanNotice('file:///a.tb.md', citing('1/TB-VPCP', 5), knowledge);
    fresh.addNotice(scan);
    assert.throws(() => fresh.addNotice(scan), /indexed twice/u);
    fresh.lookup('1/TB-VPCP');
    assert.throws(() => fresh.addNotice(scanNotice('file:///b.tb.md', citing('2/TB-VPCP', 5), knowledge)), /after the registry was read/u);
  });
});
