import { Select } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useT } from '@/i18n/i18n';
import { useConditionLabels } from '../condition-labels';
import type { PickerData } from '../editor/picker-data';
import { selectionMessages } from '../messages';
import { CONDITION_TYPES, type ConditionProps, type ConditionType } from '../model/condition-catalog';

const DATE_TYPES = new Set(['date', 'empty_date', 'datetime', 'empty_datetime']);
const LIMIT = 50;

/**
 * Searchable, grouped picker for a new condition: a field (Field, or Date for date fields), an interest,
 * a mini selection, or any condition type. Combobox with a limit: copes with hundreds of fields.
 */
export function AddConditionPicker({
  data,
  types,
  onPick,
  id,
}: {
  data: PickerData;
  types: readonly ConditionType[];
  onPick: (type: ConditionType, props: ConditionProps) => void;
  id: string;
}) {
  const t = useT(selectionMessages);
  const labels = useConditionLabels();
  const [value, setValue] = useState<string | null>(null);

  const groups = useMemo(() => {
    const out = [
      {
        group: t('groupFields'),
        items: data.fields.map((f) => ({ value: `field:${f.ID}`, label: f.name })),
      },
    ];
    if (types.includes('Interest'))
      out.push({ group: t('groupInterests'), items: data.interests.map((i) => ({ value: `interest:${i.ID}`, label: i.name })) });
    if (types.includes('MiniView'))
      out.push({
        group: t('groupMiniviews'),
        items: data.miniviews.map((m) => ({ value: `miniview:${m.ID}`, label: `${m.collection} › ${m.name}` })),
      });
    out.push({
      group: t('groupTypes'),
      items: CONDITION_TYPES.filter((x) => types.includes(x)).map((x) => ({ value: `type:${x}`, label: labels.type(x) })),
    });
    return out.filter((g) => g.items.length);
  }, [data, types, t, labels]);

  function handle(v: string | null) {
    setValue(null);
    if (!v) return;
    const [kind, ref = ''] = [v.slice(0, v.indexOf(':')), v.slice(v.indexOf(':') + 1)];
    if (kind === 'field') {
      const field = data.fields.find((f) => String(f.ID) === ref);
      if (field && DATE_TYPES.has(field.type) && types.includes('Date')) onPick('Date', { field: ref });
      else onPick('Field', { field: ref });
    } else if (kind === 'interest') onPick('Interest', { interest: ref, 'match-mode': 'match_profiles_with_interest' });
    else if (kind === 'miniview') onPick('MiniView', { 'mini-view': ref });
    else onPick(ref as ConditionType, {});
  }

  return (
    <Select
      id={id}
      size="sm"
      label={t('addCondition')}
      placeholder={t('addConditionPlaceholder')}
      data={groups}
      value={value}
      onChange={handle}
      searchable
      selectFirstOptionOnChange
      limit={LIMIT}
      nothingFoundMessage={t('noMatches')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
