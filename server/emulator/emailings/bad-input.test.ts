// Bad input never gives a 5xx: random IDs, times, paging values and fields[] on every emailings route
// answer 200 or 400 in Copernica's error format.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoEmulator } from '../testing/emailings.ts';

const ROUTES = [
  'publisher/emailings',
  'ms/emailings',
  'publisher/emailing/$',
  'ms/emailing/$',
  'publisher/emailing/$/statistics',
  'ms/emailing/$/statistics',
  'publisher/emailing/$/clicks',
  'ms/emailing/$/unsubscribes',
  'publisher/emailing/$/destinations',
  'ms/emailing/$/destinations',
  'publisher/emailing/$/testgroups',
  'publisher/emailing/$/finalgroup',
  'publisher/destination/$',
  'ms/destination/$/statistics',
  'publisher/destination/$/content/$',
  'ms/destination/$/body/mime',
  'publisher/testgroup/$/statistics',
  'publisher/impressions',
  'ms/deliveries',
  'publisher/destinations',
  'ms/destinations',
  'publisher/scheduledemailing/$',
  'ms/scheduledemailings',
  'publisher/document/$/statistics',
  'ms/template/$/statistics',
  'ms/templates',
  'profile/$/publisher/emailings',
  'subprofile/$/ms/destinations',
];

const idArb = fc.oneof(
  fc.constantFrom('4102', '4104', '633', '634', '0', '-1', '1e5', '99999999999999999999', 'abc', '%00', 'null', '2481', '7310001'),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 32 }),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const valueArb = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', '-1', '0', '1000000', '2024-02-30 25:61:61', '2024-03-01', 'now', '9'.repeat(30), '1e309'),
);
const queryArb = fc.dictionary(
  fc.constantFrom(
    'start',
    'limit',
    'total',
    'begintime',
    'endtime',
    'fromdate',
    'todate',
    'from',
    'to',
    'unique',
    'type',
    'test',
    'mindestinations',
    'source',
    'Unsubscribed',
    'nextrunafter',
  ),
  valueArb,
  { maxKeys: 5 },
);
const fieldsArb = fc.array(
  fc
    .tuple(
      fc.constantFrom('timestamp', 'id', 'timestampsent', 'ID', 'x'),
      fc.constantFrom('==', '!=', '<', '>=', '=~', '!~', '=', '<>'),
      valueArb,
    )
    .map(([n, o, v]) => `${n}${o}${v}`),
  { maxLength: 3 },
);

let emu: ReturnType<typeof demoEmulator>;
beforeAll(() => {
  emu = demoEmulator(300);
});

describe('bad input', () => {
  it('answers 200 or 400 with {"error":{"message"}} for any ID, time, paging and fields[] value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        idArb,
        queryArb,
        fieldsArb,
        fc.constantFrom('GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'),
        async (route, id, query, fields, method) => {
          const path = route.replace(/\$/g, id);
          const r = await emu.call(method, path, { query: { ...query, ...(fields.length ? { 'fields[]': fields } : {}) } });
          expect([200, 400], `${method} ${path} ${JSON.stringify(query)} ${fields} → ${r.status} ${r.text.slice(0, 200)}`).toContain(
            r.status,
          );
          if (r.status === 400) {
            expect(r.headers.get('content-type')).toBe('application/json');
            expect(Object.keys(r.json)).toEqual(['error']);
            expect(typeof r.json.error.message).toBe('string');
          }
          if (method !== 'GET') expect(r.status).toBe(400);
        },
      ),
      { numRuns: 600 },
    );
  });
});
