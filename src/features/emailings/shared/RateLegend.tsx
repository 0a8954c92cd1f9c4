import { Text } from '@mantine/core';
import type { RateId } from '../metric-definitions';
import { useRateWords } from './useRateWords';

/** Under a table of rates: what each column divides, in words, from the one set of definitions. */
export function RateLegend({ ids }: { ids: RateId[] }) {
  const { words } = useRateWords();
  return (
    <Text size="xs" c="dimmed" data-testid="rate-legend">
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ' · '}
          <strong>{words(id).name}</strong> = {words(id).formula}
        </span>
      ))}
    </Text>
  );
}
