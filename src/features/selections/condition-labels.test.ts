import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/i18n/i18n';
import { conditionLabels } from './condition-labels';
import { conditionOptionMessages } from './condition-option-messages';
import { CONDITION_TYPES, TYPE_SPECS } from './model/condition-catalog';

describe('condition labels', () => {
  it('names every type, property and option of the catalog in English and Dutch', () => {
    const missing: string[] = [];
    for (const locale of LOCALES) {
      const labels = conditionLabels(locale);
      for (const type of CONDITION_TYPES) {
        if (!labels.type(type)) missing.push(`${locale} type ${type}`);
        for (const prop of TYPE_SPECS[type].props) {
          if (labels.prop(prop.name) === prop.name) missing.push(`${locale} ${type}.${prop.name}`);
          for (const option of prop.options ?? [])
            if (!Object.hasOwn(conditionOptionMessages[locale], `${prop.name}:${option}`)) missing.push(`${locale} ${prop.name}:${option}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('speaks Dutch in Dutch', () => {
    expect(conditionLabels('nl').option('required-result', 'view')).toBe('geopend');
    expect(conditionLabels('en').option('required-result', 'view')).toBe('opened');
    expect(conditionLabels('nl').type('MiniView')).toBe('Miniselectie');
  });

  it('keeps an unknown value as it is (a value the API knows and this version does not)', () => {
    expect(conditionLabels('en').option('comparison', 'brand-new')).toBe('brand-new');
    expect(conditionLabels('en').prop('toString')).toBe('toString');
  });
});
