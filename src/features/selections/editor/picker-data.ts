import type { DatabaseField, Interest } from '@/api/databases';
import type { NameLookup } from '../model/sentence.utils';
import type { FieldInfo } from '../model/validate.utils';

/** What the condition forms can pick from: the scope's fields, the database's interests, miniviews and views. */
export type PickerData = {
  fields: DatabaseField[];
  interests: Interest[];
  miniviews: { ID: string; name: string; collection: string }[];
  views: { ID: string; name: string; path: string }[];
  /** The selection being edited and its descendants: a ReferView to them would be a cycle (§4.12). */
  excludedViews: ReadonlySet<string>;
};

export const EMPTY_PICKER_DATA: PickerData = { fields: [], interests: [], miniviews: [], views: [], excludedViews: new Set() };

export function fieldInfos(data: PickerData): FieldInfo[] {
  return data.fields.map((f) => ({ ID: String(f.ID), name: f.name, type: f.type }));
}

/** Names for IDs in sentences; an unknown reference shows as given. */
export function nameLookup(data: PickerData): NameLookup {
  const by = <T extends { ID: string; name: string }>(list: T[]) => {
    const map = new Map<string, string>();
    for (const x of list) {
      map.set(String(x.ID), x.name);
      map.set(x.name.toLowerCase(), x.name);
    }
    return (ref: string) => map.get(ref) ?? map.get(ref.toLowerCase()) ?? ref;
  };
  return { field: by(data.fields), interest: by(data.interests), view: by(data.views), miniview: by(data.miniviews) };
}
