// What the reference evaluator (reference.ts) reads: the rows, sets and mailings the tests wrote, as plain
// data. Types only, in a file of their own, so the evaluator, its Email part and the mailings writer can all
// use them without importing each other.

export type Row = Record<string, unknown> & { id: number; created: string; modified: string; removed: string | null };
export interface FieldInfo {
  id: number;
  name: string;
  type: string;
}
export interface RefCondition {
  type: string;
  body: Record<string, unknown>;
}
export interface RefRule {
  inversed: boolean;
  disabled: boolean;
  conditions: RefCondition[];
}
export interface RefSet {
  rules: RefRule[];
  /** Parent view ID (nested views). */
  parent?: number;
}
export interface World {
  /** Amsterdam wall-clock "now", `YYYY-MM-DD hh:mm:ss`. */
  now: string;
  profiles: Row[];
  subprofiles: (Row & { profile_id: number })[];
  fields: FieldInfo[];
  subFields: FieldInfo[];
  interests: { id: number; name: string; group: string }[];
  profileInterests: Map<number, Set<number>>;
  views: Map<number, RefSet>;
  miniviews: Map<number, RefSet>;
  /** Publisher/MS mailing results (mailings.ts), for the Email condition. */
  mailings?: MailDestination[];
  /** The core's change log (Change condition): field changes of profiles and subprofiles, interest changes. */
  fieldChanges?: { profile_id: number; field_id: number; ts: string }[];
  subFieldChanges?: { subprofile_id: number; field_id: number; ts: string }[];
  interestChanges?: { profile_id: number; interest_id: number; gained: number; ts: string }[];
}

export interface MailEmailing {
  id: number;
  system: 'publisher' | 'ms';
  template: string;
  document: string;
}
export interface MailDestination {
  internal: number;
  emailing: MailEmailing;
  profileId: number | null;
  subprofileId: number | null;
  sent: string;
  impressions: number;
  clicks: string[];
  errors: { code: string; type: string }[];
  abuses: number;
}
