import { Alert, Select, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '@/i18n/i18n';
import { EmailingPicker } from '../components/EmailingPicker';
import type { PickerData } from '../editor/picker-data';
import { SLOT_FIELD_TYPES, type SlotValues, type Template } from '../model/templates.utils';
import { templateMessages } from '../template-messages';

/** The parts of a template the user fills in: which field plays which part, how many days, which emailing. */
export function TemplateSlots({
  template,
  values,
  onChange,
  data,
}: {
  template: Template;
  values: SlotValues;
  onChange: (patch: SlotValues) => void;
  data: PickerData;
}) {
  const t = useT(templateMessages);
  const hasDocument = template.slots.some((s) => s.kind === 'document');
  const wantsLink = template.slots.some((s) => s.kind === 'link');

  return (
    <Stack gap="sm">
      {hasDocument && (
        <>
          <EmailingPicker
            idPrefix={`tpl-${template.id}`}
            props={{ 'match-mode': 'match_profiles_that_received_document', 'required-result': wantsLink ? 'clickonurl' : 'view' }}
            onChange={(patch) =>
              onChange({
                ...(typeof patch.document === 'string' ? { document: patch.document } : {}),
                ...(typeof patch['clicked-url'] === 'string' ? { link: patch['clicked-url'] } : {}),
              })
            }
          />
          {values.document && (
            <Text size="sm" data-testid="template-document">
              {t('documentChosen', { name: values.document })}
            </Text>
          )}
        </>
      )}
      {template.slots.map((slot) => {
        const id = `tpl-${template.id}-${slot.name}`;
        const types = SLOT_FIELD_TYPES[slot.kind];
        if (types)
          return (
            <Select
              key={slot.name}
              id={id}
              label={t(`slot_${slot.kind}` as 'slot_dateField')}
              data={data.fields.filter((f) => types.includes(f.type)).map((f) => ({ value: String(f.ID), label: f.name }))}
              value={values[slot.name] || null}
              onChange={(v) => onChange({ [slot.name]: v ?? '' })}
              allowDeselect={false}
            />
          );
        if (slot.kind === 'miniview')
          return data.miniviews.length === 0 ? (
            <Alert key={slot.name} color="yellow" variant="light">
              {t('noMiniviews')}
            </Alert>
          ) : (
            <Select
              key={slot.name}
              id={id}
              label={t('slot_miniview')}
              data={data.miniviews.map((m) => ({ value: m.ID, label: `${m.name} (${m.collection})` }))}
              value={values[slot.name] || null}
              onChange={(v) => onChange({ [slot.name]: v ?? '' })}
              searchable
            />
          );
        if (slot.kind === 'document') return null;
        return (
          <TextInput
            key={slot.name}
            id={id}
            label={t(`slot_${slot.kind}` as 'slot_days')}
            value={values[slot.name] ?? ''}
            inputMode={slot.kind === 'link' ? undefined : 'numeric'}
            onChange={(e) => onChange({ [slot.name]: e.currentTarget.value })}
          />
        );
      })}
    </Stack>
  );
}
