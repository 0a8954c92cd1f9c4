// Demo selections for the demo account (core README: databases Customers, Newsletter, Events; collections
// Orders, Registrations). Realistic examples of each idea: a birthday selection, nested views, a miniview of
// orders used by a MiniView condition, duplicates, a top-N Part, a ReferView and, when the emailings module
// has sent something to this account, an e-mail result selection.
import type Database from 'better-sqlite3';
import type { SeedOptions } from '../core/module.ts';
import type { Rng } from '../core/rng.ts';
import { insertCondition } from './routes/conditions.ts';
import { findRule, type Level } from './store.ts';

/** The demo's fixed "now" (core demo.ts): last-built stamps of the demo selections. */
const DEMO_BUILT = '2026-11-01 06:00:00';
const SEED_CLOCK = new Date('2026-11-01T11:00:00Z');

type Body = Record<string, unknown>;
interface RuleSpec {
  name: string;
  inversed?: boolean;
  disabled?: boolean;
  conditions: Body[];
}

function idOf(db: Database.Database, sql: string, ...args: unknown[]): number | undefined {
  return (db.prepare(sql).get(...args) as { id: number } | undefined)?.id;
}

function addRules(db: Database.Database, level: Level, setId: number, rules: RuleSpec[]): void {
  const table = level === 'view' ? 'view_rules' : 'miniview_rules';
  for (const r of rules) {
    const ruleId = Number(
      db
        .prepare(`INSERT INTO ${table} (view_id, name, inversed, disabled) VALUES (?, ?, ?, ?)`)
        .run(setId, r.name, +(r.inversed ?? false), +(r.disabled ?? false)).lastInsertRowid,
    );
    const rule = findRule(db, level, ruleId);
    if (rule) for (const body of r.conditions) insertCondition(db, level, rule, body, SEED_CLOCK);
  }
  db.prepare(`UPDATE ${level === 'view' ? 'views' : 'miniviews'} SET last_built = ? WHERE id = ?`).run(DEMO_BUILT, setId);
}

function view(
  db: Database.Database,
  databaseId: number,
  parentId: number | null,
  name: string,
  description: string,
  rules: RuleSpec[],
): number {
  const id = Number(
    db
      .prepare('INSERT INTO views (database_id, parent_view_id, name, description, last_built, intent_email) VALUES (?, ?, ?, ?, ?, 1)')
      .run(databaseId, parentId, name, description, DEMO_BUILT).lastInsertRowid,
  );
  addRules(db, 'view', id, rules);
  return id;
}

function miniview(db: Database.Database, collectionId: number, name: string, description: string, rules: RuleSpec[]): number {
  const id = Number(
    db
      .prepare('INSERT INTO miniviews (collection_id, name, description, last_built) VALUES (?, ?, ?, ?)')
      .run(collectionId, name, description, DEMO_BUILT).lastInsertRowid,
  );
  addRules(db, 'mini', id, rules);
  return id;
}

const daysAgo = (n: number) => JSON.stringify(['minus', String(n), 'day', 'day']);

export function seedSelectionsDemo(db: Database.Database, _rng: Rng, _options: SeedOptions): void {
  const customers = idOf(db, `SELECT id FROM databases WHERE name = 'Customers'`);
  const newsletter = idOf(db, `SELECT id FROM databases WHERE name = 'Newsletter'`);
  const events = idOf(db, `SELECT id FROM databases WHERE name = 'Events'`);
  if (customers !== undefined) seedCustomers(db, customers);
  if (newsletter !== undefined) {
    const subscribed = view(db, newsletter, null, 'Subscribed', 'Everyone who wants the newsletter', [
      { name: 'opted in', conditions: [{ type: 'Field', field: 'subscribed', value: 'yes' }] },
    ]);
    view(db, newsletter, subscribed, 'Weekly_digest', 'Subscribers of the weekly digest', [
      { name: 'weekly', conditions: [{ type: 'Interest', interest: 'weekly' }] },
    ]);
    view(db, newsletter, subscribed, 'New_this_month', 'Signed up in the last 30 days', [
      { name: 'recent', conditions: [{ type: 'Date', field: 'signup_date', 'compare-mode': 'full', 'after-mutation': daysAgo(30) }] },
    ]);
  }
  const registrations =
    events === undefined ? undefined : idOf(db, `SELECT id FROM collections WHERE database_id = ? AND name = 'Registrations'`, events);
  if (events !== undefined && registrations !== undefined) {
    const vip = miniview(db, registrations, 'VIP_tickets', 'Registrations with a VIP ticket', [
      { name: 'vip', conditions: [{ type: 'Field', field: 'ticket', value: 'vip' }] },
    ]);
    view(db, events, null, 'VIP_guests', 'Attendees with at least one VIP registration', [
      { name: 'vip', conditions: [{ type: 'MiniView', 'mini-view': vip }] },
    ]);
  }
}

