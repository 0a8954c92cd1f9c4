// Random test data for the evaluation tests: a small database "Prop" with fields of every kind, interests,
// and an "orders" collection, written straight into the core's tables, then read back as the World the
// reference evaluator works on.
import fc from 'fast-check';
import { coreModule } from '../../core/index.ts';
import {
  type FieldProps,
  type FieldRow,
  insertCollection,
  insertDatabase,
  insertField,
  insertInterest,
  listFields,
} from '../../core/model.ts';
import { profileTable, subprofileTable } from '../../core/storage.ts';
import type { FieldType } from '../../core/values.ts';
import { emailingsModule } from '../../emailings/index.ts';
import { selectionsModule } from '../../selections/index.ts';
import { createTestEmulator } from '../emulator.ts';
import type { Row, World } from './world.ts';

/** The injected clock: 2026-03-15 10:20:30 UTC = 11:20:30 in Amsterdam (CET). */
export const NOW = new Date('2026-03-15T10:20:30Z');
export const NOW_WALL = '2026-03-15 11:20:30';

export const PROFILE_FIELDS: [string, FieldType][] = [
  ['name', 'text'],
  ['city', 'text'],
  ['score', 'integer'],
  ['amount', 'float'],
  ['tier', 'select'],
  ['email', 'email'],
  ['birthdate', 'empty_date'],
  ['seen', 'empty_datetime'],
];
export const ORDER_FIELDS: [string, FieldType][] = [
  ['product', 'text'],
  ['price', 'float'],
  ['day', 'date'],
];
export const INTERESTS = [
  ['golf', 'sports'],
  ['tennis', 'sports'],
  ['cooking', 'hobbies'],
  ['chess', ''],
] as const;

const VALUES: Record<string, readonly (string | number)[]> = {
  name: ['ann', 'Ann', 'bob', 'BOB ', ' carl', '', 'anna-bob'],
  city: ['Delft', 'delft', 'Gouda', '', 'Ede', 'de bilt'],
  score: [-5, 0, 1, 10, 12, 100, 120],
  amount: [0, 2.5, 10, 12, 99.99, -1.25],
  tier: ['gold', 'silver', '', 'Gold'],
  email: ['a@b.co', 'bad', 'x@y', '', 'ann@example.org'],
  birthdate: [
    '',
    '1980-03-15',
    '1975-03-14',
    '1990-03-16',
    '2001-12-31',
    '1999-01-01',
    '1962-02-28',
    '2026-03-15',
    '2026-03-10',
    '1985-07-04',
  ],
  seen: [
    '',
    '2026-03-15 09:00:00',
    '2026-03-15 11:20:30',
    '2026-03-14 23:59:59',
    '2026-03-01 00:00:00',
    '2025-03-15 12:00:00',
    '2026-02-15 08:00:00',
  ],
  product: ['toaster', 'kettle', 'Toaster', ''],
  price: [5, 20.5, 100, 12],
  day: ['2026-03-15', '2026-03-01', '2025-12-31', '0000-00-00', '2026-03-14'],
};
/** Hours before NOW at which records were created / modified. */
const AGES = [1, 5, 20, 30, 200, 960];
/** Seconds before NOW of change-log rows: includes today's and yesterday's midnight and a second after. */
const CHANGE_AGES = [1800, 7200, 40830, 40829, 127230, 93600, 1080000, 3456000];

/** Change-log rows of a record: which field (index into its field list) changed how long ago. */
const changesArb = (fieldCount: number) =>
  fc.array(fc.record({ field: fc.nat(fieldCount - 1), ago: fc.constantFrom(...CHANGE_AGES) }), { maxLength: 3 });

const recordArb = (fields: [string, FieldType][]) =>
  fc.record({
    values: fc.tuple(...fields.map(([name]) => fc.constantFrom(...(VALUES[name] as (string | number)[])))),
    age: fc.constantFrom(...AGES),
    editedAfter: fc.option(fc.constantFrom(1, 4, 25), { nil: undefined }),
    removed: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    changes: changesArb(fields.length),
  });

export const dataArb = fc.array(
  fc.record({
    profile: recordArb(PROFILE_FIELDS),
    interests: fc.subarray([0, 1, 2, 3]),
    interestChanges: fc.array(
      fc.record({ interest: fc.nat(INTERESTS.length - 1), gained: fc.boolean(), ago: fc.constantFrom(...CHANGE_AGES) }),
      { maxLength: 3 },
    ),
    orders: fc.array(recordArb(ORDER_FIELDS), { maxLength: 3 }),
  }),
  { maxLength: 30 },
);
type Generated = (typeof dataArb extends fc.Arbitrary<infer T> ? T : never)[number];
type RecordData = Omit<Generated['profile'], 'changes'> & Partial<Pick<Generated['profile'], 'changes'>>;
/** What the fixture takes: generated data, or hand-written data without change-log rows. */
export type Data = (Omit<Generated, 'profile' | 'orders' | 'interestChanges'> & {
  profile: RecordData;
  orders: RecordData[];
  interestChanges?: Generated['interestChanges'];
})[];

const wallSeconds = (secondsAgo: number) =>
  new Date(Date.UTC(2026, 2, 15, 11, 20, 30) - secondsAgo * 1000).toISOString().slice(0, 19).replace('T', ' ');
