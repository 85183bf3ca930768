import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { configFileSchema, generatedFiles, settingsContribution } from '../../scripts/generate-schemas.js';

const read = (relative: string) => JSON.parse(readFileSync(new URL(`../../${relative}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const STALE = 'stale: run `npx tsx scripts/generate-schemas.ts` and commit the result';

describe('files generated from the zod configuration schema', () => {
  it('package.json contributes.configuration', () => {
    const contributes = read('package.json').contributes as Record<string, unknown>;
    assert.deepEqual(contributes.configuration, settingsContribution().configuration, STALE);
  });

  it('the English and Vietnamese setting texts in package.nls.json and package.nls.vi.json', () => {
    const { en, vi } = settingsContribution();
    const nlsEn = read('package.nls.json');
    const nlsVi = read('package.nls.vi.json');
    for (const [key, text] of Object.entries(en)) assert.equal(nlsEn[key], text, `${key} ${STALE}`);
    for (const [key, text] of Object.entries(vi)) assert.equal(nlsVi[key], text, `${key} ${STALE}`);
  });

  it('schemas/thongbao.config.schema.json', () => {
    assert.deepEqual(read('schemas/thongbao.config.schema.json'), configFileSchema(), STALE);
  });

  it('writes nothing else than those files', () => {
    assert.deepEqual(Object.keys(generatedFiles()).sort(), ['package.json', 'package.nls.json', 'package.nls.vi.json', 'schemas/thongbao.config.schema.json']);
  });
});
