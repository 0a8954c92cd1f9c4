import { createTheme } from '@mantine/core';

// Shade 7 in light mode: white text on indigo.6 misses WCAG AA contrast (STACK.md G16).
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});
