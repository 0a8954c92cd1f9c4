import { Alert, Anchor, Button, Grid, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { runSelectionWrites, SelectionWriteError } from '@/api/selection-writes';
import { selectionQueries } from '@/api/selections';
import { useLocale, useT } from '@/i18n/i18n';
import { LivePanel } from '../components/LivePanel';
import { useConditionLabels } from '../condition-labels';
import { describeStep } from '../editor/describe-step';
import { EditorFrame } from '../editor/EditorFrame';
import { fieldInfos, nameLookup } from '../editor/picker-data';
import { usePickerData } from '../editor/usePickerData';
import { useLiveCounts } from '../live/useLiveCounts';
import { selectionMessages } from '../messages';
import { EMPTY_DRAFT } from '../model/draft.utils';
import { planSave, type SaveStep } from '../model/save-plan.utils';
import { describeSelection } from '../model/sentence.utils';
import {
  initialSlotValues,
  missingFieldKinds,
  type SlotValues,
  TEMPLATES,
  type TemplateId,
  templateDraft,
  unfilledSlots,
} from '../model/templates.utils';
import { validateSelectionName } from '../model/validate.utils';
import { templateMessages } from '../template-messages';
import { TemplateSlots } from './TemplateSlots';

/**
 * `/databases/:databaseId/selections/templates`: pick a template, fill in its parts, see its sentence and live count,
 * then create it (or open it in the editor to adjust first).
 */
export function TemplatesPage() {
  const t = useT(templateMessages);
  const ts = useT(selectionMessages);
  const databaseId = useParams().databaseId ?? '';
  const picker = usePickerData(databaseId, {});
  return (
    <EditorFrame
      databaseId={databaseId}
      crumbs={[
        { to: `/databases/${databaseId}`, label: picker.database.data?.name ?? '…' },
        { to: `/databases/${databaseId}/selections`, label: ts('title') },
      ]}
      title={t('pageTitle')}
      error={picker.error}
      onRetry={() => void picker.retry()}
      loading={!picker.data}
    >
      {() => (
        <TemplateChooser
          databaseId={databaseId}
          databaseName={picker.database.data?.name ?? ''}
          data={picker.data as NonNullable<typeof picker.data>}
        />
      )}
    </EditorFrame>
  );
}

function TemplateChooser({
  databaseId,
  databaseName,
  data,
}: {
  databaseId: string;
  databaseName: string;
  data: NonNullable<ReturnType<typeof usePickerData>['data']>;
}) {
  const t = useT(templateMessages);
  const ts = useT(selectionMessages);
  const labels = useConditionLabels();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const fields = useMemo(() => fieldInfos(data), [data]);
  const [templateId, setTemplateId] = useState<TemplateId>('engaged');
  const template = TEMPLATES.find((x) => x.id === templateId) ?? (TEMPLATES[0] as (typeof TEMPLATES)[number]);
  const [valuesById, setValuesById] = useState<Partial<Record<TemplateId, SlotValues>>>({});
  const values = valuesById[templateId] ?? initialSlotValues(template, fields);
  const [name, setName] = useState<string | null>(null);
  const shownName = name ?? t(`${templateId}Title`);
  const [busy, setBusy] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<{ message: string; createdId?: string } | null>(null);

  const missing = missingFieldKinds(template, fields);
  const ready = missing.length === 0 && unfilledSlots(template, values).length === 0;
  const draft = useMemo(() => (ready ? templateDraft(template, values) : EMPTY_DRAFT), [ready, template, values]);
  const live = useLiveCounts({ scope: 'view', scratchParent: { kind: 'database', id: databaseId } }, draft, fields);
  const sentence = describeSelection(draft, {
    lang: locale,
    labels,
    names: nameLookup(data),
    subprofiles: false,
    parentName: databaseName,
  });
  const nameError = validateSelectionName(shownName);

  async function create() {
    setFailure(null);
    setBusy({ done: 0, total: 1 });
    try {
      const outcome = await runSelectionWrites(
        {
          scope: 'view',
          createIn: { kind: 'database', id: databaseId },
          settings: { name: shownName.trim(), description: sentence },
          plan: planSave(EMPTY_DRAFT, draft),
        },
        (done, total) => setBusy({ done, total }),
      );
      await qc.invalidateQueries({ queryKey: selectionQueries.all() });
      void navigate(`/views/${outcome.selectionId}`);
    } catch (e) {
      const error = e instanceof SelectionWriteError ? (e as SelectionWriteError<SaveStep>) : null;
      const step = error ? describeStep(error.failed, ts, labels) : ts('stepCreateView');
      setFailure({
        message: t('createFailed', { step, message: e instanceof Error ? e.message : String(e) }),
        createdId: error?.outcome.selectionId,
      });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Radio.Group value={templateId} onChange={(v) => setTemplateId(v as TemplateId)} label={t('chooseTemplate')}>
          <Stack gap="xs" mt="xs">
            {TEMPLATES.map((x) => (
              <Radio.Card key={x.id} value={x.id} p="sm" radius="md" data-testid={`template-${x.id}`}>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <div>
                    <Text fw={600} size="sm">
                      {t(`${x.id}Title`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`${x.id}Text`)}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t(`${templateId}Title`)}
              </Title>
              {missing.length > 0 ? (
                missing.map((kind) => (
                  <Alert key={kind} color="yellow" variant="light" data-testid="template-missing">
                    {t(`missing_${kind}` as 'missing_dateField')}
                  </Alert>
                ))
              ) : (
                <TemplateSlots
                  template={template}
                  values={values}
                  data={data}
                  onChange={(patch) => setValuesById((all) => ({ ...all, [templateId]: { ...values, ...patch } }))}
                />
              )}
            </Stack>
          </Paper>
          {ready ? (
            <LivePanel live={live} subprofiles={false} sentence={sentence} />
          ) : (
            missing.length === 0 && <Text c="dimmed">{t('unfilled')}</Text>
          )}
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <TextInput
                label={t('createName')}
                value={shownName}
                onChange={(e) => setName(e.currentTarget.value)}
                error={nameError ? ts(nameError) : undefined}
              />
              {failure && (
                <Alert color="red" variant="light" role="alert">
                  <Text size="sm">{failure.message}</Text>
                  {failure.createdId && (
                    <Anchor component={Link} to={`/views/${failure.createdId}`} size="sm">
                      {t('partlyCreated')}
                    </Anchor>
                  )}
                </Alert>
              )}
              <Group>
                <Button onClick={() => void create()} disabled={!ready || !!nameError || busy !== null} loading={busy !== null}>
                  {t('create')}
                </Button>
                <Button
                  variant="default"
                  disabled={!ready}
                  onClick={() => void navigate(`/databases/${databaseId}/selections/new`, { state: { draft } })}
                >
                  {t('openInEditor')}
                </Button>
                {busy && (
                  <Text size="sm" c="dimmed">
                    {t('creating', busy)}
                  </Text>
                )}
              </Group>
            </Stack>
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
