import type { Emailing } from '@/api/emailings';
import { DAY, formatWallClock, wallClockMs } from './time.utils';

/**
 * "Select these profiles": the body of an Email condition (docs/api/selections.md §4.6, POST rule/$id/conditions)
 * that the selection builder opens prefilled. Only Publisher results have a REST condition type; the
 * Marketing Suite condition exists in Copernica's UI only, so MS figures offer the events list instead.
 */

export type EmailResult =
  | 'nocheck'
  | 'view'
  | 'viewnoclick'
  | 'anyclick'
  | 'clickonurl'
  | 'noclick'
  | 'error'
  | 'noerror'
  | 'abuse'
  | 'noabuse'
  | 'nothing'
  | 'anything';

export type EmailCondition = {
  type: 'Email';
  'match-mode': 'match_profiles_that_received_document';
  document: string;
  'required-destination': 'profile' | 'subprofile';
  'required-result': EmailResult;
  'clicked-url'?: string;
  'required-errors'?: string;
  operator: '>';
  number: '0';
  'after-time': string;
  'before-time'?: string;
};

export type ResultFilter = { result: EmailResult; url?: string; errors?: string };

/**
 * Mass emailings are sent within hours, so "received the document from the send time until a day
 * later" singles this emailing out; an individual (transactional) one keeps receiving, so no end.
 */
export function emailCondition(emailing: Emailing, documentName: string, filter: ResultFilter): EmailCondition | null {
  if (emailing.system !== 'publisher' || !documentName) return null;
  const sent = wallClockMs(emailing.timestamp);
  if (sent === null) return null;
  const subprofiles = ['collection', 'miniview'].includes(emailing.target.type);
  const condition: EmailCondition = {
    type: 'Email',
    'match-mode': 'match_profiles_that_received_document',
    document: documentName,
    'required-destination': subprofiles ? 'subprofile' : 'profile',
    'required-result': filter.result,
    operator: '>',
    number: '0',
    'after-time': formatWallClock(sent),
  };
  if (emailing.type !== 'individual') condition['before-time'] = formatWallClock(sent + DAY);
  if (filter.result === 'clickonurl' && filter.url) condition['clicked-url'] = filter.url;
  if (filter.result === 'error' && filter.errors) condition['required-errors'] = filter.errors;
  return condition;
}

/** The contract with the selection builder. */
export function selectionBuilderUrl(databaseId: string, condition: EmailCondition): string {
  return `/databases/${encodeURIComponent(databaseId)}/selections/new?condition=${encodeURIComponent(JSON.stringify(condition))}`;
}

/**
 * `required-errors` takes an error code or one of the listed error types (docs/api/selections.md §4.6); the
 * types `error`, `mailerror` and `unexpected` are not in that list, so they cannot be selected on.
 */
const SELECTABLE_ERROR_TYPES = new Set(['mailmessage', 'unreachable', 'nocontent', 'nohost', 'nodata', 'privateiprange', 'other']);
export function selectableErrorFilter(by: 'type' | 'code', value: string): string | undefined {
  if (!value) return undefined;
  if (by === 'code') return /^\d\.\d{1,3}\.\d{1,3}$/.test(value) ? value : undefined;
  return SELECTABLE_ERROR_TYPES.has(value) ? value : undefined;
}
