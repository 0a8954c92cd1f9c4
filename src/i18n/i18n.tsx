import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/**
 * A deliberately tiny, typed i18n: each feature defines its own catalog next to its code (so a lazy
 * route carries its own strings), English is the source of the keys, Dutch must have every key.
 */
export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

export type Catalog<K extends string> = { en: Record<K, string>; nl: Record<K, string> };

export function defineMessages<const E extends Record<string, string>>(en: E, nl: { [K in keyof E]: string }): Catalog<keyof E & string> {
  return { en, nl } as Catalog<keyof E & string>;
}

export type Vars = Record<string, string | number>;

// Intl objects are slow to create (a millisecond or more each) and cheap to reuse: one of each per locale.
const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
function cached<T>(cache: Map<Locale, T>, locale: Locale, create: () => T): T {
  const known = cache.get(locale);
  if (known) return known;
  const value = create();
  cache.set(locale, value);
  return value;
}

/** Replaces `{name}` placeholders; `{count, plural, one {…} other {…}}` picks a form by Intl plural rules. */
export function formatMessage(template: string, vars: Vars | undefined, locale: Locale): string {
  if (!vars) return template;
  const withPlurals = template.replace(
    /\{(\w+), plural, one \{([^}]*)\} other \{([^}]*)\}\}/g,
    (_m, name: string, one: string, other: string) => {
      const n = Number(vars[name]);
      return cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(n) === 'one' ? one : other;
    },
  );
  return withPlurals.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(v) : v;
  });
}

const STORAGE_KEY = 'orrery.locale';

function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored === 'en' || stored === 'nl') return stored;
  const nav = typeof navigator !== 'undefined' ? navigator.language.toLowerCase() : 'en';
  return nav.startsWith('nl') ? 'nl' : 'en';
}

type LocaleState = { locale: Locale; setLocale: (l: Locale) => void };
const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => {} });

export function LocaleProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  useEffect(() => warmUpWhenIdle(locale), [locale]);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** `const t = useT(messages); t('title', { count: 3 })` */
export function useT<K extends string>(catalog: Catalog<K>) {
  const { locale } = useLocale();
  return useCallback((key: K, vars?: Vars) => formatMessage(catalog[locale][key] ?? catalog.en[key], vars, locale), [catalog, locale]);
}

/** Locale-aware number/date formatting shared by all features. */
export function useFormat() {
  const { locale } = useLocale();
  return cached(formatters, locale, () => createFormat(locale));
}

const formatters = new Map<Locale, ReturnType<typeof createFormat>>();

function createFormat(locale: Locale) {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  // Each formatter is made on its first use or in an idle moment after start-up (warmUpWhenIdle), whichever
  // comes first: never inside a page's first render unless that render comes before any idle moment.
  const int = once(() => new Intl.NumberFormat(tag));
  const pct = once(() => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }));
  const dateTime = once(() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }));
  const date = once(() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }));
  return {
    number: (n: number) => int().format(n),
    percent: (ratio: number) => (Number.isFinite(ratio) ? pct().format(ratio) : '–'),
    /** Copernica timestamps are `YYYY-MM-DD hh:mm:ss` without a zone. */
    dateTime: (s: string) => {
      const d = parseCopernicaTime(s);
      return d ? dateTime().format(d) : s;
    },
    date: (s: string) => {
      const d = parseCopernicaTime(s);
      return d ? date().format(d) : s;
    },
  };
}

/**
 * Makes the locale's formatters, plural rules and collator in idle moments, one per idle callback: the first use
 * of each loads locale data (5–20 ms), which a page would otherwise pay inside its first large render.
 */
function warmUpWhenIdle(locale: Locale): (() => void) | undefined {
  if (typeof requestIdleCallback !== 'function') return undefined;
  const format = cached(formatters, locale, () => createFormat(locale));
  const steps = [
    () => formatMessage('{n}', { n: 1 }, locale),
    () => format.number(1),
    () => format.dateTime('2000-01-01 00:00:00'),
    () => format.date('2000-01-01 00:00:00'),
    () => format.percent(0.5),
    () => cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(1),
    () => 'a'.localeCompare('b'),
  ];
  let handle = 0;
  const next = () => {
    steps.shift()?.();
    if (steps.length) handle = requestIdleCallback(next);
  };
  handle = requestIdleCallback(next);
  return () => cancelIdleCallback(handle);
}

function once<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= create();
    return value;
  };
}

export function parseCopernicaTime(s: string): Date | null {
  if (!s || s.startsWith('0000')) return null;
  const d = new Date(s.includes('T') ? s : s.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : d;
}
