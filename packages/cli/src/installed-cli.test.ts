// The installed CLI carries no dev tooling: what `steadyback` loads at start (static imports from
// src/main.ts, followed into the workspace packages) and what its package.json pulls in.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packagesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const devOnly = ['@steadyback/lab', '@steadyback/synthetic', 'three', 'playwright-core', 'vitest'];

function packageJson(name: string): { dependencies?: Record<string, string>; exports?: Record<string, string> } {
  return JSON.parse(readFileSync(join(packagesDir, name.replace('@steadyback/', ''), 'package.json'), 'utf8'));
}

/** The module names a file imports statically (import and export declarations, not `import()`). */
export function staticImports(source: string): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const names: string[] = [];
  for (const statement of file.statements) {
    const isImport = ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly;
    const isExport = ts.isExportDeclaration(statement) && !statement.isTypeOnly;
    if ((isImport || isExport) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      names.push(statement.moduleSpecifier.text);
    }
  }
  return names;
}

function workspaceEntry(specifier: string): string | null {
  const match = /^(@steadyback\/[^/]+)(\/.*)?$/.exec(specifier);
  if (!match) return null;
  const exportsMap = packageJson(match[1]!).exports ?? { '.': './src/index.ts' };
  const target = exportsMap[`.${match[2] ?? ''}`];
  if (!target) throw new Error(`${specifier} is not exported`);
  return join(packagesDir, match[1]!.replace('@steadyback/', ''), target);
}

/** Every bare (non-relative, non-node:) module reached from `entry` through static imports. */
function reachedPackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:')) {
        bare.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
        const entryFile = workspaceEntry(specifier);
        if (entryFile) queue.push(entryFile);
      }
    }
  }
  return bare;
}

function runtimeDependencies(name: string, into = new Set<string>()): Set<string> {
  for (const dep of Object.keys(packageJson(name).dependencies ?? {})) {
    if (into.has(dep)) continue;
    into.add(dep);
    if (dep.startsWith('@steadyback/')) runtimeDependencies(dep, into);
  }
  return into;
}

describe('the installed CLI', () => {
  it('finds static imports and ignores type-only and dynamic ones', () => {
    const found = staticImports(
      "import a from './a.ts';\nimport type { B } from 'three';\nexport * from '@steadyback/core';\nconst c = await import('@steadyback/lab');",
    );
    expect(found).toEqual(['./a.ts', '@steadyback/core']);
  });

  it('loads no renderer, synthetic bodies or test tooling when it starts', () => {
    const reached = reachedPackages(join(packagesDir, 'cli/src/main.ts'));
    expect(reached.has('@steadyback/core')).toBe(true);
    expect(reached.has('@steadyback/pose')).toBe(true);
    for (const name of devOnly) expect(reached.has(name), name).toBe(false);
  });

  it('lists no dev tooling among the run-time dependencies of it and the packages it uses', () => {
    const deps = runtimeDependencies('@steadyback/cli');
    expect(deps.has('@steadyback/report')).toBe(true);
    for (const name of devOnly) expect(deps.has(name), name).toBe(false);
  });
});
