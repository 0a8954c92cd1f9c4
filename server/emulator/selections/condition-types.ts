// The 15 condition types and their properties (docs/api/selections.md §4; restv3/rest-condition-type-*.md).
// Each property has a kind that decides how input is validated and normalised (condition-input.ts) and how
// it is written back out (condition-output.ts). Property order here is the output order.
import type { Level } from './store.ts';

export type PropSpec =
  /** One of a fixed list; `aliases` maps other accepted spellings to a listed value. */
  | { kind: 'enum'; values: readonly string[]; default: string; aliases?: Record<string, string> }
  | { kind: 'text'; default: string }
  /** A number sent as a string or number; kept as a string; `null` default means unset (output `false`). */
  | { kind: 'number'; default: string | null }
  | { kind: 'bool'; default: boolean }
  /** A field of the database (views) or collection (miniviews), by ID or name; output as the field object. */
  | { kind: 'field'; required: boolean; dateOnly?: boolean }
  | { kind: 'fields'; required: boolean }
  | { kind: 'interest' }
  | { kind: 'view' }
  | { kind: 'miniview' }
  /** `YYYY-MM-DD HH:MM:SS` (fixed bound of a time window). */
  | { kind: 'time' }
  /** `["minus","7","day","day"]`, a JSON string or a real array; output as the string (§4.0). */
  | { kind: 'mutation' }
  /** Part begin/length: an integer or a percentage, possibly negative; "-0" is kept (§4.13). */
  | { kind: 'offset'; default: string | null };

export interface TypeSpec {
  name: string;
  /** Allowed in miniconditions (rest-put-minicondition.md lists these). */
  mini: boolean;
  props: Record<string, PropSpec>;
  /** Other spellings of property names accepted on input. */
  propAliases?: Record<string, string>;
}

const TIME: Record<string, PropSpec> = {
  'after-time': { kind: 'time' },
  'before-time': { kind: 'time' },
  'after-mutation': { kind: 'mutation' },
  'before-mutation': { kind: 'mutation' },
};

const MAILING_MATCH = [
  'match_profiles_that_received_something',
  'match_profiles_that_received_document',
  'match_profiles_that_received_nothing',
  'match_profiles_that_received_not_document',
] as const;
const OPERATORS = ['>', '<', '=', '!=', '<>'] as const;

/** Properties shared by Email, Sms and Fax: the "mailing properties" (rest-condition-type-sms.md). */
const MAILING: Record<string, PropSpec> = {
  'match-mode': { kind: 'enum', values: MAILING_MATCH, default: 'match_profiles_that_received_something' },
  document: { kind: 'text', default: '' },
  template: { kind: 'text', default: '' },
  'required-destination': { kind: 'enum', values: ['anything', 'profile', 'subprofile'], default: 'anything' },
};

export const EMAIL_RESULTS = [
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
] as const;

export const CHANGE_TYPES = [
  'any',
  'none',
  'field',
  'nofield',
  'new',
  'notnew',
  'edit',
  'noedit',
  'newsubprofile',
  'nonewsubprofile',
  'editsubprofile',
  'noeditsubprofile',
  'removesubprofile',
  'noremovesubprofile',
  'interest',
  'gotinterest',
  'lostinterest',
] as const;

const DOUBLE_MODES = ['unique', 'non_unique', 'repeated', 'non_repeated', 'last', 'toberepeated'];

const CONTACT: Record<string, PropSpec> = {
  'match-type': { kind: 'enum', values: ['match_intelligent', 'match_exact'], default: 'match_exact' },
  'match-mode': { kind: 'enum', values: ['match_contacted_profiles', 'match_not_contacted_profiles'], default: 'match_contacted_profiles' },
  'contact-type': { kind: 'text', default: 'false' },
  'min-closed': { kind: 'number', default: null },
  'max-closed': { kind: 'number', default: null },
  user: { kind: 'text', default: 'false' },
  priority: { kind: 'text', default: '' },
  contains: { kind: 'text', default: '' },
  ...TIME,
};

