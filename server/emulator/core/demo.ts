// Deterministic demo account, scaled by the number of profiles (default 5000; 1,000,000 for benchmarks).
// Everything comes from the seeded PRNG and a fixed "demo now", so the same seed gives the same data
// on every machine and every day. Bulk inserts use prepared statements inside one transaction.
import type Database from 'better-sqlite3';
import { type FieldOwner, type FieldProps, insertCollection, insertDatabase, insertField, insertInterest, ownerTable } from './model.ts';
import type { Rng } from './rng.ts';
import { fieldColumn, setFieldIndex } from './storage.ts';
import { formatParts } from './time.ts';
import type { FieldType, Stored } from './values.ts';

/** Wall-clock "now" of the demo data set (Amsterdam time). */
const DEMO_NOW = Date.UTC(2026, 10, 1, 12, 0, 0);
const DAY = 86_400_000;

const FIRST =
  'Ann Bo Chris Daan Emma Finn Gijs Hanna Iris Jan Kees Lotte Max Noor Olaf Pim Quinn Roos Sem Tess Uma Vera Wim Xander Yara Zoë Anouk Bram Femke Lars Mila Ruben Sara Thijs Julia Luuk Eva Milan Sophie Daniël'.split(
    ' ',
  );
const LAST =
  'de Vries,Jansen,de Jong,Bakker,Visser,Smit,Meijer,de Boer,Mulder,de Groot,Bos,Vos,Peters,Hendriks,van Dijk,Dekker,Brouwer,de Wit,Dijkstra,Smits,de Graaf,van der Meer,Kok,Jacobs,Muit,Vermeulen,van den Berg,Willems,Schouten,Hoekstra'.split(
    ',',
  );
const CITIES =
  'Amsterdam,Rotterdam,Den Haag,Utrecht,Eindhoven,Groningen,Tilburg,Almere,Breda,Nijmegen,Delft,Leiden,Haarlem,Zwolle,Maastricht,Antwerpen,Gent,Brussel,Keulen,Berlijn'.split(
    ',',
  );
const DOMAINS = ['example.org', 'example.com', 'example.net', 'mail.example', 'post.example'];
const COMPANIES =
  'Acme,Globex,Initech,Umbrella,Hooli,Stark,Wayne,Wonka,Tyrell,Cyberdyne,Soylent,Vandelay,Gringotts,Aperture,Pied Piper'.split(',');
const SOURCES = ['website', 'checkout', 'event', 'import', 'facebook', 'referral'];
const EVENTS = ['Spring Summit', 'Summer Fair', 'Data Day', 'Autumn Expo', 'Winter Meetup', 'Product Launch'];
const STREETS = ['Dorpsstraat', 'Kerkstraat', 'Stationsweg', 'Molenweg', 'Schoolstraat', 'Hoofdstraat', 'Julianastraat', 'Beukenlaan'];
const NOTES = [
  'Prefers contact by e-mail.\nAsked about the loyalty programme.',
  'VIP customer; handle with care.',
  'Returned an order in 2025. Follow up on satisfaction.',
  'Called support twice about delivery times.',
];

export interface DemoOptions {
  profiles: number;
}

interface Ctx {
  rng: Rng;
  i: number;
  first: string;
  last: string;
  city: string;
  created: number;
}

type Gen = (c: Ctx) => Stored;
interface FieldSpec extends Partial<FieldProps> {
  name: string;
  type: FieldType;
  gen: Gen;
}

const stamp = (ms: number) => {
  const d = new Date(ms);
  return formatParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
};
const dateOnly = (ms: number) => stamp(ms).slice(0, 10);
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
const email = (c: Ctx) => `${slug(c.first)}.${slug(c.last)}${c.i}@${DOMAINS[c.i % DOMAINS.length]}`;
const mobile = (c: Ctx) => `+316${String(c.rng.int(10_000_000, 99_999_999))}`;
const sinceCreated = (c: Ctx, maxDays: number) => c.created + c.rng.int(0, maxDays) * DAY + c.rng.int(0, DAY - 1);
const money = (rng: Rng, min: number, max: number) => Math.round(rng.int(min * 100, max * 100)) / 100;

