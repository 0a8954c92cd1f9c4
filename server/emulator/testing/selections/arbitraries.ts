// fast-check generators of condition bodies (what a client POSTs) for the evaluation property tests.
// Only valid bodies: every one must be accepted (201) by the emulator.
import fc from 'fast-check';
import { DOCUMENTS, TEMPLATES } from './mailings.ts';
import type { RefCondition, RefRule } from './world.ts';

const mutation = fc
  .tuple(
    fc.constantFrom('minus', 'plus'),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom('hour', 'day', 'week', 'month', 'year'),
    fc.constantFrom('second', 'hour', 'day', 'month', 'year'),
  )
  .map(([dir, n, unit, floor]) => JSON.stringify([dir, String(n), unit, floor]));
const fixedTime = fc.constantFrom(
  '2026-03-15 00:00:00',
  '2026-03-14 12:00:00',
  '2026-03-01 00:00:00',
  '2025-12-31 00:00:00',
  '1980-01-01 00:00:00',
  '2026-03-16 00:00:00',
);

/** Time window props: each side open, fixed or a mutation; sometimes the birthday form (both "0 days ago"). */
const windowProps = fc.oneof(
  fc.record(
    { 'after-time': fixedTime, 'before-time': fixedTime, 'after-mutation': mutation, 'before-mutation': mutation },
    { requiredKeys: [] },
  ),
  fc.constant({ 'after-mutation': '["minus","0","day","day"]', 'before-mutation': '["minus","0","day","day"]' }),
);

const COMPARISONS = ['equals', 'not equals', 'contains', 'not contains', 'less', 'more', 'is_email', 'regexp', 'is-numeric'];
const TEXT_VALUES = ['', 'ann', 'delft', 'DELFT', '10', '2.5', 'de', '12', '-1', 'gold', '^a', 'b$', 'a.*n', '@'];

function fieldCondition(fields: string[]) {
  return fc
    .record({
      field: fc.constantFrom(...fields),
      comparison: fc.constantFrom(...COMPARISONS),
      value: fc.constantFrom(...TEXT_VALUES),
      other: fc.option(fc.constantFrom(...fields), { nil: undefined }),
      numeric: fc.boolean(),
    })
    .map(({ field, comparison, value, other, numeric }): RefCondition => {
      const body: Record<string, unknown> = { field, comparison, 'numeric-comparison': numeric };
      if (other) body['other-field'] = other;
      else body.value = value;
      return { type: 'Field', body };
    });
}

function dateCondition(dateFields: string[]) {
  return fc
    .tuple(fc.constantFrom(...dateFields), fc.constantFrom('full', 'ignoreyear'), windowProps)
    .map(([field, mode, w]): RefCondition => ({ type: 'Date', body: { field, 'compare-mode': mode, ...w } }));
}

function doubleCondition(fields: string[], suffix: 'profiles' | 'subprofiles') {
  return fc
    .tuple(
      fc.subarray(fields, { minLength: 1 }),
      fc.constantFrom('unique', 'non_unique', 'repeated', 'non_repeated', 'last', 'toberepeated'),
    )
    .map(([fs, mode]): RefCondition => ({ type: 'DoubleField', body: { fields: fs, 'match-mode': `match_${mode}_${suffix}` } }));
}

function partCondition(sortFields: string[]) {
  return fc
    .record(
      {
        fields: fc.subarray(sortFields),
        begin: fc.constantFrom('0', '1', '-0', '-1', '10%', '-25%', '2'),
        length: fc.constantFrom('1', '2', '50%', '-1', '0'),
      },
      { requiredKeys: ['begin'] },
    )
    .map((body): RefCondition => ({ type: 'Part', body }));
}

/** Change: a type, a window, and sometimes the `field` / `interest` it is about (also for types that ignore them). */
const changeCondition = (types: string[], fields: string[], interests: string[] = []) =>
  fc
    .record(
      {
        type: fc.constantFrom(...types),
        w: windowProps,
        field: fc.constantFrom(...fields),
        interest: interests.length > 0 ? fc.constantFrom(...interests) : fc.constant(undefined),
      },
      { requiredKeys: ['type', 'w'] },
    )
    .map(({ type, w, field, interest }): RefCondition => {
      const body: Record<string, unknown> = { 'change-type': type, ...w };
      if (field !== undefined) body.field = field;
      if (interest !== undefined) body.interest = interest;
      return { type: 'Change', body };
    });

