import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError, UnexpectedShapeError } from '@/api/client';
import { renderWithProviders } from '@/test/render';
import { describeError, QueryError } from './QueryError';

describe('QueryError', () => {
  it('shows a record that does not exist as not found, with a way back and no Retry', () => {
    const retry = vi.fn();
    renderWithProviders(<QueryError error={new ApiError(400, 'No entity with supplied ID')} onRetry={retry} />, {
      route: '/databases/1/profiles/9',
      path: '/databases/:databaseId/profiles/:profileId',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Not found');
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/databases/1/profiles');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('says what kind of failure it is, in Dutch too', () => {
    renderWithProviders(<QueryError error={new UnexpectedShapeError('databases', '(root): Invalid input')} onRetry={() => {}} />, {
      locale: 'nl',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('De API antwoordde in een onverwachte vorm.');
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeInTheDocument();
  });

  it('classifies the policy outcomes', () => {
    expect(describeError(new ApiError(403, 'Refused')).kind).toBe('notAllowed');
    expect(describeError(new ApiError(503, 'Service Unavailable')).kind).toBe('unavailable');
    expect(describeError(new NetworkError({ timedOut: true })).body).toBe('timedOut');
    expect(describeError(new NetworkError({ offline: true })).kind).toBe('offline');
    expect(describeError(new ApiError(400, 'Invalid field name'))).toMatchObject({ kind: 'other', detail: 'Invalid field name' });
  });
});
