import { useMemo } from 'react';
import { type Locale, useLocale } from '@/i18n/i18n';
import { conditionPropMessages, conditionTypeMessages } from './condition-messages';
import { conditionOptionMessages } from './condition-option-messages';
import type { ConditionType } from './model/condition-catalog';

/** Names of condition types, properties and option values in one locale, from the typed catalogs. */
export type ConditionLabels = {
  type: (t: ConditionType) => string;
  prop: (name: string) => string;
  option: (prop: string, value: string) => string;
};

const lookup = (table: Record<string, string>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

export function conditionLabels(locale: Locale): ConditionLabels {
  return {
    type: (t) => conditionTypeMessages[locale][t],
    prop: (name) => lookup(conditionPropMessages[locale], name) ?? name,
    option: (prop, value) => lookup(conditionOptionMessages[locale], `${prop}:${value}`) ?? value,
  };
}

export function useConditionLabels(): ConditionLabels {
  const { locale } = useLocale();
  return useMemo(() => conditionLabels(locale), [locale]);
}
