import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The gateway serves /api, /auth and /export; in `npm run dev` and `vite preview` Vite proxies them to it.
const gateway = process.env.ORRERY_GATEWAY_URL ?? 'http://127.0.0.1:8080';

/**
 * Writes `name.br` and `name.gz` beside every script, stylesheet and SVG of the build, so the gateway can send
 * them compressed without compressing on each request (server/gateway/static.ts). Small files are left as they are.
 */
function precompress(): Plugin {
  return {
    name: 'orrery-precompress',
    apply: 'build',
    // After writing: the files on disk are final (Vite rewrites chunks up to the end of generateBundle).
    writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(fileName)) continue;
        const path = join(outDir, fileName);
        const source = readFileSync(path);
        if (source.length < 1024) continue;
        const quality = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length };
        writeFileSync(`${path}.br`, brotliCompressSync(source, { params: quality }));
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // Mantine's hooks with a stable `useId` (see src/lib/mantine-hooks.ts), for Mantine's components as well.
      { find: /^@mantine\/hooks$/, replacement: fileURLToPath(new URL('./src/lib/mantine-hooks.ts', import.meta.url)) },
      {
        find: /^mantine-hooks-original$/,
        replacement: fileURLToPath(new URL('./node_modules/@mantine/hooks/esm/index.mjs', import.meta.url)),
      },
    ],
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': gateway, '/auth': gateway, '/export': gateway },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    chunkSizeWarningLimit: 700,
    sourcemap: false,
    // Fewer, larger chunks: left alone the bundler made ~180 files of 1–2 kB, and a page asked for 50–80 of them
    // over HTTP/1.1's six connections, so its session and data calls queued behind scripts. Now a page loads the
    // entry (everything the first screen needs), Mantine's other components, the shared data layer and its own
    // chunk.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 30 },
            {
              name: 'ui',
              test: /node_modules[\\/](@mantine[\\/](core|hooks)|@floating-ui|react-remove-scroll|react-style-singleton|use-callback-ref|use-sidecar|react-number-format|react-textarea-autosize|tabbable|clsx)/,
              priority: 10,
            },
            { name: 'shared', test: /[\\/]src[\\/](api|components|lib|i18n)[\\/]/, priority: 5 },
          ],
        },
      },
    },
  },
});
