import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart, LineChart } from './Charts';

const wrap = (ui: React.ReactNode) => render(<MantineProvider>{ui}</MantineProvider>);

describe('BarChart', () => {
  it('draws each value as a share of the top tick, with its label, legend and a per-category colour', () => {
    const { container } = wrap(
      <BarChart
        h={200}
        orientation="vertical"
        data={[
          { name: 'Clicks', total: 50, color: 'teal.7' },
          { name: 'Opens', total: 100 },
        ]}
        dataKey="name"
        series={[{ name: 'total', label: 'Total', color: 'blue.7' }]}
        valueFormatter={(v) => `${v}×`}
        withBarValueLabel
        withLegend
      />,
    );
    const bars = [...container.querySelectorAll<HTMLElement>('[data-chart-bar]')];
    // top tick 100; value labels take 15 % of the width
    expect(bars.map((b) => b.style.width)).toEqual(['42.5%', '85%']);
    expect(bars[0]?.style.background).toBe('var(--mantine-color-teal-7)');
    expect(bars[1]?.style.background).toBe('var(--mantine-color-blue-7)');
    expect(screen.getByText('50×')).toBeInTheDocument();
    expect(screen.getByText('Total')).toBeInTheDocument();
  });

  it('shows a tooltip with every series of the category under the pointer, and hides it when the pointer leaves', () => {
    const { container } = wrap(
      <BarChart
        h={200}
        data={[
          { day: 'Mon', a: 1, b: 2 },
          { day: 'Tue', a: 3, b: null },
        ]}
        dataKey="day"
        series={[
          { name: 'a', label: 'Opens', color: 'blue.7' },
          { name: 'b', label: 'Clicks', color: 'teal.8' },
        ]}
      />,
    );
    const columns = container.querySelectorAll<HTMLElement>('[data-chart-bar]');
    expect(columns).toHaveLength(4);
    fireEvent.mouseMove(columns[2] as HTMLElement);
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toContain('Tue');
    expect(tip.textContent).toContain('Opens3');
    expect(tip.textContent).toContain('Clicks–');
    fireEvent.mouseLeave(container.querySelector('[data-chart="bar"]') as HTMLElement);
    expect(tip.isConnected).toBe(false);
  });
});

describe('LineChart', () => {
  it('draws one line per series through every point, scaled to the top tick', () => {
    const { container } = wrap(
      <LineChart
        h={200}
        data={[
          { t: 'a', opens: 0, clicks: 10 },
          { t: 'b', opens: 50, clicks: 0 },
          { t: 'c', opens: 100, clicks: 20 },
        ]}
        dataKey="t"
        series={[
          { name: 'opens', color: 'blue.7' },
          { name: 'clicks', color: 'teal.8' },
        ]}
        withLegend
      />,
    );
    const lines = [...container.querySelectorAll('[data-chart-line]')];
    expect(lines.map((l) => l.getAttribute('points'))).toEqual(['0,100 50,50 100,0', '0,90 50,100 100,80']);
    expect(screen.getByText('opens')).toBeInTheDocument();
  });
});
