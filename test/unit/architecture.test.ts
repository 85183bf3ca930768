import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The layering of docs/architecture (shared design): the core is pure, nothing
 * points back at the protocol or the CLI. Enforced here rather than by
 * discipline alone.
 */
const root = path.resolve(import.meta.dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

interface ImportLine {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function importsOf(folder: string): ImportLine[] {
  return sourceFiles(path.join(root, folder)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gmu)].map((match) => ({
      file: path.relative(root, file),
      specifier: match[2]!,
      typeOnly: Boolean(match[1]),
    })),
  );
}

const resolvesInto = (line: ImportLine, folder: string) => line.specifier.startsWith('.') && path.resolve(root, path.dirname(line.file), line.specifier).startsWith(path.join(root, folder));

describe('architecture', () => {
  it('the core imports no editor, protocol, file system or process module', () => {
    const gfmParts = ['autolink-literal', 'footnote', 'strikethrough', 'table', 'task-list-item'].flatMap((part) => [`micromark-extension-gfm-${part}`, `mdast-util-gfm-${part}`]);
    const allowedPackages = new Set(['zod', 'yaml', 'unified', 'remark-parse', 'remark-frontmatter', ...gfmParts, 'mdast']);
    const offending = importsOf('server/src/core').filter((line) => {
      if (line.specifier.startsWith('.')) {
        if (resolvesInto(line, 'server/src/core')) return false;
        // Outside the core: knowledge types, and the snippets' JSON data.
        if (resolvesInto(line, 'server/src/knowledge') && line.typeOnly && line.specifier.endsWith('/types.js')) return false;
        if (resolvesInto(line, 'snippets') && line.specifier.endsWith('.json')) return false;
        return true;
      }
      return !allowedPackages.has(line.specifier);
    });
    assert.deepEqual(offending, []);
  });

  it('nothing below the adapters imports the language server or the CLI', () => {
    const offending = ['server/src/core', 'server/src/knowledge', 'server/src/workspace'].flatMap(importsOf).filter((line) => resolvesInto(line, 'server/src/lsp') || resolvesInto(line, 'server/src/cli'));
    assert.deepEqual(offending, []);
  });

  it('the client talks to the server through the protocol only', () => {
    const offending = importsOf('client/src').filter((line) => {
      if (line.specifier === 'vscode' || line.specifier.startsWith('vscode-languageclient')) return false;
      if (resolvesInto(line, 'client/src')) return false;
      return true;
    });
    assert.deepEqual(offending, []);
  });

  it('the language server does not import the CLI', () => {
    const offending = ['server/src/cli', 'server/src/lsp'].flatMap(importsOf).filter((line) => resolvesInto(line, 'server/src/cli') && line.file.startsWith('server/src/lsp'));
    assert.deepEqual(offending, []);
  });
});
