/**
 * Every condition type and its properties, straight from docs/api/selections.md §4. The forms, the
 * validation, the save plan and the sentence all read this one table, so a type is described once.
 */

export const CONDITION_TYPES = [
  'Field',
  'Interest',
  'Date',
  'Change',
  'DoubleField',
  'Email',
  'Sms',
  'Fax',
  'Survey',
  'LastContact',
  'ToDo',
  'Export',
  'MiniView',
  'ReferView',
  'Part',
] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];

/** Types documented for miniconditions (rest-put-minicondition.md, §5.6). */
export const MINIVIEW_CONDITION_TYPES: readonly ConditionType[] = [
  'Field',
  'Date',
  'Change',
  'DoubleField',
  'Email',
  'Sms',
  'Survey',
  'Export',
  'MiniView',
  'Part',
];

/** How a property is edited; the form picks an input per kind. */
export type PropKind =
  | 'field' // one field of the database / collection
  | 'dateField'
  | 'fields' // an ordered list of fields
  | 'enum'
  | 'text'
  | 'number' // an integer, sent as a string
  | 'offset' // a number or a percentage, negative allowed, "-0" kept (Part)
  | 'bool'
  | 'interest'
  | 'interestGroup'
  | 'miniview'
  | 'view'
  | 'document' // Email/Sms/Fax document name; the Email form adds an emailing picker
  | 'url';

export type ConditionValue = string | boolean | string[];
export type ConditionProps = Record<string, ConditionValue>;

export type PropSpec = {
  name: string;
  kind: PropKind;
  options?: readonly string[];
  required?: boolean;
  /** The property only applies when this returns true (e.g. `clicked-url` only for `clickonurl`). */
  when?: (props: ConditionProps) => boolean;
  defaultValue?: ConditionValue;
};

export const TIME_PROPS = ['after-time', 'before-time', 'after-mutation', 'before-mutation'] as const;

export type TypeSpec = { props: PropSpec[]; time: boolean };

const str = (v: ConditionValue | undefined) => (typeof v === 'string' ? v : '');
const oneOf =
  (prop: string, ...values: string[]) =>
  (p: ConditionProps) =>
    values.includes(str(p[prop]));

