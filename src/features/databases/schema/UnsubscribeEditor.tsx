import { ActionIcon, Alert, Button, Group, NativeSelect, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { DatabaseField, UnsubscribeBehavior } from '@/api/databases';
import { type UnsubscribeOwner, useUpdateUnsubscribeBehavior } from '@/api/unsubscribe';
import { useNotify } from '@/components/notify';
import { useT } from '@/i18n/i18n';
import { FieldValueInput } from '../fields/FieldValueInput';
import { schemaMessages } from './messages';

/** GET/PUT database|collection/$id/unsubscribe: nothing, remove, or update with field values. */
export function UnsubscribeEditor({
  owner,
  current,
  fields,
}: {
  owner: UnsubscribeOwner;
  current: UnsubscribeBehavior;
  fields: DatabaseField[];
}) {
  const t = useT(schemaMessages);
  const notify = useNotify();
  const save = useUpdateUnsubscribeBehavior(owner);
  const [behavior, setBehavior] = useState(current.behavior);
  const [values, setValues] = useState<[string, string][]>(Object.entries(current.fields ?? {}));
  const unused = fields.filter((f) => !values.some(([n]) => n === f.name));

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ behavior, fields: Object.fromEntries(values) }, { onSuccess: () => notify(t('saved')) });
        }}
      >
        <Stack>
          <div>
            <Title order={3}>{t('unsubscribeTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('unsubscribeHint')}
            </Text>
          </div>
          {save.isError && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <Radio.Group label={t('behavior')} value={behavior} onChange={(v) => setBehavior(v as UnsubscribeBehavior['behavior'])}>
            <Stack gap={6} mt={6}>
              <Radio value="nothing" label={t('behaviorNothing')} />
              <Radio value="remove" label={t('behaviorRemove')} />
              <Radio value="update" label={t('behaviorUpdate')} />
            </Stack>
          </Radio.Group>
          {behavior === 'update' && (
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('updateFields')}
              </Text>
              {values.map(([name, value], i) => {
                const field = fields.find((f) => f.name === name) ?? { name, type: 'text', value: '' };
                return (
                  <Group key={name} align="flex-end" gap="xs">
                    <FieldValueInput
                      field={field}
                      label={name}
                      value={value}
                      onChange={(v) => setValues((all) => all.map((x, j) => (j === i ? [name, v] : x)))}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t('removeValue', { name })}
                      onClick={() => setValues((all) => all.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                );
              })}
              {unused.length > 0 && (
                <Group gap="xs" align="flex-end">
                  <NativeSelect
                    aria-label={t('addValue')}
                    data={[{ value: '', label: t('addValue') }, ...unused.map((f) => f.name)]}
                    value=""
                    onChange={(e) => {
                      const name = e.currentTarget.value;
                      if (name) setValues((all) => [...all, [name, '']]);
                    }}
                  />
                  <IconPlus size={16} aria-hidden />
                </Group>
              )}
            </Stack>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
