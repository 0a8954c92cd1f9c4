// Modules import each other in one direction only, so each can be read, loaded and tested on its own: the
// emulator (core ← emailings/selections, shared types in leaf files), the gateway, and the SPA (app → features
// → components/lib/api). This keeps it that way, type-only imports included.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const IMPORT = /(?:\bfrom|\bimport|\bimport\s*\()\s*['"]((?:\.{1,2}|@)\/[^'"]+)['"]/g;
/** How an import without an extension resolves (the SPA's style; the server writes `.ts`). */
const SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Every import cycle among the files under `root`, each as a path of files that leads back to its start.
 * `alias` is the folder `@/` stands for (the SPA's `@/…` imports).
 */
function importCycles(root: string, alias?: string): string[][] {
  const files = new Set(sourceFiles(root));
  const target = (from: string, spec: string) => {
    const base = spec.startsWith('@/') ? (alias ? join(alias, spec.slice(2)) : undefined) : resolve(dirname(from), spec);
    return base === undefined ? undefined : SUFFIXES.map((s) => base + s).find((f) => files.has(f) && existsSync(f));
  };
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const specs = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] as string);
    imports.set(
      file,
      specs.map((s) => target(file, s)).filter((t): t is string => t !== undefined),
    );
  }
  const cycles: string[][] = [];
  const done = new Set<string>();
  const walk = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      cycles.push([...path.slice(at), file].map((f) => relative(root, f)));
      return;
    }
    if (done.has(file)) return;
    for (const next of imports.get(file) ?? []) walk(next, [...path, file]);
    done.add(file);
  };
  for (const file of files) walk(file, []);
  return cycles;
}

const named = (cycles: string[][]) => cycles.map((cycle) => cycle.join(' → '));

describe('import cycles', () => {
  it('the emulator has none', () => {
    expect(named(importCycles(join(repo, 'server/emulator')))).toEqual([]);
  });

  it('the gateway has none', () => {
    expect(named(importCycles(join(repo, 'server/gateway')))).toEqual([]);
  });

  it('the SPA has none (response schemas and resource modules share the types in api/wire-types.ts)', () => {
    expect(named(importCycles(join(repo, 'src'), join(repo, 'src')))).toEqual([]);
  });

  it('are found, type-only, multi-line, extensionless and aliased imports included', () => {
    const root = mkdtempSync(join(tmpdir(), 'cycles-'));
    try {
      mkdirSync(join(root, 'core'));
      writeFileSync(join(root, 'core', 'context.ts'), "import type {\n  Query,\n} from './http.ts';\n");
      writeFileSync(join(root, 'core', 'http.ts'), "import { x } from '../model.ts';\n");
      writeFileSync(join(root, 'model.ts'), "export { y } from './core/context.ts';\nimport { z } from './leaf.ts';\n");
      writeFileSync(join(root, 'leaf.ts'), 'export const z = 1;\n');
      writeFileSync(join(root, 'Page.tsx'), "import { Row } from '@/Row';\n");
      writeFileSync(join(root, 'Row.tsx'), "import type { Props } from './Page';\n");
      expect(named(importCycles(root, root)).sort()).toEqual([
        'Page.tsx → Row.tsx → Page.tsx',
        'core/context.ts → core/http.ts → model.ts → core/context.ts',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
