import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders, stubFetch } from '@/test/render';
import { ExportModal } from './ExportModal';

type Job = { rows: number; written: number; total?: number; state: string; message?: string } | undefined;

/** The gateway's job endpoints as the export's poll sees them; `job` is what it answers now. */
function stubJobs() {
  const jobs = { current: undefined as Job, cancelled: [] as string[] };
  const calls = stubFetch((url, init) => {
    const cancel = /^\/export\/jobs\/([^/]+)\/cancel$/.exec(url.pathname);
    if (cancel && init?.method === 'POST') {
      jobs.cancelled.push(cancel[1] as string);
      return json({ ...jobs.current, state: 'cancelled' });
    }
    if (url.pathname.startsWith('/export/jobs/'))
      return jobs.current ? json(jobs.current) : json({ error: { message: 'No such export' } }, { status: 404 });
    return undefined;
  });
  return { jobs, calls };
}

/** The download link the dialog clicks (the browser would save the file). */
function captureDownloads() {
  const hrefs: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    hrefs.push(this.getAttribute('href') ?? '');
  });
  return hrefs;
}

// The progress poll runs on real timers (every 400 ms): give the assertions room on a busy machine.
const wait = { timeout: 4000 };

describe('ExportModal', () => {
  it('downloads the filtered set through the gateway, shows progress, and Cancel stops the job', async () => {
    const { jobs } = stubJobs();
    const hrefs = captureDownloads();
    renderWithProviders(<ExportModal databaseId="7" filter={['age>=10']} total={2000} onClose={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start export' }));
    expect(hrefs).toHaveLength(1);
    const url = new URL(hrefs[0] as string, 'http://localhost');
    expect(url.pathname).toBe('/export/database/7/profiles.csv');
    expect(url.searchParams.getAll('fields[]')).toEqual(['age>=10']);
    const job = url.searchParams.get('job') as string;
    expect(job).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(await screen.findByText('Starting the download…', {}, wait)).toBeInTheDocument();

    jobs.current = { rows: 1000, written: 1000, total: 2000, state: 'running' };
    expect(await screen.findByText('1,000 of 2,000 rows written', {}, wait)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('aria-valuenow', '50');

    await userEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    expect(jobs.cancelled).toEqual([job]);
    expect(await screen.findByRole('status', {}, wait)).toHaveTextContent('Export cancelled');
  }, 20_000);

  it('says how many profiles were exported, in Dutch too', async () => {
    const { jobs } = stubJobs();
    captureDownloads();
    jobs.current = { rows: 15, written: 15, total: 15, state: 'done' };
    renderWithProviders(<ExportModal databaseId="7" filter={[]} total={15} onClose={() => {}} />, { locale: 'nl' });
    await userEvent.click(screen.getByRole('button', { name: 'Export starten' }));
    expect(await screen.findByRole('status', {}, wait)).toHaveTextContent('15 profielen geëxporteerd');
  }, 20_000);

  it('shows why an export failed', async () => {
    const { jobs } = stubJobs();
    captureDownloads();
    jobs.current = { rows: 1000, written: 1000, total: 5000, state: 'failed', message: 'Copernica is unavailable' };
    renderWithProviders(<ExportModal databaseId="7" filter={[]} total={5000} onClose={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start export' }));
    expect(await screen.findByRole('alert', {}, wait)).toHaveTextContent(
      'Export failed: Copernica is unavailable. The downloaded file is incomplete.',
    );
  });
});
