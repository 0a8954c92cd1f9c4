import type { DatabaseField } from '@/api/databases';
import type { FieldInput } from '@/api/fields';

export const DATABASE_FIELD_TYPES = [
  'text',
  'email',
  'phone_gsm',
  'phone_fax',
  'integer',
  'float',
  'date',
  'empty_date',
  'datetime',
  'empty_datetime',
  'select',
  'big',
  'foreign_key',
] as const;
/** The collection field list documents a plain `phone` type too (docs/api/databases.md §2.3). */
export const COLLECTION_FIELD_TYPES = [...DATABASE_FIELD_TYPES, 'phone'] as const;

export type FieldDraft = {
  name: string;
  type: string;
  value: string;
  length: string;
  textlines: string;
  displayed: boolean;
  ordered: boolean;
  hidden: boolean;
  index: boolean;
  lock: boolean;
};

const TEXTUAL = new Set(['text', 'email', 'phone', 'phone_gsm', 'phone_fax', 'select']);
export const hasLength = (type: string) => TEXTUAL.has(type);
export const hasTextlines = (type: string) => type === 'text' || type === 'big';
export const isNumeric = (type: string) => type === 'integer' || type === 'float' || type === 'foreign_key';
/** `big` fields cannot be indexed (UI doc database-fields-and-collections.md). */
export const canIndex = (type: string) => type !== 'big';

export function draftFrom(field?: DatabaseField): FieldDraft {
  return {
    name: field?.name ?? '',
    type: field?.type ?? 'text',
    value: (field?.value ?? '').replace(/\r\n/g, '\n'),
    length: field?.length ?? '255',
    textlines: field?.textlines ?? '1',
    displayed: field?.displayed ?? true,
    ordered: field?.ordered ?? false,
    hidden: field?.hidden ?? false,
    index: field?.index ?? false,
    lock: field?.lock ?? false,
  };
}

/** Client-side checks of the documented rules; the API has the last word (its message is shown). */
export function fieldNameProblem(name: string, others: Pick<DatabaseField, 'name'>[]): 'nameRule' | 'duplicate' | null {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || ['id', 'code'].includes(name.toLowerCase())) return 'nameRule';
  if (others.some((f) => f.name.toLowerCase() === name.toLowerCase())) return 'duplicate';
  return null;
}

/** Sends only the properties that mean something for the type. */
export function toFieldPayload(d: FieldDraft): FieldInput {
  const out: FieldInput = {
    name: d.name.trim(),
    type: d.type,
    value: d.value,
    displayed: d.displayed,
    ordered: d.ordered,
    hidden: d.hidden,
    lock: d.lock,
  };
  if (isNumeric(d.type) && d.value.trim() === '') out.value = '0'; // numeric fields cannot be empty
  if (d.type === 'select')
    out.value = d.value
      .split('\n')
      .map((l) => l.trimEnd())
      .filter(Boolean)
      .join('\n');
  if (hasLength(d.type)) out.length = d.length;
  if (hasTextlines(d.type)) out.textlines = d.textlines;
  out.index = canIndex(d.type) && d.index;
  return out;
}
