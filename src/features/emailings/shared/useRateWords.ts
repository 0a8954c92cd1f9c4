import { useCallback } from 'react';
import { useLocale, useT } from '@/i18n/i18n';
import { RATE_DEFINITIONS, type RateId, rateWords } from '../metric-definitions';
import { metricMessages } from '../metric-messages';
import { formatRate } from '../utils/format.utils';

/** A rate's words (name, meaning, formula in words) and its value formatted for the user's locale. */
export function useRateWords() {
  const tm = useT(metricMessages);
  const { locale } = useLocale();
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const words = useCallback((id: RateId) => rateWords(id, tm), [tm]);
  const format = useCallback((id: RateId, value: number | null) => formatRate(value, tag, RATE_DEFINITIONS[id].isRatio), [tag]);
  return { words, format, tag };
}
