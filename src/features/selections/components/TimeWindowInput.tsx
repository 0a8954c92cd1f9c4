import { Button, Fieldset, Group, Menu, Select, Stack, Text, TextInput } from '@mantine/core';
import { SegmentedChoice } from '@/components/SegmentedChoice';
import { useT } from '@/i18n/i18n';
import { selectionMessages } from '../messages';
import type { ConditionProps, ConditionValue } from '../model/condition-catalog';
import { FLOOR_UNITS, formatMutation, type Mutation, parseMutation, TIME_PRESETS, UNITS } from '../model/time-window.utils';
import type { ConditionErrors } from '../model/validate.utils';

type Props = {
  props: ConditionProps;
  onChange: (patch: ConditionProps) => void;
  errors: ConditionErrors;
  idPrefix: string;
  isDate: boolean;
};

const str = (v: ConditionValue | undefined) => (typeof v === 'string' ? v : '');

/** The time block shared by nine condition types: each side open, a fixed date, or relative to now. */
export function TimeWindowInput({ props, onChange, errors, idPrefix, isDate }: Props) {
  const t = useT(selectionMessages);
  return (
    <Fieldset legend={t('timeWindow')} variant="filled" p="xs">
      <Stack gap="xs">
        <Side side="after" label={t('timeFrom')} props={props} onChange={onChange} errors={errors} idPrefix={idPrefix} />
        <Side side="before" label={t('timeUntil')} props={props} onChange={onChange} errors={errors} idPrefix={idPrefix} />
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="subtle" size="compact-xs" w="fit-content">
              {t('presets')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => onChange({ ...TIME_PRESETS.today, 'after-time': '', 'before-time': '' })}>
              {t('presetToday')}
            </Menu.Item>
            <Menu.Item onClick={() => onChange({ ...TIME_PRESETS.yesterday, 'after-time': '', 'before-time': '' })}>
              {t('presetYesterday')}
            </Menu.Item>
            <Menu.Item onClick={() => onChange({ ...TIME_PRESETS.last7days, 'after-time': '', 'before-time': '' })}>
              {t('presetLast7')}
            </Menu.Item>
            <Menu.Item onClick={() => onChange({ ...TIME_PRESETS.last30days, 'after-time': '', 'before-time': '' })}>
              {t('presetLast30')}
            </Menu.Item>
            {isDate && (
              <Menu.Item
                onClick={() => onChange({ ...TIME_PRESETS.today, 'after-time': '', 'before-time': '', 'compare-mode': 'ignoreyear' })}
              >
                {t('presetBirthday')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Stack>
    </Fieldset>
  );
}

function Side({ side, label, props, onChange, errors, idPrefix }: Omit<Props, 'isDate'> & { side: 'after' | 'before'; label: string }) {
  const t = useT(selectionMessages);
  const timeKey = `${side}-time`;
  const mutationKey = `${side}-mutation`;
  const mutation = parseMutation(props[mutationKey]);
  const rawMutation = str(props[mutationKey]);
  const mode = rawMutation ? 'relative' : str(props[timeKey]) ? 'fixed' : 'none';
  const m: Mutation = mutation ?? { direction: 'minus', count: '0', unit: 'day', floorto: 'day' };
  const setM = (patch: Partial<Mutation>) => onChange({ [mutationKey]: formatMutation({ ...m, ...patch }), [timeKey]: '' });
  const id = `${idPrefix}-${side}`;

  return (
    <Stack gap={4}>
      <Group gap="xs" align="center">
        <Text size="sm" fw={500} id={`${id}-label`} miw={110}>
          {label}
        </Text>
        <SegmentedChoice
          size="xs"
          aria-labelledby={`${id}-label`}
          value={mode}
          onChange={(v) => {
            if (v === 'none') onChange({ [timeKey]: '', [mutationKey]: '' });
            if (v === 'fixed') onChange({ [mutationKey]: '', [timeKey]: new Date().toISOString().slice(0, 10) });
            if (v === 'relative') setM({});
          }}
          data={[
            { value: 'none', label: t('timeNone') },
            { value: 'fixed', label: t('timeFixed') },
            { value: 'relative', label: t('timeRelative') },
          ]}
        />
      </Group>
      {mode === 'fixed' && (
        <TextInput
          size="xs"
          id={`${id}-time`}
          label={`${label}: ${t('timeFixed')}`}
          placeholder="YYYY-MM-DD HH:MM:SS"
          value={str(props[timeKey])}
          onChange={(e) => onChange({ [timeKey]: e.currentTarget.value })}
          error={errors[timeKey] ? t(errors[timeKey]) : undefined}
        />
      )}
      {mode === 'relative' && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            size="xs"
            w={70}
            label={t('timeCount')}
            value={m.count}
            onChange={(e) => setM({ count: e.currentTarget.value.replace(/\D/g, '') || '0' })}
          />
          <Select
            size="xs"
            w={110}
            label={t('timeUnit')}
            value={m.unit}
            allowDeselect={false}
            data={UNITS.map((u) => ({ value: u, label: t(`unit_${u}`) }))}
            onChange={(v) => v && setM({ unit: v as Mutation['unit'] })}
          />
          <SegmentedChoice
            size="xs"
            aria-label={label}
            value={m.direction}
            onChange={(v) => setM({ direction: v as Mutation['direction'] })}
            data={[
              { value: 'minus', label: t('timeAgo') },
              { value: 'plus', label: t('timeAhead') },
            ]}
          />
          <Select
            size="xs"
            w={120}
            label={t('timeFloor')}
            value={m.floorto}
            allowDeselect={false}
            data={FLOOR_UNITS.map((u) => ({ value: u, label: t(`unit_${u}`) }))}
            onChange={(v) => v && setM({ floorto: v as Mutation['floorto'] })}
          />
          {errors[mutationKey] && (
            <Text size="xs" c="red.8">
              {t(errors[mutationKey])}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
