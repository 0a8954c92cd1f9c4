import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EmailingEvent } from '@/api/emailing-events';
import { json, renderWithProviders, stubFetch } from '@/test/render';
import { EventsTable } from './EventsTable';

// The examples of docs/api/emailings.md §8.1.
const click: EmailingEvent = {
  ID: '880213',
  link_id: '20931',
  link: 'https://shop.example.com/spring',
  link_title: 'Shop the collection',
  timestamp: '2024-03-05 11:02:47',
  ip: '198.51.100.23',
  useragent: 'Safari 17.3, iOS',
  referer: null,
  emailing: '4127',
  destination: '7310044',
  profile: '552019',
  subprofile: '88',
};
const msError: EmailingEvent = {
  ID: '55102',
  mailing: '633',
  timestamp: '2024-03-12 14:03:09',
  status: null,
  errorcode: '5.1.1',
  description: '550 5.1.1 mailbox does not exist',
  errortype: 'error',
  destination: '918274',
  profile: '552020',
  subprofile: null,
};

const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);

describe('EventsTable', () => {
  it('shows headers in words, the time in the locale, a link by its title and URL, and the people as links', async () => {
    // the message link needs the emailing's destination list (internal number → hash)
    stubFetch((url) =>
      url.pathname === '/api/v3/publisher/emailing/4127/destinations'
        ? json({ start: 0, limit: 1000, count: 1, total: 1, data: [{ ID: 'a1b2', internal: '7310044', profile: '552019' }] })
        : undefined,
    );
    renderWithProviders(<EventsTable events={[click]} system="publisher" databaseId="3" />);
    expect(headers()).toEqual([
      'Event',
      'Link',
      'Time',
      'IP address',
      'Browser or mail app',
      'Came from page',
      'Emailing',
      'Message',
      'Profile',
      'Subprofile',
    ]);
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Shop the collection')).toBeInTheDocument();
    expect(within(row).getByText('https://shop.example.com/spring')).toBeInTheDocument();
    expect(within(row).queryByText('20931')).toBeNull();
    expect(within(row).getByText('5 Mar 2024, 11:02')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: '552019' })).toHaveAttribute('href', '/databases/3/profiles/552019');
    expect(within(row).getByRole('link', { name: '88' })).toHaveAttribute('href', '/databases/3/subprofiles/88');
    expect(within(row).getByRole('link', { name: '4127' })).toHaveAttribute('href', '/emailings/publisher/4127');
    expect(await within(row).findByRole('link', { name: 'Message 7310044' })).toHaveAttribute(
      'href',
      '/emailings/publisher/4127/destinations/a1b2',
    );
  });

  it('speaks Dutch and links MS messages and profiles without knowing the database', () => {
    renderWithProviders(<EventsTable events={[msError]} system="ms" />, { locale: 'nl' });
    expect(headers()).toEqual([
      'Gebeurtenis',
      'Mailing',
      'Tijdstip',
      'Status',
      'Foutcode',
      'Omschrijving',
      'Soort fout',
      'Bericht',
      'Profiel',
      'Subprofiel',
    ]);
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('12 mrt 2024, 14:03')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Bericht 918274' })).toHaveAttribute('href', '/emailings/ms/633/destinations/918274');
    expect(within(row).getByRole('link', { name: '552020' })).toHaveAttribute('href', '/profiles/552020');
  });
});
