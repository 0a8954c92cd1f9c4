import type { CSSProperties } from 'react';

/** Mantine's default error red (red.6) misses WCAG AA contrast on white: red.8 inside our pages. */
export const ERROR_COLOR = { '--mantine-color-error': 'var(--mantine-color-red-8)' } as CSSProperties;
