import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, startTransition, useEffect, useState } from 'react';
import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../messages';
import { useNearViewport } from './useNearViewport';

export type FigureTable = { columns: string[]; rows: (string | number)[][] };

/**
 * A chart with a heading and, one click away, the same numbers as a table: the accessible form of
 * the chart and a way to read exact values.
 */
export function ChartFigure({
  title,
  hint,
  actions,
  table,
  children,
}: {
  title: string;
  hint?: ReactNode;
  actions?: ReactNode;
  table?: FigureTable;
  children: ReactNode;
}) {
  const t = useT(emailingMessages);
  const [showTable, { toggle }] = useDisclosure(false);
  return (
    <Card withBorder component="section" aria-label={title}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Group gap="xs">
          {actions}
          {table && (
            <Button variant="subtle" size="compact-xs" onClick={toggle} aria-expanded={showTable}>
              {showTable ? t('hideTable') : t('showTable')}
            </Button>
          )}
        </Group>
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      {children}
      {table && showTable && (
        <Table.ScrollContainer minWidth={400} mt="sm">
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row) => (
                <Table.Tr key={String(row[0])}>
                  {row.map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <Table.Td key={i}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/**
 * The chart itself, drawn once it comes near the viewport, as a transition: React renders the chart's many SVG
 * components in small slices instead of one long task that blocks the page, and charts further down the page
 * cost nothing until they are scrolled to (the numbers around them and the table alternative are there at once).
 * Until then a box of the chart's height keeps the layout still.
 */
export function ChartBody({ h, children }: { h: number; children: ReactNode }) {
  const near = useNearViewport('200px');
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (near.seen) startTransition(() => setDrawn(true));
  }, [near.seen]);
  return drawn ? children : <div ref={near.ref} style={{ height: h }} aria-hidden />;
}
