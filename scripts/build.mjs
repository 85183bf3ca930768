// Bundles the client, the server, the CLI and the public core API into dist/ with esbuild.
// tsc only type-checks (npm run typecheck) and emits the declarations of the public API.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { asciiBundle } from './asciiBundle.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  outExtension: { '.js': '.cjs' },
  // Several ESM-only dependencies read import.meta.url; give them the bundle's own URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/** Keeps pdf.js's modules (server/src/import/pdfjsModules.ts) out of a bundle: they stay a run-time import, answered by dist/pdfjs.cjs. */
const leavePdfjsOut = {
  name: 'leave-pdfjs-out',
  setup(build) {
    build.onResolve({ filter: /\/pdfjsModules\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/lsp/node.ts', out: 'server' },
  { in: 'server/src/cli/main.ts', out: 'cli' },
  // The worker threads of `thongbao check --jobs`, found beside cli.cjs.
  { in: 'server/src/cli/worker.ts', out: 'cliWorker' },
  { in: 'server/src/api.ts', out: 'core' },
  // pdf.js, loaded by server/src/import/pdf.ts on the first PDF only; the bundles above leave it out.
  { in: 'server/src/import/pdfjsModules.ts', out: 'pdfjs', bundlesPdfjs: true },
];

const started = Date.now();
await Promise.all(
  entries.map((entry) =>
    build({ ...common, entryPoints: { [entry.out]: entry.in }, outdir: 'dist', external: entry.external ?? [], plugins: entry.bundlesPdfjs ? [] : [leavePdfjsOut] }),
  ),
);
// Every bundle ASCII-only, so that V8 keeps its source one byte a character (scripts/asciiBundle.mjs).
for (const entry of entries) {
  const file = path.join(root, 'dist', `${entry.out}.cjs`);
  const mapFile = `${file}.map`;
  const { code, map } = asciiBundle(readFileSync(file, 'utf8'), common.sourcemap ? JSON.parse(readFileSync(mapFile, 'utf8')) : undefined);
  writeFileSync(file, code);
  if (map) writeFileSync(mapFile, map);
}
// The Vietnamese spelling dictionary (typo/spelling) is read beside the bundles at run time (server/src/knowledge/spelling.ts).
mkdirSync(path.join(root, 'dist', 'dictionary-vi'), { recursive: true });
for (const name of ['index.aff', 'index.dic', 'license']) copyFileSync(path.join(root, 'node_modules', 'dictionary-vi', name), path.join(root, 'dist', 'dictionary-vi', name));
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.api.json'], { cwd: root, stdio: 'inherit' });
console.log(`built dist/ in ${Date.now() - started} ms`);
