// `npm run fuzz`: the property suites of test/reliability with many more cases (FUZZ_RUNS, default 2000),
// and the 10 MB server test. FUZZ_SEED=<seed> replays a failure that fast-check printed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '2000' };
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const suites = ['test/reliability/properties.test.ts', 'test/reliability/server.test.ts', ...process.argv.slice(2)];
const result = spawnSync(process.execPath, [mocha, '--timeout', '0', '--reporter', 'spec', ...suites], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
