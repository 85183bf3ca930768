import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedConfig } from '../../server/src/cli/registrySlice.js';
import { configSchema } from '../../server/src/core/config.js';
import { ConfigResolver } from '../../server/src/workspace/configResolver.js';

describe('one configuration object per configuration', () => {
  // What analysis derives from a configuration is cached per object: one object per file rebuilt it for every file and kept every copy.
  it('gives every file without a thongbao.config.json the same object, and files under one configuration its object', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'thongbao-resolver-'));
    try {
      const resolver = new ConfigResolver(undefined, () => {});
      const bare = path.join(folder, 'bare');
      const configured = path.join(folder, 'configured');
      mkdirSync(bare);
      mkdirSync(configured);
      writeFileSync(path.join(configured, 'thongbao.config.json'), JSON.stringify({ locale: 'en' }));
      const [a, b, c, d] = await Promise.all([path.join(bare, 'a.tb.md'), path.join(bare, 'b.tb.md'), path.join(configured, 'c.tb.md'), path.join(configured, 'd.tb.md')].map((file) => resolver.forFile(file)));
      // The temporary folder may lie under a configuration of the machine's; either way the two bare files share one object.
      assert.equal(a!.config, b!.config);
      assert.equal(c!.config, d!.config);
      assert.equal(c!.config.locale, 'en');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a worker makes equal configurations, each a fresh structured clone, one object again', () => {
    const config = configSchema.parse({});
    const first = sharedConfig(structuredClone(config));
    assert.equal(sharedConfig(structuredClone(config)), first);
    const english = sharedConfig(structuredClone(configSchema.parse({ locale: 'en' })));
    assert.notEqual(english, first);
    assert.equal(english.locale, 'en');
  });
});