function props(spec: FieldSpec): FieldProps {
  const numeric = spec.type === 'integer' || spec.type === 'float';
  return {
    name: spec.name,
    type: spec.type,
    value: spec.value ?? (numeric ? '0' : ''),
    displayed: spec.displayed ?? false,
    ordered: spec.ordered ?? false,
    length: spec.length ?? (spec.type === 'big' ? 0 : 255),
    textlines: spec.textlines ?? (spec.type === 'big' ? 5 : 1),
    hidden: spec.hidden ?? false,
    index: spec.index ?? false,
    lock: spec.lock ?? false,
  };
}

interface TableSpec {
  owner: FieldOwner;
  fields: { id: number; spec: FieldSpec }[];
}

function defineFields(db: Database.Database, owner: FieldOwner, specs: FieldSpec[]): TableSpec {
  return { owner, fields: specs.map((spec) => ({ id: insertField(db, owner, props(spec), { deferIndex: true }), spec })) };
}

/** Build indexes after the bulk load: much faster than maintaining them row by row. */
function buildIndexes(db: Database.Database, t: TableSpec) {
  for (const f of t.fields) if (f.spec.index) setFieldIndex(db, ownerTable(t.owner), f.id, true);
}

const select = (choices: string[], def: string) => choices.map((c) => (c === def ? `${c}*` : c)).join('\r\n');

