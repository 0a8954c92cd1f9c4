import { describe, expect, it } from 'vitest';
import type { Emailing } from '@/api/emailings';
import { pickerOptions } from './compare.utils';

const e = (system: 'publisher' | 'ms', id: string, timestamp: string, subject: string) => ({ system, id, timestamp, subject }) as Emailing;
const name = (x: Pick<Emailing, 'system'>) => (x.system === 'ms' ? 'MS' : 'Publisher');

describe('pickerOptions', () => {
  it('lists both systems newest first, labelled with subject, send date, system and ID', () => {
    const options = pickerOptions(
      [e('publisher', '4101', '2026-01-02 09:00:00', 'Spring'), e('ms', '633', '2026-03-01 10:00:00', 'Aurora')],
      [],
      name,
      () => undefined,
    );
    expect(options).toEqual([
      { value: 'ms:633', label: 'Aurora · 2026-03-01 · MS #633' },
      { value: 'publisher:4101', label: 'Spring · 2026-01-02 · Publisher #4101' },
    ]);
  });

  it('keeps a chosen emailing that is not in the lists, so it can still be removed', () => {
    const options = pickerOptions(
      [e('publisher', '4101', '2026-01-02 09:00:00', 'Spring')],
      ['publisher:4106', 'publisher:4101'],
      name,
      (k) => (k === 'publisher:4106' ? 'Test send' : undefined),
    );
    expect(options.map((o) => o.value)).toEqual(['publisher:4106', 'publisher:4101']);
    expect(options[0]?.label).toBe('Test send');
  });
});
