import { onlineManager } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { announceWait } from '@/api/retry-status';
import { renderWithProviders } from '@/test/render';
import { StatusIndicators } from './StatusIndicators';

afterEach(() => onlineManager.setOnline(true));

describe('StatusIndicators', () => {
  it('says when the browser is offline, and stops saying it when it is back', () => {
    renderWithProviders(<StatusIndicators />, { locale: 'nl' });
    expect(screen.queryByTestId('offline-banner')).toBeNull();
    act(() => onlineManager.setOnline(false));
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('Je bent offline.');
    act(() => onlineManager.setOnline(true));
    expect(screen.queryByTestId('offline-banner')).toBeNull();
  });

  it('counts down to the next try, naming a busy server as such', () => {
    renderWithProviders(<StatusIndicators />);
    let done = () => {};
    act(() => {
      done = announceWait({ until: Date.now() + 4000, busy: true });
    });
    expect(screen.getByTestId('retry-countdown')).toHaveTextContent('The server is busy. Trying again in 4 s…');
    act(() => done());
    expect(screen.queryByTestId('retry-countdown')).toBeNull();
  });
});
