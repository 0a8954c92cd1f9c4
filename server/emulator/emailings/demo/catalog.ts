// The demo emailings of docs/api/emailings.md §12.4, their content and their behaviour profiles.
// Destinations are given at scale 1 (the largest emailing has 200,000); see generate.ts for scaling.

export type Range = [number, number];

export interface Rates {
  hard: Range;
  soft: Range;
  /** Unique opens, of delivered. */
  open: Range;
  opensPerOpener: Range;
  /** Unique clicks, of delivered. */
  click: Range;
  clicksPerClicker: Range;
  unsubscribe: Range;
  abuse: Range;
}

const BASELINE: Rates = {
  hard: [0.006, 0.012],
  soft: [0.015, 0.03],
  open: [0.2, 0.32],
  opensPerOpener: [1.5, 2.2],
  click: [0.02, 0.05],
  clicksPerClicker: [1.3, 1.8],
  unsubscribe: [0.001, 0.003],
  abuse: [0.00005, 0.0002],
};

export interface GroupSpec {
  name: string;
  subject: string;
  documentId: number;
  destinations: number;
  /** Seconds after the emailing's send time. */
  offset: number;
  openShift: number;
}

export interface EmailingSpec {
  key: string;
  system: 'publisher' | 'ms';
  id: number;
  subject: string;
  description: string;
  type: 'mass' | 'individual';
  destinations: number;
  /** Seconds before "now" that sending started. */
  sentAgo: number;
  /** Individual mailings: destinations spread over this many seconds instead of sent at ~4,000/min. */
  spreadOver?: number;
  target: 'customers' | 'newsletter' | 'orders';
  test?: boolean;
  followup?: boolean;
  documentId?: number;
  templateId: number;
  tags?: string[];
  scheduledId?: number;
  rates: Rates;
  groups?: GroupSpec[];
  links: [string, string][];
}

const DAY = 86_400;
const HOUR = 3600;

const SHOP_LINKS: [string, string][] = [
  ['https://shop.example.com/spring', 'Shop the collection'],
  ['https://shop.example.com/new-in', 'New in'],
  ['https://shop.example.com/sale?customer={$profile.id}', 'Your personal offers'],
  ['https://shop.example.com/stores', 'Find a store'],
  ['https://blog.example.com/styling-tips', 'Styling tips'],
  ['https://shop.example.com/account', 'My account'],
  ['https://www.example.org/instagram', 'Instagram'],
  ['{webversion}', 'View in your browser'],
];

export const EMAILINGS: EmailingSpec[] = [
  {
    key: 'P6',
    system: 'publisher',
    id: 4101,
    subject: 'TEST: Newsletter week 35',
    description: 'Test send before the newsletter',
    type: 'mass',
    destinations: 3,
    sentAgo: 61 * DAY,
    target: 'customers',
    test: true,
    documentId: 318,
    templateId: 77,
    rates: { ...BASELINE, hard: [0, 0], soft: [0, 0], open: [0.6, 0.7], click: [0.3, 0.35], unsubscribe: [0, 0], abuse: [0, 0] },
    links: SHOP_LINKS.slice(0, 6),
  },
  {
    key: 'P1',
    system: 'publisher',
    id: 4102,
    subject: 'Newsletter week 35: what is new this autumn',
    description: 'Newsletter week 35',
    type: 'mass',
    destinations: 48_210,
    sentAgo: 60 * DAY,
    target: 'newsletter',
    documentId: 318,
    templateId: 77,
    rates: BASELINE,
    links: SHOP_LINKS,
  },
  {
    key: 'P2',
    system: 'publisher',
    id: 4103,
    subject: 'Spring sale: up to 40% off',
    description: 'Seasonal sale, all customers',
    type: 'mass',
    destinations: 120_400,
    sentAgo: 40 * DAY,
    target: 'customers',
    documentId: 319,
    templateId: 78,
    rates: { ...BASELINE, open: [0.26, 0.32], click: [0.06, 0.08], clicksPerClicker: [1.5, 1.8] },
    links: [
      ['https://shop.example.com/sale', 'Shop the sale'],
      ...SHOP_LINKS.slice(1, 7),
      ['https://shop.example.com/sale/shoes', 'Shoes'],
      ['{webversion}', 'View in your browser'],
    ],
  },
  {
    key: 'P3',
    system: 'publisher',
    id: 4104,
    subject: 'Your spring picks are ready',
    description: 'Subject line A/B test',
    type: 'mass',
    destinations: 60_000,
    sentAgo: 25 * DAY,
    target: 'customers',
    documentId: 320,
    templateId: 78,
    rates: BASELINE,
    groups: [
      { name: 'Testgroup A', subject: 'Your spring picks are ready', documentId: 320, destinations: 3000, offset: 0, openShift: 0.025 },
      { name: 'Testgroup B', subject: 'New arrivals, picked for you', documentId: 321, destinations: 3000, offset: 0, openShift: -0.02 },
      {
        name: 'Finalgroup',
        subject: 'Your spring picks are ready',
        documentId: 320,
        destinations: 54_000,
        offset: 4 * HOUR,
        openShift: 0.025,
      },
    ],
    links: SHOP_LINKS.slice(0, 7).concat([['{webversion}', 'View in your browser']]),
  },
  {
    key: 'P4',
    system: 'publisher',
    id: 4105,
    subject: 'We miss you, here is 15% off',
    description: 'Re-engagement of inactive customers',
    type: 'mass',
    destinations: 10_350,
    sentAgo: 12 * DAY,
    target: 'customers',
    documentId: 322,
    templateId: 78,
    rates: {
      ...BASELINE,
      hard: [0.03, 0.05],
      open: [0.08, 0.12],
      click: [0.01, 0.02],
      unsubscribe: [0.008, 0.008],
      abuse: [0.0005, 0.0005],
    },
    links: [
      ['https://shop.example.com/welcome-back?code=MISSYOU15', 'Claim your discount'],
      ...SHOP_LINKS.slice(1, 6),
      ['{webversion}', 'View in your browser'],
    ],
  },
  {
    key: 'P5',
    system: 'publisher',
    id: 4106,
    subject: 'Your order confirmation',
    description: 'Transactional: sent for every order',
    type: 'individual',
    destinations: 2140,
    sentAgo: 30 * DAY,
    spreadOver: 30 * DAY,
    target: 'orders',
    followup: true,
    documentId: 323,
    templateId: 79,
    rates: { ...BASELINE, open: [0.55, 0.7], opensPerOpener: [1.8, 2.2], click: [0.06, 0.1], unsubscribe: [0.0002, 0.0005] },
    links: [
      ['https://shop.example.com/orders/{$subprofile.order_id}', 'Track your order'],
      ['https://shop.example.com/returns', 'Returns'],
      ['https://shop.example.com/help', 'Customer service'],
      ['https://shop.example.com/account', 'My account'],
      ['https://shop.example.com/reviews', 'Write a review'],
      ['{webversion}', 'View in your browser'],
    ],
  },
  {
    key: 'M1',
    system: 'ms',
    id: 633,
    subject: 'Meet the Aurora lamp',
    description: '',
    type: 'mass',
    destinations: 200_000,
    sentAgo: 18 * DAY,
    target: 'customers',
    templateId: 2104,
    tags: ['launch', 'aurora'],
    rates: BASELINE,
    links: [
      ['https://shop.example.com/aurora', 'Discover Aurora'],
      ['https://shop.example.com/aurora/video', 'Watch the film'],
      ['https://shop.example.com/aurora/specs', 'Specifications'],
      ...SHOP_LINKS.slice(1, 7),
      ['https://www.example.net/press/aurora', 'Press release'],
      ['https://shop.example.com/stores?product=aurora', 'See it in a store'],
      ['{webversion}', 'View in your browser'],
    ],
  },
  {
    key: 'M2',
    system: 'ms',
    id: 634,
    subject: 'Your monthly digest',
    description: '',
    type: 'mass',
    destinations: 35_800,
    sentAgo: 2 * HOUR,
    target: 'newsletter',
    templateId: 2105,
    tags: ['digest', 'monthly'],
    scheduledId: 1742,
    rates: BASELINE,
    links: [['https://blog.example.com/digest', 'Read the digest'], ...SHOP_LINKS.slice(1, 6), ['{webversion}', 'View in your browser']],
  },
];