export function seedCoreDemo(db: Database.Database, rng: Rng, opts: DemoOptions): void {
  const n = Math.max(0, Math.floor(opts.profiles));
  const partners = Math.min(n, Math.max(10, Math.round(n * 0.005)));
  const legacy = Math.min(n - partners, Math.max(5, Math.round(n * 0.005)));
  const events = Math.round(n * 0.09);
  const newsletter = Math.round(n * 0.2);
  const customers = Math.max(0, n - partners - legacy - events - newsletter);
  const created = stamp(DEMO_NOW - 900 * DAY);
  let partnerIds: number[] = []; // filled before the customers, whose account_manager points at them
  const subInserts = new Map<TableSpec, Database.Statement>();

  // --- structure -------------------------------------------------------------------------------
  const customersId = insertDatabase(db, { name: 'Customers', description: 'Webshop customers', created });
  const newsletterId = insertDatabase(db, {
    name: 'Newsletter',
    description: 'Newsletter subscribers',
    created: stamp(DEMO_NOW - 700 * DAY),
  });
  const eventsId = insertDatabase(db, {
    name: 'Events',
    description: 'Event attendees and registrations',
    created: stamp(DEMO_NOW - 400 * DAY),
  });
  const partnersId = insertDatabase(db, {
    name: 'Partners',
    description: 'Resellers and account managers',
    created: stamp(DEMO_NOW - 300 * DAY),
  });
  const legacyId = insertDatabase(db, {
    name: 'Legacy_import',
    description: 'Imported from the old CRM (2019)',
    archived: true,
    created: stamp(DEMO_NOW - 1500 * DAY),
  });

  const partnerTable = defineFields(db, { kind: 'database', id: partnersId }, [
    { name: 'company', type: 'text', displayed: true, index: true, length: 100, gen: (c) => `${c.rng.pick(COMPANIES)} ${c.city}` },
    { name: 'contact', type: 'text', displayed: true, gen: (c) => `${c.first} ${c.last}` },
    { name: 'email', type: 'email', displayed: true, index: true, gen: email },
    { name: 'phone_gsm', type: 'phone_gsm', gen: mobile },
    {
      name: 'tier',
      type: 'select',
      value: select(['gold', 'silver', 'bronze'], 'bronze'),
      gen: (c) => c.rng.pick(['gold', 'silver', 'bronze']),
    },
    { name: 'website', type: 'text', gen: (c) => `https://www.${slug(c.last)}.example` },
  ]);

  const customerTable = defineFields(db, { kind: 'database', id: customersId }, [
    { name: 'firstname', type: 'text', displayed: true, length: 50, gen: (c) => c.first },
    { name: 'lastname', type: 'text', displayed: true, ordered: true, index: true, length: 100, gen: (c) => c.last },
    { name: 'email', type: 'email', displayed: true, index: true, length: 100, gen: email },
    { name: 'phone_gsm', type: 'phone_gsm', gen: (c) => (c.rng.chance(0.7) ? mobile(c) : '') },
    { name: 'city', type: 'text', displayed: true, index: true, length: 50, gen: (c) => c.city },
    {
      name: 'country',
      type: 'select',
      value: select(['NL', 'BE', 'DE', 'FR', 'GB'], 'NL'),
      gen: (c) => (c.rng.chance(0.7) ? 'NL' : c.rng.pick(['BE', 'DE', 'FR', 'GB'])),
    },
    {
      name: 'birthdate',
      type: 'empty_date',
      gen: (c) => (c.rng.chance(0.8) ? dateOnly(DEMO_NOW - c.rng.int(18 * 365, 85 * 365) * DAY) : ''),
    },
    { name: 'customer_since', type: 'date', gen: (c) => dateOnly(c.created) },
    { name: 'last_login', type: 'empty_datetime', gen: (c) => (c.rng.chance(0.85) ? stamp(sinceCreated(c, 60)) : '') },
    { name: 'loyalty_points', type: 'integer', value: '0', index: true, gen: (c) => c.rng.int(0, 5000) },
    { name: 'lifetime_value', type: 'float', value: '0', gen: (c) => money(c.rng, 0, 4000) },
    {
      name: 'segment',
      type: 'select',
      value: select(['bronze', 'silver', 'gold', 'platinum'], 'bronze'),
      index: true,
      gen: (c) => (c.rng.chance(0.5) ? 'bronze' : c.rng.pick(['silver', 'silver', 'gold', 'platinum'])),
    },
    { name: 'account_manager', type: 'foreign_key', gen: (c) => (partnerIds.length && c.rng.chance(0.3) ? c.rng.pick(partnerIds) : 0) },
    { name: 'notes', type: 'big', hidden: true, gen: (c) => (c.rng.chance(0.1) ? c.rng.pick(NOTES) : '') },
  ]);

  const newsletterTable = defineFields(db, { kind: 'database', id: newsletterId }, [
    { name: 'email', type: 'email', displayed: true, index: true, gen: email },
    { name: 'firstname', type: 'text', displayed: true, gen: (c) => c.first },
    {
      name: 'language',
      type: 'select',
      value: select(['en', 'nl', 'de', 'fr'], 'en'),
      gen: (c) => c.rng.pick(['en', 'nl', 'nl', 'de', 'fr']),
    },
    {
      name: 'subscribed',
      type: 'select',
      value: select(['yes', 'no'], 'yes'),
      index: true,
      gen: (c) => (c.rng.chance(0.1) ? 'no' : 'yes'),
    },
    { name: 'signup_date', type: 'date', gen: (c) => dateOnly(c.created) },
    { name: 'source', type: 'text', gen: (c) => c.rng.pick(SOURCES) },
  ]);

  const eventTable = defineFields(db, { kind: 'database', id: eventsId }, [
    { name: 'email', type: 'email', displayed: true, index: true, gen: email },
    { name: 'firstname', type: 'text', displayed: true, gen: (c) => c.first },
    { name: 'lastname', type: 'text', displayed: true, gen: (c) => c.last },
    { name: 'company', type: 'text', gen: (c) => (c.rng.chance(0.8) ? c.rng.pick(COMPANIES) : '') },
    { name: 'phone_fax', type: 'phone_fax', gen: (c) => (c.rng.chance(0.1) ? `+3120${c.rng.int(1_000_000, 9_999_999)}` : '') },
    { name: 'attended', type: 'integer', value: '0', gen: (c) => c.rng.int(0, 6) },
  ]);

  const legacyTable = defineFields(db, { kind: 'database', id: legacyId }, [
    { name: 'email', type: 'email', gen: email },
    { name: 'name', type: 'text', gen: (c) => `${c.first} ${c.last}` },
    { name: 'imported_at', type: 'datetime', gen: () => stamp(DEMO_NOW - 1500 * DAY) },
  ]);

  const ordersId = insertCollection(db, customersId, { name: 'Orders', description: 'Webshop orders' });
  const orderTable = defineFields(db, { kind: 'collection', id: ordersId, databaseId: customersId }, [
    { name: 'order_id', type: 'text', displayed: true, index: true, length: 20, gen: (c) => `A-${100000 + c.i}` },
    { name: 'order_date', type: 'datetime', displayed: true, gen: (c) => stamp(sinceCreated(c, 300)) },
    { name: 'amount', type: 'float', value: '0', displayed: true, gen: (c) => money(c.rng, 5, 400) },
    { name: 'items', type: 'integer', value: '1', gen: (c) => c.rng.int(1, 6) },
    {
      name: 'status',
      type: 'select',
      value: select(['pending', 'shipped', 'delivered', 'returned'], 'pending'),
      gen: (c) => c.rng.pick(['delivered', 'delivered', 'delivered', 'shipped', 'pending', 'returned']),
    },
    {
      name: 'channel',
      type: 'select',
      value: select(['web', 'store', 'phone'], 'web'),
      gen: (c) => c.rng.pick(['web', 'web', 'store', 'phone']),
    },
  ]);
  const addressesId = insertCollection(db, customersId, { name: 'Addresses', description: 'Delivery addresses' });
  const addressTable = defineFields(db, { kind: 'collection', id: addressesId, databaseId: customersId }, [
    {
      name: 'kind',
      type: 'select',
      value: select(['home', 'work', 'other'], 'home'),
      gen: (c) => c.rng.pick(['home', 'home', 'work', 'other']),
    },
    { name: 'street', type: 'text', gen: (c) => `${c.rng.pick(STREETS)} ${c.rng.int(1, 250)}` },
    {
      name: 'zipcode',
      type: 'text',
      length: 10,
      gen: (c) => `${c.rng.int(1000, 9999)} ${String.fromCharCode(65 + c.rng.int(0, 25), 65 + c.rng.int(0, 25))}`,
    },
    { name: 'city', type: 'text', gen: (c) => c.city },
  ]);
  const registrationsId = insertCollection(db, eventsId, { name: 'Registrations', description: 'Event registrations' });
  const registrationTable = defineFields(db, { kind: 'collection', id: registrationsId, databaseId: eventsId }, [
    { name: 'event_name', type: 'text', displayed: true, index: true, gen: (c) => c.rng.pick(EVENTS) },
    { name: 'event_date', type: 'date', displayed: true, gen: (c) => dateOnly(sinceCreated(c, 200)) },
    {
      name: 'ticket',
      type: 'select',
      value: select(['standard', 'vip', 'speaker', 'staff'], 'standard'),
      gen: (c) => c.rng.pick(['standard', 'standard', 'vip', 'speaker']),
    },
    { name: 'checked_in', type: 'select', value: select(['no', 'yes'], 'no'), gen: (c) => (c.rng.chance(0.7) ? 'yes' : 'no') },
    { name: 'price', type: 'float', value: '0', gen: (c) => c.rng.pick([0, 49.5, 99, 249]) },
  ]);

  const customerInterests = [
    ['sports', ['golf', 'tennis', 'running', 'cycling']],
    ['hobbies', ['cooking', 'reading', 'travel', 'photography']],
    ['products', ['shoes', 'bags', 'accessories']],
  ] as const;
  const customerInterestIds = customerInterests.flatMap(([group, names]) =>
    names.map((name) => insertInterest(db, customersId, name, group)),
  );
  const newsletterInterestIds = [
    ...['product_news', 'offers', 'events', 'blog'].map((name) => insertInterest(db, newsletterId, name, 'topics')),
    ...['weekly', 'monthly'].map((name) => insertInterest(db, newsletterId, name, 'frequency')),
  ];
  insertInterest(db, eventsId, 'speaker', '');
  insertInterest(db, eventsId, 'sponsor', '');

  db.prepare('UPDATE databases SET intent_email = 1 WHERE id IN (?, ?, ?, ?)').run(customersId, newsletterId, eventsId, partnersId);
  db.prepare(`UPDATE databases SET unsubscribe_behavior = 'update', unsubscribe_fields = ? WHERE id = ?`).run(
    JSON.stringify({ subscribed: 'no' }),
    newsletterId,
  );
  db.prepare(`UPDATE databases SET unsubscribe_behavior = 'remove' WHERE id = ?`).run(eventsId);

  // --- rows --------------------------------------------------------------------------------------
  // IDs are handed out here and the registries are filled afterwards with one INSERT … SELECT per table,
  // which is far faster than a registry insert per row.
  const sequence = (name: string) => (db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(name) as { seq: number }).seq;
  let nextProfileId = sequence('profiles') + 1;
  let nextSubprofileId = sequence('subprofiles') + 1;
  const addInterest = db.prepare('INSERT INTO profile_interests (profile_id, interest_id) VALUES (?, ?)');
  const insertRow = (t: TableSpec, withProfile: boolean) =>
    db.prepare(
      `INSERT INTO ${ownerTable(t.owner)} (id, ${withProfile ? 'profile_id, ' : ''}secret, created, modified, removed${t.fields.map((f) => `, ${fieldColumn(f.id)}`).join('')})
       VALUES (${Array.from({ length: t.fields.length + (withProfile ? 6 : 5) }, () => '?').join(', ')})`,
    );

  const person = (i: number, createdMs: number): Ctx => ({
    rng,
    i,
    first: rng.pick(FIRST),
    last: rng.pick(LAST),
    city: rng.pick(CITIES),
    created: createdMs,
  });

  /** Insert `count` profiles; returns their IDs. `after` adds interests/subprofiles per profile. */
  function fillProfiles(t: TableSpec, count: number, removedShare: number, after?: (id: number, c: Ctx) => void): number[] {
    const insert = insertRow(t, false);
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const createdMs = DEMO_NOW - rng.int(1, 1000) * DAY - rng.int(0, DAY - 1);
      const c = person(ids.length + 1, createdMs);
      const id = nextProfileId++;
      c.i = id;
      const modifiedMs = rng.chance(0.4) ? sinceCreated(c, 200) : createdMs;
      const removed = rng.chance(removedShare) ? stamp(Math.min(DEMO_NOW, modifiedMs + DAY)) : null;
      const values = t.fields.map((f) => f.spec.gen(c));
      insert.run(id, rng.hex(28), stamp(createdMs), stamp(Math.min(modifiedMs, DEMO_NOW)), removed, ...values);
      ids.push(id);
      after?.(id, c);
    }
    return ids;
  }

  function fillSubprofiles(t: TableSpec, profileId: number, c: Ctx, count: number) {
    const insert = subInserts.get(t) ?? insertRow(t, true);
    subInserts.set(t, insert);
    for (let k = 0; k < count; k++) {
      const id = nextSubprofileId++;
      const sc = { ...c, i: id };
      const createdMs = sinceCreated(c, 300);
      insert.run(id, profileId, rng.hex(28), stamp(createdMs), stamp(createdMs), null, ...t.fields.map((f) => f.spec.gen(sc)));
    }
  }

  partnerIds = fillProfiles(partnerTable, partners, 0);
  fillProfiles(customerTable, customers, 0.02, (id, c) => {
    const k = rng.int(0, 3);
    for (let j = 0; j < k; j++) {
      const interest = customerInterestIds[(id * 7 + j * 5) % customerInterestIds.length] as number;
      addInterest.run(id, interest);
    }
    const r = rng.next();
    fillSubprofiles(orderTable, id, c, r < 0.35 ? 0 : r < 0.65 ? 1 : r < 0.85 ? 2 : 3);
    if (rng.chance(0.5)) fillSubprofiles(addressTable, id, c, 1);
  });
  fillProfiles(newsletterTable, newsletter, 0.02, (id) => {
    for (const interest of newsletterInterestIds) if (rng.chance(0.35)) addInterest.run(id, interest);
  });
  fillProfiles(eventTable, events, 0.01, (id, c) => fillSubprofiles(registrationTable, id, c, rng.int(1, 2)));
  fillProfiles(legacyTable, legacy, 0);

  for (const t of [partnerTable, customerTable, newsletterTable, eventTable, legacyTable]) {
    db.prepare(`INSERT INTO profiles (id, database_id) SELECT id, ? FROM ${ownerTable(t.owner)} ORDER BY id`).run(t.owner.id);
  }
  for (const t of [orderTable, addressTable, registrationTable]) {
    db.prepare(
      `INSERT INTO subprofiles (id, collection_id, profile_id) SELECT id, ?, profile_id FROM ${ownerTable(t.owner)} ORDER BY id`,
    ).run(t.owner.id);
  }
  for (const t of [partnerTable, customerTable, newsletterTable, eventTable, legacyTable, orderTable, addressTable, registrationTable]) {
    buildIndexes(db, t);
  }
}