export const CONDITION_TYPES: Record<string, TypeSpec> = {
  Change: {
    name: 'Change',
    mini: true,
    props: {
      'change-type': { kind: 'enum', values: CHANGE_TYPES, default: 'any' },
      field: { kind: 'field', required: false },
      interest: { kind: 'interest' },
      ...TIME,
    },
  },
  Date: {
    name: 'Date',
    mini: true,
    props: {
      field: { kind: 'field', required: true, dateOnly: true },
      'compare-mode': { kind: 'enum', values: ['full', 'ignoreyear'], default: 'full' },
      ...TIME,
    },
  },
  DoubleField: {
    name: 'DoubleField',
    mini: true,
    props: {
      fields: { kind: 'fields', required: true },
      'match-mode': {
        kind: 'enum',
        values: [...DOUBLE_MODES.map((m) => `match_${m}_profiles`), ...DOUBLE_MODES.map((m) => `match_${m}_subprofiles`)],
        default: 'match_non_unique_profiles',
      },
    },
  },
  Email: {
    name: 'Email',
    mini: true,
    propAliases: { 'required-url': 'clicked-url' },
    props: {
      ...MAILING,
      'required-result': { kind: 'enum', values: EMAIL_RESULTS, default: 'nocheck' },
      'clicked-url': { kind: 'text', default: '' },
      'required-errors': { kind: 'text', default: '' },
      number: { kind: 'number', default: '0' },
      operator: { kind: 'enum', values: OPERATORS, default: '>' },
      ...TIME,
    },
  },
  Export: { name: 'Export', mini: true, props: { 'include-never-exported-profiles': { kind: 'bool', default: false }, ...TIME } },
  Fax: {
    name: 'Fax',
    mini: false,
    props: { ...MAILING, number: { kind: 'number', default: '0' }, operator: { kind: 'enum', values: OPERATORS, default: '>' }, ...TIME },
  },
  Field: {
    name: 'Field',
    mini: true,
    props: {
      comparison: {
        kind: 'enum',
        values: ['equals', 'not equals', 'contains', 'not contains', 'less', 'more', 'is_email', 'regexp', 'is-numeric'],
        default: 'equals',
      },
      field: { kind: 'field', required: true },
      value: { kind: 'text', default: '' },
      'other-field': { kind: 'field', required: false },
      'numeric-comparison': { kind: 'bool', default: false },
    },
  },
  Interest: {
    name: 'Interest',
    mini: false,
    props: {
      'match-mode': {
        kind: 'enum',
        values: [
          'match_profiles_with_interest',
          'match_profiles_without_interest',
          'match_profiles_with_interest_group',
          'match_profiles_without_interestgroup',
        ],
        aliases: {
          match_profiles_with_interestgroup: 'match_profiles_with_interest_group',
          match_profiles_without_interest_group: 'match_profiles_without_interestgroup',
        },
        default: 'match_profiles_with_interest',
      },
      interest: { kind: 'interest' },
      'interest-group': { kind: 'text', default: '' },
    },
  },
  LastContact: { name: 'LastContact', mini: false, propAliases: { match_type: 'match-type' }, props: CONTACT },
  MiniView: {
    name: 'MiniView',
    mini: true,
    props: {
      'mini-view': { kind: 'miniview' },
      'min-subprofiles': { kind: 'number', default: '1' },
      'max-subprofiles': { kind: 'number', default: null },
    },
  },
  Part: {
    name: 'Part',
    mini: true,
    props: {
      fields: { kind: 'fields', required: false },
      begin: { kind: 'offset', default: '0' },
      length: { kind: 'offset', default: null },
    },
  },
  ReferView: {
    name: 'ReferView',
    mini: false,
    props: { 'refer-view': { kind: 'view' }, 'check-type': { kind: 'enum', values: ['yes', 'no'], default: 'yes' } },
  },
  Sms: {
    name: 'Sms',
    mini: true,
    props: { ...MAILING, number: { kind: 'number', default: '0' }, operator: { kind: 'enum', values: OPERATORS, default: '>' }, ...TIME },
  },
  Survey: {
    name: 'Survey',
    mini: true,
    props: {
      'survey-name': { kind: 'text', default: '' },
      submitter: { kind: 'enum', values: ['profile', 'subprofile', 'anything', 'none', 'noprofile', 'nosubprofile'], default: 'anything' },
      ...TIME,
    },
  },
  ToDo: { name: 'ToDo', mini: false, propAliases: { match_type: 'match-type' }, props: CONTACT },
};

/** Canonical type name for any spelling (`field`, `FIELD` → `Field`), or undefined. */
export function canonicalType(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const lower = raw.trim().toLowerCase();
  return Object.keys(CONDITION_TYPES).find((t) => t.toLowerCase() === lower);
}

export function typeAllowed(type: string, level: Level): boolean {
  return level === 'view' || (CONDITION_TYPES[type]?.mini ?? false);
}

/** Properties a condition holds after normalisation: references are IDs, unset values null. */
export type Props = Record<string, string | number | boolean | number[] | null>;