export const FROM = { name: 'Orrery Shop', email: 'news@shop.example.com' };

export const PUBLISHER_TEMPLATES = [
  { id: 77, name: 'Newsletter layout', description: 'Two-column newsletter' },
  { id: 78, name: 'Promotion layout', description: 'Hero image and product grid' },
  { id: 79, name: 'Transactional layout', description: 'Plain layout for service mail' },
];

export const PUBLISHER_DOCUMENTS = [
  { id: 318, templateId: 77, name: 'Newsletter week 35', subject: 'Newsletter week 35: what is new this autumn' },
  { id: 319, templateId: 78, name: 'Spring sale', subject: 'Spring sale: up to 40% off' },
  { id: 320, templateId: 78, name: 'Spring picks A', subject: 'Your spring picks are ready' },
  { id: 321, templateId: 78, name: 'Spring picks B', subject: 'New arrivals, picked for you' },
  { id: 322, templateId: 78, name: 'We miss you', subject: 'We miss you, here is 15% off' },
  { id: 323, templateId: 79, name: 'Order confirmation', subject: 'Your order confirmation' },
  { id: 324, templateId: 77, name: 'Newsletter (draft)', subject: 'Newsletter week 48', archived: true },
];

export const MS_TEMPLATES = [
  {
    id: 2104,
    name: 'Aurora launch',
    subject: 'Meet the Aurora lamp',
    type: 'json',
    keywords: 'launch product',
    directory: 78,
    archived: false,
    createdAgo: 30 * DAY,
  },
  {
    id: 2105,
    name: 'Monthly digest',
    subject: 'Your monthly digest',
    type: 'json',
    keywords: 'digest newsletter',
    directory: 78,
    archived: false,
    createdAgo: 200 * DAY,
  },
  {
    id: 2106,
    name: 'Plain announcement',
    subject: 'An announcement',
    type: 'html',
    keywords: 'plain',
    directory: null,
    archived: true,
    createdAgo: 400 * DAY,
  },
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The HTML snapshot of an emailing: its tracked links, an unsubscribe link (not a tracked click) and a web version. */
export function emailingHtml(subject: string, links: [string, string][]): string {
  const items = links
    .filter(([url]) => url !== '{webversion}')
    .map(([url, title]) => `      <li><a href="${escapeHtml(url)}">${escapeHtml(title)}</a></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; max-width: 640px; margin: auto">
  <p style="font-size: 12px"><a href="{webversion}">View in your browser</a></p>
  <h1>${escapeHtml(subject)}</h1>
  <p>Hello {$profile.email},</p>
  <p>Here is what we picked for you this time.</p>
  <ul>
${items}
  </ul>
  <p style="font-size: 12px; color: #666">Orrery Shop, Example Street 1, Delft.
    <a href="{unsubscribe}">Unsubscribe</a></p>
</body>
</html>`;
}
