/**
 * Gzip sizes of what the first page load needs (entry JS + CSS + modulepreloads) and of every lazy chunk;
 * Mantine classes the JS uses that no stylesheet defines (should be none).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

export default async function run(): Promise<Record<string, unknown>> {
  const root = process.cwd();
  const dist = path.join(root, 'dist');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('vite build produced no dist/index.html');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string));
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  const assets = readdirSync(path.join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const sum = (list: string[]) => list.reduce((a, f) => a + gz(f), 0);
  const initialFiles = [...initial];
  const lazy = assets.map((f) => `assets/${f}`).filter((f) => !initial.has(f));
  // Mantine's styles are imported component by component: a class the JS uses that no CSS file defines
  // is a component left unstyled (its file missing from src/app/styles/).
  const classes = (ext: string) =>
    new Set(
      assets
        .filter((f) => f.endsWith(ext))
        .flatMap((f) => readFileSync(path.join(dist, 'assets', f), 'utf8').match(/\bm_[0-9a-f]{8}\b/g) ?? []),
    );
  const styled = classes('.css');
  const unstyledMantineClasses = [...classes('.js')].filter((c) => !styled.has(c));
  return {
    initialJsGzipKiB: kb(sum(initialFiles.filter((f) => f.endsWith('.js')))),
    initialCssGzipKiB: kb(sum(initialFiles.filter((f) => f.endsWith('.css')))),
    initialFiles,
    lazyChunksGzipKiB: Object.fromEntries(
      lazy
        .map((f) => [f.replace(/^assets\//, '').replace(/-[\w-]{8}\.(js|css)$/, '.$1'), kb(gz(f))])
        .sort((a, b) => Number(b[1]) - Number(a[1])),
    ),
    lazyTotalGzipKiB: kb(sum(lazy)),
    unstyledMantineClasses,
  };
}