/** Change conditions on profiles (every type) and on orders (the types a subprofile has). */
export const profileChangeCondition = changeCondition(
  [
    'new',
    'notnew',
    'edit',
    'noedit',
    'any',
    'none',
    'newsubprofile',
    'nonewsubprofile',
    'editsubprofile',
    'noeditsubprofile',
    'removesubprofile',
    'field',
    'nofield',
    'interest',
    'gotinterest',
    'lostinterest',
  ],
  ['name', 'city', 'score', 'seen'],
  ['golf', 'tennis', 'cooking', 'chess'],
);
export const orderChangeCondition = changeCondition(['new', 'edit', 'noedit', 'any', 'none', 'field', 'nofield'], ['product', 'price']);

/** Email conditions (§4.6) over the mailings of mailings.ts. */
export const emailCondition = fc
  .record(
    {
      'match-mode': fc.constantFrom(
        'match_profiles_that_received_something',
        'match_profiles_that_received_document',
        'match_profiles_that_received_nothing',
        'match_profiles_that_received_not_document',
      ),
      document: fc.constantFrom(...DOCUMENTS),
      template: fc.constantFrom(...TEMPLATES),
      'required-destination': fc.constantFrom('profile', 'subprofile', 'anything'),
      'required-result': fc.constantFrom(
        'nocheck',
        'view',
        'viewnoclick',
        'anyclick',
        'clickonurl',
        'noclick',
        'error',
        'noerror',
        'abuse',
        'noabuse',
        'nothing',
        'anything',
      ),
      'clicked-url': fc.constantFrom('shop.example', '/sale', 'blog'),
      'required-errors': fc.constantFrom('', 'temp', 'final', 'nohost', '512'),
      operator: fc.constantFrom('>', '<', '=', '!=', '<>'),
      number: fc.constantFrom('0', '1', '2', '1-2', '0-1'),
    },
    { requiredKeys: ['match-mode'] },
  )
  // Mostly without a window, so that destinations are found and the result tests matter.
  .chain((body) =>
    fc.oneof(fc.constant({}), fc.constant({}), windowProps).map((w): RefCondition => ({ type: 'Email', body: { ...body, ...w } })),
  );

export function profileCondition(refs: { miniview?: number; view?: number }) {
  const options = [
    fieldCondition(['name', 'city', 'score', 'amount', 'tier', 'email', 'birthdate']),
    fc
      .tuple(
        fc.constantFrom(
          'match_profiles_with_interest',
          'match_profiles_without_interest',
          'match_profiles_with_interest_group',
          'match_profiles_without_interestgroup',
        ),
        fc.constantFrom('golf', 'tennis', 'cooking', 'chess'),
        fc.constantFrom('sports', 'hobbies', 'Sports'),
      )
      .map(
        ([mode, interest, group]): RefCondition => ({
          type: 'Interest',
          body: mode.includes('group') ? { 'match-mode': mode, 'interest-group': group } : { 'match-mode': mode, interest },
        }),
      ),
    dateCondition(['birthdate', 'seen']),
    doubleCondition(['name', 'city', 'tier', 'score'], 'profiles'),
    partCondition(['score', 'name', 'amount']),
    profileChangeCondition,
  ];
  if (refs.miniview !== undefined) {
    const mv = refs.miniview;
    options.push(
      fc
        .record(
          { 'min-subprofiles': fc.constantFrom('0', '1', '2'), 'max-subprofiles': fc.constantFrom('0', '1', '2', '999') },
          { requiredKeys: [] },
        )
        .map((b): RefCondition => ({ type: 'MiniView', body: { 'mini-view': String(mv), ...b } })),
    );
  }
  if (refs.view !== undefined) {
    const v = refs.view;
    options.push(
      fc.constantFrom('yes', 'no').map((check): RefCondition => ({ type: 'ReferView', body: { 'refer-view': v, 'check-type': check } })),
    );
  }
  return fc.oneof(...options);
}

export const orderCondition = fc.oneof(
  fieldCondition(['product', 'price', 'day']),
  dateCondition(['day']),
  doubleCondition(['product', 'price'], 'subprofiles'),
  partCondition(['price', 'product']),
  orderChangeCondition,
  emailCondition,
);

export function rulesArb(condition: fc.Arbitrary<RefCondition>) {
  return fc.array(
    fc.record({
      inversed: fc.boolean(),
      disabled: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      conditions: fc.array(condition, { maxLength: 3 }),
    }),
    { maxLength: 3 },
  ) as fc.Arbitrary<RefRule[]>;
}
