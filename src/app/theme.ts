import { type CSSVariablesResolver, createTheme, DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core';
import type { Locale } from '@/i18n/i18n';
import './theme.css';

const CLOSE_LABEL: Record<Locale, string> = { en: 'Close', nl: 'Sluiten' };

// Shade 7 in light mode: white text on indigo.6 misses WCAG AA contrast.
// Close buttons of dialogs and toasts get a name by default: Mantine's X has none (axe button-name).
// Plain objects, not `Modal.extend(…)`: importing a component here would put it in the entry chunk.
export function createAppTheme(locale: Locale = 'en') {
  const closeButtonProps = { 'aria-label': CLOSE_LABEL[locale] };
  return createTheme({
    // People who ask their system for less motion get none: no fading menus, dialogs or notifications.
    respectReducedMotion: true,
    primaryColor: 'indigo',
    primaryShade: { light: 7, dark: 8 },
    defaultRadius: 'md',
    // Mantine's ring only on keyboard focus; its colour is made to contrast in theme.css.
    focusRing: 'auto',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    components: {
      Modal: { defaultProps: { closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
      // Mantine's hidden focus placeholder inside a menu fails axe (aria-required-children). A closing menu
      // gives the focus back to its button, so a dialog opened from a menu item returns it there too
      // (otherwise the focus is lost on the removed item and keyboard users start over at the top).
      Menu: { defaultProps: { withInitialFocusPlaceholder: false, returnFocus: true } },
      // Mantine keeps every closed dropdown mounted (hidden), so each select renders all of its options on
      // every render of its page: on the selection editor that was most of the work. A dropdown is rendered
      // when it opens; the combobox only points at its list (aria-controls) while open anyway.
      Combobox: { defaultProps: { keepMounted: false } },
    },
  });
}

export const theme = createAppTheme();

// --- Contrast: WCAG 2.2 AA (4.5:1 for text) in every state, for every colour of the palette. ---

type Rgb = [number, number, number];
const toRgb = (hex: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const toHex = (rgb: Rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
const luminance = (rgb: Rgb) => {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
export const contrastRatio = (a: string, b: string) => {
  const [la, lb] = [luminance(toRgb(a)), luminance(toRgb(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};
/** `color` darkened in small steps until it reaches 4.6:1 (a little above 4.5 for rounding) against `background`. */
export function darkenUntilReadable(color: string, background: string) {
  let rgb = toRgb(color);
  while (contrastRatio(toHex(rgb), background) < 4.6 && rgb.some((v) => v > 0)) rgb = rgb.map((v) => v * 0.95) as Rgb;
  return toHex(rgb);
}
const WHITE = '#ffffff';

/**
 * Mantine's variant colours, made readable in every state. Mantine keeps the text colour of a "light" or
 * "subtle" control when it is hovered and only darkens the background, so the text must hold against the
 * hover background (indigo.9 on indigo.2 was 4.1:1); "filled" controls carry white text on shade 7/8
 * (hover one shade darker), which some palettes (red, green, orange, teal, cyan, yellow, lime) miss.
 */
function readableVariants(name: string, shades: MantineColorsTuple) {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  const lightFilled = darkenUntilReadable(shades[7], WHITE);
  light[`--mantine-color-${name}-filled`] = lightFilled;
  light[`--mantine-color-${name}-filled-hover`] = darkenUntilReadable(shades[8], WHITE);
  light[`--mantine-color-${name}-light-color`] = darkenUntilReadable(shades[9], shades[2]);
  light[`--mantine-color-${name}-outline`] = lightFilled;
  light[`--mantine-color-${name}-text`] = lightFilled;
  dark[`--mantine-color-${name}-filled`] = darkenUntilReadable(shades[8], WHITE);
  dark[`--mantine-color-${name}-filled-hover`] = darkenUntilReadable(shades[9], WHITE);
  return { light, dark };
}

function paletteVariables() {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
    if (name === 'dark' || name === 'gray') continue; // neutral palettes already pass
    const v = readableVariants(name, shades);
    Object.assign(light, v.light);
    Object.assign(dark, v.dark);
  }
  return { light, dark };
}
const palette = paletteVariables();

// Mantine's default "dimmed" (gray.6 on white, 3.3:1) fails WCAG AA for small text; gray.7 passes (7:1).
// Links use indigo.8 so they keep AA contrast on hovered and striped table rows too (indigo.7 on gray.1 is 4.4:1);
// in dark, indigo.3 (4.9:1 on a hovered row, dark.5; indigo.4 was 3.8:1).
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { ...palette.light, '--mantine-color-dimmed': t.colors.gray[7], '--mantine-color-anchor': t.colors.indigo[8] },
  dark: { ...palette.dark, '--mantine-color-dimmed': t.colors.dark[1], '--mantine-color-anchor': t.colors.indigo[3] },
});
