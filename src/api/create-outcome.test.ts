import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import { CreateOutcomeUnknown, compareProbes, createOnce, typedFieldsFilter } from './create-outcome';

describe('create outcome', () => {
  it('a lost answer becomes a lookup: newer than the watermark = created', async () => {
    const probe = vi.fn().mockResolvedValueOnce('10').mockResolvedValueOnce('11');
    const create = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await createOnce(create, probe).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreateOutcomeUnknown);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await (error as CreateOutcomeUnknown).check()).toEqual({ created: true, id: '11' });
  });

  it('the same newest match as before = not created', async () => {
    const probe = vi.fn().mockResolvedValue('10');
    const error = (await createOnce(vi.fn().mockRejectedValue(new ApiError(502, 'x')), probe).catch(
      (e: unknown) => e,
    )) as CreateOutcomeUnknown;
    expect(await error.check()).toEqual({ created: false });
  });

  it('an answer from the API is passed on as is', async () => {
    const refusal = new ApiError(400, 'Invalid field');
    await expect(createOnce(vi.fn().mockRejectedValue(refusal), vi.fn().mockResolvedValue(null))).rejects.toBe(refusal);
  });

  it('compares watermarks numerically, and without one any match counts', () => {
    expect(compareProbes('9', '10')).toEqual({ created: true, id: '10' });
    expect(compareProbes('10', '10')).toEqual({ created: false });
    expect(compareProbes(null, '3')).toEqual({ created: true, id: '3' });
    expect(compareProbes(undefined, '3')).toEqual({ created: true, id: '3' });
    expect(compareProbes('3', null)).toEqual({ created: false });
  });

  it('filters on what was typed, leaving out values the filter cannot match exactly', () => {
    expect(typedFieldsFilter({ email: 'a@example.org', city: '', note: ' padded ', bio: 'two\nlines' })).toEqual(['email==a@example.org']);
  });
});
