import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SegmentedChoice } from './SegmentedChoice';

function Harness({ onChange }: { onChange?: (v: string) => void }) {
  const [value, setValue] = useState<'en' | 'nl' | 'de'>('en');
  return (
    <MantineProvider>
      <SegmentedChoice
        aria-label="Language"
        value={value}
        onChange={(v) => {
          setValue(v);
          onChange?.(v);
        }}
        data={[
          { value: 'en', label: 'EN' },
          { value: 'nl', label: 'NL' },
          { value: 'de', label: 'DE', disabled: true },
        ]}
      />
    </MantineProvider>
  );
}

describe('SegmentedChoice', () => {
  it('is a named radio group whose options are radios named by their labels', () => {
    render(<Harness />);
    const group = screen.getByRole('radiogroup', { name: 'Language' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'EN' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'NL' })).not.toBeChecked();
  });

  it("changes the value by a click on an option's label, never to a disabled option", async () => {
    const seen: string[] = [];
    render(<Harness onChange={(v) => seen.push(v)} />);
    await userEvent.click(screen.getByText('NL'));
    expect(screen.getByRole('radio', { name: 'NL' })).toBeChecked();
    await userEvent.click(screen.getByText('DE'));
    expect(screen.getByRole('radio', { name: 'DE' })).not.toBeChecked();
    await userEvent.click(screen.getByText('EN'));
    expect(seen).toEqual(['nl', 'en']);
  });
});
