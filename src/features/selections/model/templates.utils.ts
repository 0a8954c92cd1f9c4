import { type ConditionProps, type ConditionType, defaultProps } from './condition-catalog';
import type { SelectionDraft } from './draft.utils';
import { formatMutation } from './time-window.utils';

/**
 * Ready-made selections a marketer recognises, each built from documented condition types
 * (docs/api/selections.md §4) and adapted to the database at hand: the user picks which field plays which part,
 * how many days, which emailing. A template whose field is missing in the database says so instead of guessing.
 */
export type SlotKind = 'dateField' | 'emailField' | 'numberField' | 'days' | 'count' | 'document' | 'link' | 'miniview';
export type Slot = { name: string; kind: SlotKind; defaultValue?: string };
export type SlotValues = Record<string, string>;

export const TEMPLATE_IDS = [
  'engaged',
  'lapsed',
  'new',
  'birthdayToday',
  'birthdayWeek',
  'topN',
  'validEmail',
  'clickedLink',
  'notOpened',
  'hasSubprofiles',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

type RuleSpec = { name: string; conditions: { type: ConditionType; props: ConditionProps }[] };
export type Template = { id: TemplateId; slots: Slot[]; build: (v: SlotValues) => RuleSpec[] };

export const DATE_FIELD_TYPES = ['date', 'empty_date', 'datetime', 'empty_datetime'];
export const NUMBER_FIELD_TYPES = ['integer', 'float'];
export const SLOT_FIELD_TYPES: Partial<Record<SlotKind, string[]>> = {
  dateField: DATE_FIELD_TYPES,
  emailField: ['email'],
  numberField: NUMBER_FIELD_TYPES,
};

/** "N days ago, from the start of that day" and "today" in the documented mutation form (§4.0). */
const daysAgo = (n: string) => formatMutation({ direction: 'minus', count: n, unit: 'day', floorto: 'day' });
const daysAhead = (n: string) => formatMutation({ direction: 'plus', count: n, unit: 'day', floorto: 'day' });
const received = 'match_profiles_that_received_something';
const receivedDocument = 'match_profiles_that_received_document';

const days: Slot = { name: 'days', kind: 'days', defaultValue: '90' };

export const TEMPLATES: readonly Template[] = [
  {
    id: 'engaged',
    slots: [days],
    build: (v): RuleSpec[] => [
      {
        name: 'Opened',
        conditions: [
          { type: 'Email', props: { 'match-mode': received, 'required-result': 'view', 'after-mutation': daysAgo(v.days ?? '') } },
        ],
      },
      {
        name: 'Clicked',
        conditions: [
          { type: 'Email', props: { 'match-mode': received, 'required-result': 'anyclick', 'after-mutation': daysAgo(v.days ?? '') } },
        ],
      },
    ],
  },
  {
    id: 'lapsed',
    slots: [days],
    build: (v): RuleSpec[] => [
      {
        name: 'Lapsed',
        conditions: [
          // Opened something before the window…
          { type: 'Email', props: { 'match-mode': received, 'required-result': 'view', 'before-mutation': daysAgo(v.days ?? '') } },
          // …and opened nothing in it (0 opened messages; §6.3 "Email": n = 0 also matches who received nothing).
          {
            type: 'Email',
            props: {
              'match-mode': received,
              'required-result': 'view',
              operator: '=',
              number: '0',
              'after-mutation': daysAgo(v.days ?? ''),
            },
          },
        ],
      },
    ],
  },
  {
    id: 'new',
    slots: [{ name: 'days', kind: 'days', defaultValue: '30' }],
    build: (v): RuleSpec[] => [
      { name: 'New', conditions: [{ type: 'Change', props: { 'change-type': 'new', 'after-mutation': daysAgo(v.days ?? '') } }] },
    ],
  },
  {
    id: 'birthdayToday',
    slots: [{ name: 'field', kind: 'dateField' }],
    // The birthday recipe: ignoring the year, from today to today, rounded to days (§6.3 degenerate window).
    build: (v): RuleSpec[] => [
      {
        name: 'Birthday',
        conditions: [
          {
            type: 'Date',
            props: { field: v.field ?? '', 'compare-mode': 'ignoreyear', 'after-mutation': daysAgo('0'), 'before-mutation': daysAgo('0') },
          },
        ],
      },
    ],
  },
  {
    id: 'birthdayWeek',
    slots: [{ name: 'field', kind: 'dateField' }],
    build: (v): RuleSpec[] => [
      {
        name: 'Birthday',
        conditions: [
          {
            type: 'Date',
            props: {
              field: v.field ?? '',
              'compare-mode': 'ignoreyear',
              'after-mutation': daysAgo('0'),
              'before-mutation': daysAhead('7'),
            },
          },
        ],
      },
    ],
  },
  {
    id: 'topN',
    slots: [
      { name: 'field', kind: 'numberField' },
      { name: 'count', kind: 'count', defaultValue: '100' },
    ],
    // Part: a leading "-" on begin sorts from the highest (§4 Part), so "-0" + length N = the top N.
    build: (v): RuleSpec[] => [
      { name: 'Top', conditions: [{ type: 'Part', props: { fields: [v.field ?? ''], begin: '-0', length: v.count ?? '' } }] },
    ],
  },
  {
    id: 'validEmail',
    slots: [{ name: 'field', kind: 'emailField' }],
    build: (v): RuleSpec[] => [
      { name: 'Valid address', conditions: [{ type: 'Field', props: { field: v.field ?? '', comparison: 'is_email' } }] },
    ],
  },
  {
    id: 'clickedLink',
    slots: [
      { name: 'document', kind: 'document' },
      { name: 'link', kind: 'link' },
    ],
    build: (v): RuleSpec[] => [
      {
        name: 'Clicked',
        conditions: [
          {
            type: 'Email',
            props: {
              'match-mode': receivedDocument,
              document: v.document ?? '',
              'required-result': 'clickonurl',
              'clicked-url': v.link ?? '',
            },
          },
        ],
      },
    ],
  },
  {
    id: 'notOpened',
    slots: [{ name: 'document', kind: 'document' }],
    build: (v): RuleSpec[] => [
      {
        name: 'Not opened',
        conditions: [
          // Received it…
          { type: 'Email', props: { 'match-mode': receivedDocument, document: v.document ?? '' } },
          // …and opened it 0 times.
          {
            type: 'Email',
            props: { 'match-mode': receivedDocument, document: v.document ?? '', 'required-result': 'view', operator: '=', number: '0' },
          },
        ],
      },
    ],
  },
  {
    id: 'hasSubprofiles',
    slots: [{ name: 'miniview', kind: 'miniview' }],
    build: (v): RuleSpec[] => [
      { name: 'Has subprofiles', conditions: [{ type: 'MiniView', props: { 'mini-view': v.miniview ?? '', 'min-subprofiles': '1' } }] },
    ],
  },
];

export type FieldLike = { ID: string; name: string; type: string };

/** The field slots the database cannot fill (no field of that type): the template says so and cannot be used. */
export function missingFieldKinds(template: Template, fields: readonly FieldLike[]): SlotKind[] {
  return template.slots
    .filter((s) => SLOT_FIELD_TYPES[s.kind])
    .filter((s) => !fields.some((f) => SLOT_FIELD_TYPES[s.kind]?.includes(f.type)))
    .map((s) => s.kind);
}

/** First values: the slot's default, or the first field of the right type. */
export function initialSlotValues(template: Template, fields: readonly FieldLike[]): SlotValues {
  const out: SlotValues = {};
  for (const s of template.slots) {
    const types = SLOT_FIELD_TYPES[s.kind];
    out[s.name] = types ? (fields.find((f) => types.includes(f.type))?.ID ?? '') : (s.defaultValue ?? '');
  }
  return out;
}

/** Slots still empty or not a positive whole number where one is needed. */
export function unfilledSlots(template: Template, values: SlotValues): string[] {
  return template.slots
    .filter((s) => {
      const v = (values[s.name] ?? '').trim();
      if (s.kind === 'days' || s.kind === 'count') return !/^\d+$/.test(v) || (s.kind === 'count' && v === '0');
      return v === '';
    })
    .map((s) => s.name);
}

/** The template as an editor draft (new rules and conditions, keyed by the template so live counts can reuse them). */
export function templateDraft(template: Template, values: SlotValues): SelectionDraft {
  return {
    rules: template.build(values).map((r, i) => ({
      key: `tpl-${template.id}-r${i}`,
      name: r.name,
      inversed: false,
      disabled: false,
      conditions: r.conditions.map((c, j) => ({
        key: `tpl-${template.id}-r${i}-c${j}`,
        type: c.type,
        // The type's defaults first, as a condition added in the editor has them: the form then shows what is sent.
        props: { ...defaultProps(c.type), ...c.props },
      })),
    })),
  };
}