function seedCustomers(db: Database.Database, customers: number): void {
  view(db, customers, null, 'Birthday_today', 'Customers whose birthday is today (how-to-create-a-birthday-selection.md)', [
    {
      name: 'birthday',
      conditions: [
        { type: 'Date', field: 'birthdate', 'compare-mode': 'ignoreyear', 'after-mutation': daysAgo(0), 'before-mutation': daysAgo(0) },
      ],
    },
  ]);

  // A grouping parent with a disabled rule holds everyone (selections-optimization.md), with nested views under it.
  const all = view(db, customers, null, 'Database_management', 'Grouping selection: holds every customer', [
    { name: 'everyone', disabled: true, conditions: [{ type: 'Field', field: 'email', comparison: 'is_email' }] },
  ]);
  const dutch = view(db, customers, all, 'Dutch_customers', 'Country is NL', [
    { name: 'NL', conditions: [{ type: 'Field', field: 'country', value: 'NL' }] },
  ]);
  const premium = view(db, customers, dutch, 'Gold_and_platinum', 'Dutch customers in the gold or platinum segment', [
    { name: 'gold', conditions: [{ type: 'Field', field: 'segment', value: 'gold' }] },
    { name: 'platinum', conditions: [{ type: 'Field', field: 'segment', value: 'platinum' }] },
  ]);
  view(db, customers, premium, 'Sporty_premium', 'Premium customers with any sports interest', [
    { name: 'sports', conditions: [{ type: 'Interest', 'match-mode': 'match_profiles_with_interest_group', 'interest-group': 'sports' }] },
  ]);
  view(db, customers, all, 'Not_in_Amsterdam', 'OR NOT: everyone outside Amsterdam', [
    { name: 'Amsterdam', inversed: true, conditions: [{ type: 'Field', field: 'city', value: 'Amsterdam' }] },
  ]);

  const orders = idOf(db, `SELECT id FROM collections WHERE database_id = ? AND name = 'Orders'`, customers);
  if (orders !== undefined) {
    const big = miniview(db, orders, 'Big_orders', 'Orders over 100 that were not returned', [
      {
        name: 'big and kept',
        conditions: [
          { type: 'Field', field: 'amount', comparison: 'more', value: '100' },
          { type: 'Field', field: 'status', comparison: 'not equals', value: 'returned' },
        ],
      },
    ]);
    view(db, customers, null, 'Big_spenders', 'Two or more big orders (MiniView condition)', [
      { name: 'two big orders', conditions: [{ type: 'MiniView', 'mini-view': big, 'min-subprofiles': '2', 'max-subprofiles': '999' }] },
    ]);
    miniview(db, orders, 'Recent_orders', 'Ordered in the last 30 days', [
      { name: 'recent', conditions: [{ type: 'Date', field: 'order_date', 'compare-mode': 'full', 'after-mutation': daysAgo(30) }] },
    ]);
  }

  view(db, customers, null, 'Duplicate_names', 'Same first and last name as an older profile (DoubleField, repeated)', [
    { name: 'repeated', conditions: [{ type: 'DoubleField', fields: ['firstname', 'lastname'], 'match-mode': 'match_repeated_profiles' }] },
  ]);
  const top = view(db, customers, null, 'Top_100_loyalty', 'The 100 customers with the most loyalty points (Part)', [
    { name: 'top', conditions: [{ type: 'Part', fields: ['loyalty_points'], begin: '-0', length: '100' }] },
  ]);
  view(db, customers, null, 'Loyal_but_inactive', 'Top loyalty customers without a login in 90 days (ReferView + Date)', [
    {
      name: 'inactive top',
      conditions: [
        { type: 'ReferView', 'refer-view': top, 'check-type': 'yes' },
        { type: 'Date', field: 'last_login', 'compare-mode': 'full', 'before-mutation': daysAgo(90) },
      ],
    },
  ]);
  if (db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'destination'`).get()) {
    view(db, customers, null, 'Clicked_last_30_days', 'Clicked in a Publisher mailing in the last 30 days (Email condition)', [
      {
        name: 'clicked',
        conditions: [
          {
            type: 'Email',
            'match-mode': 'match_profiles_that_received_something',
            'required-result': 'anyclick',
            'after-mutation': daysAgo(30),
          },
        ],
      },
    ]);
  }
}
