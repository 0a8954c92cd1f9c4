import { availableParallelism } from 'node:os';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Two projects: DOM tests for the SPA, node tests for gateway and emulator (happy-dom's fetch enforces CORS).
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      restoreMocks: true,
      // One worker per core, stated: on a 2-core CI machine the run otherwise used one worker (237 s vs 147 s).
      maxWorkers: availableParallelism(),
      projects: [
        {
          extends: true,
          test: {
            name: 'web',
            environment: 'happy-dom',
            include: ['src/**/*.test.{ts,tsx}'],
            setupFiles: ['./src/test/setup.ts'],
            css: false,
            // a whole Mantine page rendered in happy-dom takes seconds on a busy 2-core CI machine
            testTimeout: 20_000,
          },
        },
        {
          test: {
            name: 'server',
            environment: 'node',
            include: ['server/**/*.test.ts', 'scripts/**/*.test.ts'],
            testTimeout: 30_000,
          },
        },
      ],
    },
  }),
);