export const FIELD_COMPARISONS = [
  'equals',
  'not equals',
  'contains',
  'not contains',
  'less',
  'more',
  'is_email',
  'regexp',
  'is-numeric',
] as const;
export const INTEREST_MODES = [
  'match_profiles_with_interest',
  'match_profiles_without_interest',
  'match_profiles_with_interest_group',
  'match_profiles_without_interestgroup',
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
export const DOUBLE_MODES = [
  'match_unique_profiles',
  'match_non_unique_profiles',
  'match_repeated_profiles',
  'match_non_repeated_profiles',
  'match_last_profiles',
  'match_toberepeated_profiles',
] as const;
export const MAILING_MODES = [
  'match_profiles_that_received_something',
  'match_profiles_that_received_document',
  'match_profiles_that_received_nothing',
  'match_profiles_that_received_not_document',
] as const;
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
export const EMAIL_ERRORS = [
  'temp',
  'final',
  'mailmessage',
  'unreachable',
  'nocontent',
  'nohost',
  'nodata',
  'privateiprange',
  'other',
] as const;
export const DESTINATIONS = ['profile', 'subprofile', 'anything'] as const;
export const OPERATORS = ['>', '=', '!=', '<', '<>'] as const;
export const SUBMITTERS = ['profile', 'subprofile', 'anything', 'none', 'noprofile', 'nosubprofile'] as const;
export const CONTACT_MODES = ['match_contacted_profiles', 'match_not_contacted_profiles'] as const;
export const CONTACT_MATCH_TYPES = ['match_exact', 'match_intelligent'] as const;

const isDocumentMode = oneOf('match-mode', 'match_profiles_that_received_document', 'match_profiles_that_received_not_document');
const countsMailings = oneOf('match-mode', 'match_profiles_that_received_something', 'match_profiles_that_received_document');

const mailingProps: PropSpec[] = [
  { name: 'match-mode', kind: 'enum', options: MAILING_MODES, required: true, defaultValue: 'match_profiles_that_received_something' },
  { name: 'document', kind: 'document', when: isDocumentMode, required: true },
  { name: 'template', kind: 'text' },
  { name: 'required-destination', kind: 'enum', options: DESTINATIONS, defaultValue: 'profile' },
];
const countProps: PropSpec[] = [
  { name: 'operator', kind: 'enum', options: OPERATORS, when: countsMailings, defaultValue: '>' },
  { name: 'number', kind: 'number', when: countsMailings, defaultValue: '0' },
];
const contactProps: PropSpec[] = [
  { name: 'match-mode', kind: 'enum', options: CONTACT_MODES, required: true, defaultValue: 'match_contacted_profiles' },
  { name: 'match-type', kind: 'enum', options: CONTACT_MATCH_TYPES, defaultValue: 'match_exact' },
  { name: 'contact-type', kind: 'text' },
  { name: 'user', kind: 'text' },
  { name: 'priority', kind: 'text' },
  { name: 'contains', kind: 'text' },
  { name: 'min-closed', kind: 'number' },
  { name: 'max-closed', kind: 'number' },
];

export const TYPE_SPECS: Record<ConditionType, TypeSpec> = {
  Field: {
    time: false,
    props: [
      { name: 'field', kind: 'field', required: true },
      { name: 'comparison', kind: 'enum', options: FIELD_COMPARISONS, required: true, defaultValue: 'equals' },
      { name: 'value', kind: 'text', when: (p) => !oneOf('comparison', 'is_email', 'is-numeric')(p) && !str(p['other-field']) },
      { name: 'other-field', kind: 'field', when: (p) => !oneOf('comparison', 'is_email', 'is-numeric', 'regexp')(p) },
      { name: 'numeric-comparison', kind: 'bool', when: oneOf('comparison', 'equals', 'not equals', 'less', 'more'), defaultValue: false },
    ],
  },
  Interest: {
    time: false,
    props: [
      { name: 'match-mode', kind: 'enum', options: INTEREST_MODES, required: true, defaultValue: 'match_profiles_with_interest' },
      {
        name: 'interest',
        kind: 'interest',
        required: true,
        when: oneOf('match-mode', 'match_profiles_with_interest', 'match_profiles_without_interest'),
      },
      { name: 'interest-group', kind: 'interestGroup', required: true, when: (p) => str(p['match-mode']).includes('group') },
    ],
  },
  Date: {
    time: true,
    props: [
      { name: 'field', kind: 'dateField', required: true },
      { name: 'compare-mode', kind: 'enum', options: ['full', 'ignoreyear'], defaultValue: 'full' },
    ],
  },
  Change: {
    time: true,
    props: [
      { name: 'change-type', kind: 'enum', options: CHANGE_TYPES, required: true, defaultValue: 'any' },
      { name: 'field', kind: 'field', when: oneOf('change-type', 'field', 'nofield') },
      { name: 'interest', kind: 'interest', when: oneOf('change-type', 'interest', 'gotinterest', 'lostinterest') },
    ],
  },
  DoubleField: {
    time: false,
    props: [
      { name: 'fields', kind: 'fields', required: true, defaultValue: [] },
      { name: 'match-mode', kind: 'enum', options: DOUBLE_MODES, required: true, defaultValue: 'match_repeated_profiles' },
    ],
  },
  Email: {
    time: true,
    props: [
      ...mailingProps,
      { name: 'required-result', kind: 'enum', options: EMAIL_RESULTS, when: countsMailings, defaultValue: 'nocheck' },
      { name: 'clicked-url', kind: 'url', when: (p) => countsMailings(p) && oneOf('required-result', 'clickonurl')(p) },
      {
        name: 'required-errors',
        kind: 'enum',
        options: EMAIL_ERRORS,
        when: (p) => countsMailings(p) && oneOf('required-result', 'error')(p),
      },
      ...countProps,
    ],
  },
  Sms: { time: true, props: [...mailingProps, ...countProps] },
  Fax: { time: true, props: [...mailingProps, ...countProps] },
  Survey: {
    time: true,
    props: [
      { name: 'survey-name', kind: 'text' },
      { name: 'submitter', kind: 'enum', options: SUBMITTERS, required: true, defaultValue: 'profile' },
    ],
  },
  LastContact: { time: true, props: contactProps },
  ToDo: { time: true, props: contactProps },
  Export: { time: true, props: [{ name: 'include-never-exported-profiles', kind: 'bool', defaultValue: false }] },
  MiniView: {
    time: false,
    props: [
      { name: 'mini-view', kind: 'miniview', required: true },
      { name: 'min-subprofiles', kind: 'number', defaultValue: '1' },
      { name: 'max-subprofiles', kind: 'number', defaultValue: '999' },
    ],
  },
  ReferView: {
    time: false,
    props: [
      { name: 'refer-view', kind: 'view', required: true },
      { name: 'check-type', kind: 'enum', options: ['yes', 'no'], required: true, defaultValue: 'yes' },
    ],
  },
  Part: {
    time: false,
    props: [
      { name: 'fields', kind: 'fields', defaultValue: [] },
      { name: 'begin', kind: 'offset', required: true, defaultValue: '0' },
      { name: 'length', kind: 'offset', required: true, defaultValue: '10' },
    ],
  },
};

/** Properties that apply to a condition now (hidden ones are neither validated nor sent). */
export function activeProps(type: ConditionType, props: ConditionProps): PropSpec[] {
  return TYPE_SPECS[type].props.filter((p) => !p.when || p.when(props));
}

export function defaultProps(type: ConditionType): ConditionProps {
  const out: ConditionProps = {};
  for (const p of TYPE_SPECS[type].props) if (p.defaultValue !== undefined) out[p.name] = p.defaultValue;
  return out;
}

/** The API returns `Field`; the v3 example POSTs `field`. Map any case to the canonical spelling (§4.0). */
export function canonicalType(type: string): ConditionType | null {
  const lower = type.toLowerCase();
  return CONDITION_TYPES.find((t) => t.toLowerCase() === lower) ?? null;
}
