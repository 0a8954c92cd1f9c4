import type { DatabaseField } from '@/api/databases';
import { selectChoices } from '@/api/fields';

/** Which input a field type gets (docs/api/databases.md §2.3). */
export type InputKind = 'text' | 'email' | 'phone' | 'integer' | 'float' | 'date' | 'datetime' | 'select' | 'big';

export function inputKind(type: string): InputKind {
  switch (type) {
    case 'email':
      return 'email';
    case 'phone':
    case 'phone_fax':
    case 'phone_gsm':
      return 'phone';
    case 'integer':
    case 'foreign_key':
      return 'integer';
    case 'float':
      return 'float';
    case 'date':
    case 'empty_date':
      return 'date';
    case 'datetime':
    case 'empty_datetime':
      return 'datetime';
    case 'select':
      return 'select';
    case 'big':
      return 'big';
    default:
      return 'text';
  }
}

/** Choices of a select field (shared with the selection builder, so it lives with the field shape). */
export { selectChoices } from '@/api/fields';

/** API value → what an <input type=date|datetime-local> holds. Zero dates are empty. */
export function toInputValue(kind: InputKind, apiValue: string): string {
  if (kind === 'date') return apiValue.startsWith('0000') ? '' : apiValue.slice(0, 10);
  if (kind === 'datetime') return apiValue.startsWith('0000') || apiValue === '' ? '' : apiValue.replace(' ', 'T');
  return apiValue;
}

/** Input value → the wire format Copernica documents (`YYYY-MM-DD hh:mm:ss`). */
export function fromInputValue(kind: InputKind, inputValue: string): string {
  if (kind === 'datetime' && inputValue) {
    const v = inputValue.replace('T', ' ');
    return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v) ? `${v}:00` : v;
  }
  return inputValue;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The API never rejects a value, it coerces it (an integer field turns "abc" into 0). The UI flags what
 * would be silently changed, so nothing surprising is written. Returns a reason key or null.
 */
export function invalidReason(field: Pick<DatabaseField, 'type' | 'value'>, raw: string): InvalidReason | null {
  const v = raw.trim();
  if (v === '') return null;
  switch (inputKind(field.type)) {
    case 'integer':
      return /^-?\d+$/.test(v) ? null : 'notInteger';
    case 'float':
      return /^-?\d+(\.\d+)?$/.test(v) ? null : 'notNumber';
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? null : 'notDate';
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/.test(v) && !Number.isNaN(Date.parse(v.replace(' ', 'T'))) ? null : 'notDateTime';
    case 'email':
      return EMAIL.test(v) ? null : 'notEmail';
    case 'select':
      return selectChoices(field.value).choices.includes(raw) ? null : 'notAChoice';
    default:
      return null;
  }
}

export type InvalidReason = 'notInteger' | 'notNumber' | 'notDate' | 'notDateTime' | 'notEmail' | 'notAChoice';

/** The e-mail field of a database: type `email`, else a field named "email". */
export function emailField(fields: DatabaseField[]): DatabaseField | undefined {
  return fields.find((f) => f.type === 'email') ?? fields.find((f) => f.name.toLowerCase() === 'email');
}
