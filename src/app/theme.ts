import { type CSSVariablesResolver, createTheme } from '@mantine/core';
import type { Locale } from '@/i18n/i18n';

const CLOSE_LABEL: Record<Locale, string> = { en: 'Close', nl: 'Sluiten' };

// Shade 7 in light mode: white text on indigo.6 misses WCAG AA contrast.
// Close buttons of dialogs and toasts get a name by default: Mantine's X has none (axe button-name).
// Plain objects, not `Modal.extend(…)`: importing a component here would put it in the entry chunk.
export function createAppTheme(locale: Locale = 'en') {
  const closeButtonProps = { 'aria-label': CLOSE_LABEL[locale] };
  return createTheme({
    primaryColor: 'indigo',
    primaryShade: { light: 7, dark: 8 },
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    components: {
      Modal: { defaultProps: { closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
      // Mantine's hidden focus placeholder inside a menu fails axe (aria-required-children).
      Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    },
  });
}

export const theme = createAppTheme();

// Mantine's default "dimmed" (gray.6 on white, 3.3:1) fails WCAG AA for small text; gray.7 passes (7:1).
// Links use indigo.8 so they keep AA contrast on hovered and striped table rows too (indigo.7 on gray.1 is 4.4:1).
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7], '--mantine-color-anchor': t.colors.indigo[8] },
  dark: { '--mantine-color-dimmed': t.colors.dark[1] },
});
