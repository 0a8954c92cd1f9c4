/**
 * `npm run bench [-- name…]`: runs every bench/*.bench.ts (or the named ones), prints what each
 * measured and writes bench/results/<name>.json. Benchmarks measure; they never fail on a number.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).sort();
const selected = files.filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));
await mkdir(path.join(here, 'results'), { recursive: true });

let failures = 0;
for (const file of selected) {
  const name = file.replace(/\.bench\.ts$/, '');
  console.log(`\n=== bench: ${name}`);
  const t0 = performance.now();
  try {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default: () => Promise<Record<string, unknown>> };
    const result = await mod.default();
    const record = { name, date: new Date().toISOString(), seconds: Math.round((performance.now() - t0) / 100) / 10, result };
    await writeFile(path.join(here, 'results', `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } catch (error) {
    // A broken benchmark is reported, not hidden; the others still run.
    failures++;
    console.error(`bench ${name} could not run:`, error);
  }
}
console.log(`\n${selected.length - failures} benchmarks ran, ${failures} could not run; results in bench/results/`);
