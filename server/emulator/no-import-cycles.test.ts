// The emulator's modules import each other in one direction only (core ← emailings/selections, shared types
// in leaf files), so each can be read, loaded and tested on its own. This keeps it that way, type-only
// imports included.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RELATIVE_IMPORT = /(?:\bfrom|\bimport|\bimport\s*\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every import cycle among the files under `root`, each as a path of files that leads back to its start. */
function importCycles(root: string): string[][] {
  const files = new Set(sourceFiles(root));
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const targets = [...readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)].map((m) => resolve(dirname(file), m[1] as string));
    imports.set(
      file,
      targets.filter((t) => files.has(t)),
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

describe('import cycles', () => {
  it('the emulator has none', () => {
    expect(importCycles(import.meta.dirname).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('are found, type-only and multi-line imports included', () => {
    const root = mkdtempSync(join(tmpdir(), 'cycles-'));
    try {
      mkdirSync(join(root, 'core'));
      writeFileSync(join(root, 'core', 'context.ts'), "import type {\n  Query,\n} from './http.ts';\n");
      writeFileSync(join(root, 'core', 'http.ts'), "import { x } from '../model.ts';\n");
      writeFileSync(join(root, 'model.ts'), "export { y } from './core/context.ts';\nimport { z } from './leaf.ts';\n");
      writeFileSync(join(root, 'leaf.ts'), 'export const z = 1;\n');
      expect(importCycles(root)).toEqual([['core/context.ts', 'core/http.ts', 'model.ts', 'core/context.ts']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