const wall = (hoursAgo: number) => wallSeconds(hoursAgo * 3600);

function fieldProps(name: string, type: FieldType): FieldProps {
  const value = type === 'select' ? 'gold\r\nsilver\r\nGold' : type === 'integer' || type === 'float' ? '0' : '';
  return {
    name,
    type,
    value,
    displayed: false,
    ordered: false,
    length: 255,
    textlines: 1,
    hidden: false,
    index: name === 'city',
    lock: false,
  };
}

export function createFixture(data: Data, now: () => Date = () => NOW) {
  // Without the demo selections: tests count rows and must see only their own.
  const emu = createTestEmulator({
    modules: [coreModule, { ...emailingsModule, seed: undefined }, { ...selectionsModule, seed: undefined }],
    profiles: 0,
    now,
  });
  const { db } = emu;
  const created = '2025-01-01 00:00:00';
  const databaseId = insertDatabase(db, { name: 'Prop', created });
  const owner = { kind: 'database', id: databaseId } as const;
  for (const [name, type] of PROFILE_FIELDS) insertField(db, owner, fieldProps(name, type));
  const collectionId = insertCollection(db, databaseId, { name: 'orders' });
  const subOwner = { kind: 'collection', id: collectionId, databaseId } as const;
  for (const [name, type] of ORDER_FIELDS) insertField(db, subOwner, fieldProps(name, type));
  const interestIds = INTERESTS.map(([name, group]) => insertInterest(db, databaseId, name, group));
  const fields = listFields(db, owner);
  const subFields = listFields(db, subOwner);
  const logField = {
    profile: db.prepare('INSERT INTO profile_field_changes (profile_id, field_id, ts) VALUES (?, ?, ?)'),
    subprofile: db.prepare('INSERT INTO subprofile_field_changes (subprofile_id, field_id, ts) VALUES (?, ?, ?)'),
  };
  const logInterest = db.prepare('INSERT INTO profile_interest_changes (profile_id, interest_id, gained, ts) VALUES (?, ?, ?, ?)');
  const insertRecord = (table: string, fs: FieldRow[], id: number, rec: Data[number]['profile'], profileId?: number) => {
    // The log is random rather than consistent with `modified`: the evaluators must agree on any rows.
    for (const c of rec.changes ?? []) logField[profileId ? 'subprofile' : 'profile'].run(id, fs[c.field]?.id, wallSeconds(c.ago));
    const createdAt = wall(rec.age);
    const modified = rec.editedAfter && rec.editedAfter < rec.age ? wall(rec.age - rec.editedAfter) : createdAt;
    const removed = rec.removed ? wall(0.5) : null;
    const cols = ['id', ...(profileId ? ['profile_id'] : []), 'secret', 'created', 'modified', 'removed', ...fs.map((f) => `f${f.id}`)];
    const values = [id, ...(profileId ? [profileId] : []), 'secret', createdAt, modified, removed, ...rec.values];
    db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...values);
  };
  db.transaction(() => {
    for (const item of data) {
      const id = Number(db.prepare('INSERT INTO profiles (database_id) VALUES (?)').run(databaseId).lastInsertRowid);
      insertRecord(profileTable(databaseId), fields, id, item.profile);
      for (const i of item.interests)
        db.prepare('INSERT INTO profile_interests (profile_id, interest_id) VALUES (?, ?)').run(id, interestIds[i]);
      for (const c of item.interestChanges ?? []) logInterest.run(id, interestIds[c.interest], c.gained ? 1 : 0, wallSeconds(c.ago));
      for (const order of item.orders) {
        const sid = Number(
          db.prepare('INSERT INTO subprofiles (collection_id, profile_id) VALUES (?, ?)').run(collectionId, id).lastInsertRowid,
        );
        insertRecord(subprofileTable(collectionId), subFields, sid, { ...order, removed: order.removed || item.profile.removed }, id);
      }
    }
  })();

  const profileInterests = new Map<number, Set<number>>();
  for (const r of db.prepare('SELECT profile_id AS p, interest_id AS i FROM profile_interests').all() as { p: number; i: number }[]) {
    profileInterests.set(r.p, (profileInterests.get(r.p) ?? new Set()).add(r.i));
  }
  const world: World = {
    now: NOW_WALL,
    profiles: db.prepare(`SELECT * FROM ${profileTable(databaseId)}`).all() as Row[],
    subprofiles: db.prepare(`SELECT * FROM ${subprofileTable(collectionId)}`).all() as World['subprofiles'],
    fields: fields.map((f) => ({ id: f.id, name: f.name, type: f.type })),
    subFields: subFields.map((f) => ({ id: f.id, name: f.name, type: f.type })),
    interests: interestIds.map((id, k) => ({ id, name: INTERESTS[k]?.[0] as string, group: INTERESTS[k]?.[1] as string })),
    profileInterests,
    views: new Map(),
    miniviews: new Map(),
    fieldChanges: db.prepare('SELECT * FROM profile_field_changes').all() as World['fieldChanges'],
    subFieldChanges: db.prepare('SELECT * FROM subprofile_field_changes').all() as World['subFieldChanges'],
    interestChanges: db.prepare('SELECT * FROM profile_interest_changes').all() as World['interestChanges'],
  };
  return { emu, world, databaseId, collectionId };
}
