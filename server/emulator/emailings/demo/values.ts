// Value pools of the demo data (docs/api/emailings.md §12.4): mail clients per device, documentation-only IP
// ranges, the error mix, SMTP answers, abuse reports.
import type { Rng } from '../../core/rng.ts';

export type Device = 'mobile' | 'desktop' | 'tablet' | 'unknown';

/** [Publisher's parsed short form, the raw User-Agent header that MS shows]. */
export const CLIENTS: Record<Device, [string, string][]> = {
  mobile: [
    ['Apple Mail, iOS 17', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148'],
    [
      'Gmail, Android 14',
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
    ],
    [
      'Outlook, iOS 17',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Outlook-iOS/4.2413.0',
    ],
    [
      'Samsung Email, Android 13',
      'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
    ],
  ],
  desktop: [
    ['Microsoft Outlook 2016, Windows 10', 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)'],
    ['Apple Mail, macOS', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)'],
    ['Thunderbird 115, Linux', 'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.10.1'],
    [
      'Chrome 124, Windows 10',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    ],
    ['Firefox 125, Windows 11', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0'],
  ],
  tablet: [
    ['Apple Mail, iPadOS 17', 'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148'],
    [
      'Gmail, Android 13 tablet',
      'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    ],
  ],
  unknown: [
    ['Gmail image proxy', 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)'],
    ['Yahoo image proxy', 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html'],
  ],
};

/** mobile 55 %, desktop 35 %, tablet 7 %, unknown 3 %. */
export function pickDevice(rng: Rng): Device {
  const r = rng.next();
  return r < 0.55 ? 'mobile' : r < 0.9 ? 'desktop' : r < 0.97 ? 'tablet' : 'unknown';
}

/** Only documentation ranges: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32. */
export function pickIp(rng: Rng): string {
  const r = rng.next();
  if (r < 0.3) return `192.0.2.${rng.int(1, 254)}`;
  if (r < 0.6) return `198.51.100.${rng.int(1, 254)}`;
  if (r < 0.85) return `203.0.113.${rng.int(1, 254)}`;
  return `2001:db8:${rng.hex(4)}::${rng.hex(2)}`;
}

export interface ErrorKind {
  errortype: string;
  errorcode: string;
  description: string;
}

/** Hard bounces: error 45 %, mailerror 20 %, nohost 15 %, unreachable 8 %, unexpected 5 %, mailmessage 4 %, other 3 %. */
const HARD: [number, ErrorKind][] = [
  [0.45, { errortype: 'error', errorcode: '5.1.1', description: '550 5.1.1 mailbox does not exist' }],
  [0.65, { errortype: 'mailerror', errorcode: '5.1.1', description: 'Delivery Status Notification: 5.1.1 user unknown' }],
  [0.8, { errortype: 'nohost', errorcode: '5.1.2', description: 'Resolver error: host or domain name not found' }],
  [0.88, { errortype: 'unreachable', errorcode: '5.4.4', description: 'Unable to connect: connection refused' }],
  [0.93, { errortype: 'unexpected', errorcode: '5.5.1', description: '554 5.5.1 unexpected answer after DATA' }],
  [0.97, { errortype: 'mailmessage', errorcode: '5.0.0', description: 'Auto-reply received: out of office' }],
  [1, { errortype: 'other', errorcode: '5.7.1', description: '550 5.7.1 message rejected by policy' }],
];

export function pickHardError(rng: Rng): ErrorKind {
  const r = rng.next();
  return (HARD.find(([p]) => r < p) ?? (HARD[0] as [number, ErrorKind]))[1];
}

/** Soft bounces: 4.2.2 mailbox full, 4.7.1 rate limited, 4.4.1 timeout. */
const SOFT: ErrorKind[] = [
  { errortype: 'error', errorcode: '4.2.2', description: '452 4.2.2 mailbox full' },
  { errortype: 'error', errorcode: '4.7.1', description: '421 4.7.1 too many messages, try again later' },
  { errortype: 'unreachable', errorcode: '4.4.1', description: 'Connection timed out' },
];
export const pickSoftError = (rng: Rng) => rng.pick(SOFT);

const SMTP = ['250 2.0.0 OK queued as', '250 2.0.0 Ok: queued as', '250 2.6.0 Queued mail for delivery', '250 OK id='];
export const smtpResponse = (rng: Rng) => `${rng.pick(SMTP)} ${rng.hex(10).toUpperCase()}`;

export function pickAbuse(rng: Rng): { recognized_as: string; feedback_type: string; arf_version: string; details: string } {
  const r = rng.next();
  const recognized_as = r < 0.85 ? 'arf' : r < 0.95 ? 'JMR' : 'none';
  const f = rng.next();
  const feedback_type =
    f < 0.8
      ? 'abuse'
      : f < 0.86
        ? 'opt-out'
        : f < 0.89
          ? 'fraud'
          : f < 0.94
            ? 'other'
            : f < 0.96
              ? 'not-spam'
              : f < 0.98
                ? 'dkim'
                : 'miscategorized';
  const arf = recognized_as === 'arf';
  return {
    recognized_as,
    feedback_type,
    arf_version: arf ? '1' : '',
    details: arf ? `Feedback-Type: ${feedback_type}\r\nUser-Agent: ExampleFBL/1.0\r\nVersion: 1` : '',
  };
}

/** Standard normal (Box-Muller). */
export function gauss(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Extra events after the first, geometric with the given mean. */
export function geometricExtra(rng: Rng, mean: number): number {
  const p = mean / (1 + mean);
  let n = 0;
  while (n < 50 && rng.next() < p) n++;
  return n;
}

/** Relative chance that someone reads mail at this local hour (quiet 00-06, peaks 07-09, 12-13, 19-22). */
const HOUR_WEIGHT = [
  0.12, 0.08, 0.06, 0.06, 0.08, 0.15, 0.4, 1, 1, 0.95, 0.7, 0.7, 0.9, 0.9, 0.6, 0.55, 0.55, 0.6, 0.7, 0.85, 0.9, 0.9, 0.8, 0.35,
];
export const hourWeight = (wallTs: number) => HOUR_WEIGHT[Math.floor((((wallTs % 86_400) + 86_400) % 86_400) / 3600)] as number;
