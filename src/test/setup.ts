import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// findBy*/waitFor wait for what must appear; 1 s (the default) is too short for a Mantine page rendering in
// jsdom on a busy 2-core CI machine. What must not appear is asserted directly, so a longer wait hides nothing.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
