import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Emailing } from '@/api/emailings';
import { json, renderWithProviders, stubFetch } from '@/test/render';
import { ClickMap } from './ClickMap';

const emailing = { system: 'publisher', id: '4101', subject: 'Spring' } as Emailing;
const HTML =
  '<html><body><a href="https://shop.example.com/spring">Spring</a> <a href="https://webversion.example.com/x">Web</a></body></html>';
const clicks = [
  { ID: '1', link: 'https://shop.example.com/spring', destination: '7' },
  { ID: '2', link: 'https://shop.example.com/spring', destination: '8' },
  { ID: '3', link: 'https://shop.example.com/spring', destination: '8' },
  { ID: '4', link: '{webversion}', destination: '9' },
];
const statistics = { destinations: 10, clicks: { total: clicks.length, unique: 3 }, impressions: { total: 5, unique: 4 } };

function stubApi(clickList: unknown[], clickStatus = 200) {
  return stubFetch((url) => {
    if (url.pathname === '/api/v3/publisher/emailing/4101/statistics')
      return json({ ...statistics, clicks: { total: clickList.length, unique: 1 } });
    if (url.pathname === '/api/v3/publisher/emailing/4101/clicks')
      return clickStatus === 200
        ? json({ start: 0, limit: 1000, count: clickList.length, data: clickList, total: clickList.length })
        : json({ error: { message: 'No emailing with supplied ID' } }, { status: clickStatus });
    return undefined;
  });
}

const frame = () => screen.getByTitle(/scripts/) as HTMLIFrameElement;

describe('ClickMap', () => {
  it('puts each link’s figures on it in Dutch, lists the link it cannot place, and switches off', async () => {
    stubApi(clicks);
    renderWithProviders(<ClickMap emailing={emailing} html={HTML} />, { locale: 'nl' });
    await waitFor(() => expect(frame().getAttribute('srcdoc')).toContain('data-clickmap-badge'));
    expect(frame().getAttribute('sandbox')).toBe('');
    expect(frame().getAttribute('srcdoc')).toContain('2 uniek · 3 totaal · 75,0%');
    expect(await screen.findByText('Aangeklikte links die niet in dit bericht staan')).toBeInTheDocument();
    expect(screen.getByTestId('clickmap-unmatched')).toHaveTextContent('{webversion}');
    expect(screen.getByTestId('clickmap-summary')).toHaveTextContent(
      '1 van 2 aangeklikte links gevonden in dit bericht, met 75,0% van alle kliks.',
    );
    expect(screen.getByText('Kliks op de links tonen')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('clickmap-toggle'));
    await waitFor(() => expect(frame().getAttribute('srcdoc')).toBe(HTML));
  });

  it('says so when nobody clicked, and shows the message as it is', async () => {
    stubApi([]);
    renderWithProviders(<ClickMap emailing={emailing} html={HTML} />);
    expect(await screen.findByText('Nobody has clicked a link in this emailing yet.')).toBeInTheDocument();
    expect(frame().getAttribute('srcdoc')).toBe(HTML);
  });

  it('says why the click list failed, the message still readable', async () => {
    stubApi(clicks, 400);
    renderWithProviders(<ClickMap emailing={emailing} html={HTML} />);
    expect(await screen.findByText(/No emailing with supplied ID/)).toBeInTheDocument();
    expect(frame().getAttribute('srcdoc')).toBe(HTML);
  });
});
