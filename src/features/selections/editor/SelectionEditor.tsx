import { ActionIcon, Alert, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowForwardUp, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { countWrites, runSelectionWrites, SelectionWriteError, type WriteJob } from '@/api/selection-writes';
import { fetchRules, type Miniview, type SelectionOwner, type SelectionScope, selectionQueries, type View } from '@/api/selections';
import { HintTooltip } from '@/components/HintTooltip';
import { UnsavedChangesGuard } from '@/components/UnsavedChangesGuard';
import { useLocale, useT } from '@/i18n/i18n';
import { AddConditionPicker } from '../components/AddConditionPicker';
import { ExplainPanel } from '../components/ExplainPanel';
import { LivePanel } from '../components/LivePanel';
import { RuleCard } from '../components/RuleCard';
import { SaveDialog } from '../components/SaveDialog';
import { SettingsPanel } from '../components/SettingsPanel';
import { useConditionLabels } from '../condition-labels';
import { type LiveBase, useLiveCounts } from '../live/useLiveCounts';
import { selectionMessages } from '../messages';
import { CONDITION_TYPES, MINIVIEW_CONDITION_TYPES } from '../model/condition-catalog';
import { activeRules, draftFromApi, type SelectionDraft } from '../model/draft.utils';
import { assignIds, planSave, type SaveStep } from '../model/save-plan.utils';
import { describeSelection } from '../model/sentence.utils';
import { validateDraft, validateSelectionName } from '../model/validate.utils';
import { describeStep } from './describe-step';
import { ERROR_COLOR } from './error-color';
import { fieldInfos, nameLookup, type PickerData } from './picker-data';
import { useDraftHistory } from './useDraftHistory';

export type SelectionEditorProps = {
  scope: SelectionScope;
  databaseId: string;
  selection: View | Miniview | null;
  savedDraft: SelectionDraft;
  initialDraft: SelectionDraft;
  createIn?: SelectionOwner;
  parentName: string;
  nested: boolean;
  data: PickerData;
  liveBase: LiveBase;
  onSaved: (selectionId: string) => void;
};

/** The view / miniview editor: rule cards, live counts, explanations, review and save with undo/redo. */
export function SelectionEditor(props: SelectionEditorProps) {
  const { scope, selection, data, liveBase } = props;
  const t = useT(selectionMessages);
  const labels = useConditionLabels();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const history = useDraftHistory(props.initialDraft);
  const { draft, dispatch } = history;
  const [baseline, setBaseline] = useState(props.savedDraft);
  const [selectionId, setSelectionId] = useState(selection?.ID);
  const [name, setName] = useState(selection?.name ?? '');
  const [description, setDescription] = useState(selection?.description ?? '');
  const [savedSettings, setSavedSettings] = useState({ name: selection?.name ?? '', description: selection?.description ?? '' });
  const [reviewing, setReviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const fields = useMemo(() => fieldInfos(data), [data]);
  const live = useLiveCounts(liveBase, draft, fields);
  const errors = useMemo(() => validateDraft(draft, fields), [draft, fields]);
  const nameError = validateSelectionName(name);
  const plan = useMemo(() => planSave(baseline, draft), [baseline, draft]);
  const settingsChanged = name !== savedSettings.name || description !== savedSettings.description;
  const job: WriteJob<SaveStep> = {
    scope,
    selectionId,
    createIn: props.createIn,
    settings: settingsChanged || !selectionId ? { name, description } : undefined,
    plan,
  };
  const changes = plan.length + (settingsChanged ? 1 : 0) + (selectionId ? 0 : 1);
  const types = scope === 'view' ? CONDITION_TYPES : MINIVIEW_CONDITION_TYPES;
  const sentence = useMemo(
    () =>
      describeSelection(draft, {
        lang: locale,
        labels,
        names: nameLookup(data),
        subprofiles: scope === 'miniview',
        parentName: props.parentName,
      }),
    [draft, locale, labels, data, scope, props.parentName],
  );
  const noActiveRule = activeRules(draft).length === 0;

  async function reloadBaseline(id: string) {
    setBaseline(draftFromApi(await fetchRules(scope, id)));
  }

  async function save() {
    setSaving(true);
    setFailure(null);
    try {
      const outcome = await runSelectionWrites(job, (done, total) => setProgress({ done, total }));
      history.replace(assignIds(draft, outcome.ruleIds, outcome.conditionIds));
      setSelectionId(outcome.selectionId);
      setSavedSettings({ name, description });
      await reloadBaseline(outcome.selectionId);
      await qc.invalidateQueries({ queryKey: selectionQueries.all() });
      notifications.show({ message: t('saved') });
      setReviewing(false);
      props.onSaved(outcome.selectionId);
    } catch (e) {
      if (!(e instanceof SelectionWriteError)) throw e;
      // Keep the draft; give it the IDs of what did get created so a retry does not create it twice.
      history.replace(assignIds(draft, e.outcome.ruleIds ?? new Map(), e.outcome.conditionIds ?? new Map()));
      if (e.outcome.selectionId) {
        setSelectionId(e.outcome.selectionId);
        setSavedSettings({ name, description });
        await reloadBaseline(e.outcome.selectionId).catch(() => {});
      }
      setFailure(
        t('saveFailed', { step: describeStep(e.failed as SelectionWriteError<SaveStep>['failed'], t, labels), message: e.message }),
      );
    } finally {
      setSaving(false);
      setProgress(null);
    }
  }

  // Ask before leaving with unsaved edits; not while saving (a new selection navigates to its own page).
  const hasUnsavedChanges = (plan.length > 0 || settingsChanged) && !saving;

  return (
    <Grid gap="md" style={ERROR_COLOR}>
      <UnsavedChangesGuard when={hasUnsavedChanges} />
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <SettingsPanel
            scope={scope}
            selection={selection}
            name={name}
            description={description}
            nameError={name ? nameError : null}
            onName={setName}
            onDescription={setDescription}
            fields={data.fields}
          />
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs">
              <HintTooltip label={`${t('undo')} (Ctrl+Z)`}>
                <ActionIcon variant="default" size="lg" aria-label={t('undo')} disabled={!history.canUndo} onClick={history.undo}>
                  <IconArrowBackUp size={18} aria-hidden />
                </ActionIcon>
              </HintTooltip>
              <HintTooltip label={`${t('redo')} (Ctrl+Shift+Z)`}>
                <ActionIcon variant="default" size="lg" aria-label={t('redo')} disabled={!history.canRedo} onClick={history.redo}>
                  <IconArrowForwardUp size={18} aria-hidden />
                </ActionIcon>
              </HintTooltip>
              <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => dispatch({ kind: 'addRule' })}>
                {t('addRule')}
              </Button>
            </Group>
            <Group gap="xs">
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="change-count">
                {errors.count + (nameError ? 1 : 0) > 0
                  ? t('fixErrors', { count: errors.count + (nameError ? 1 : 0) })
                  : changes > 0
                    ? t('unsavedChanges', { count: changes })
                    : t('noChanges')}
              </Text>
              <Button
                onClick={() => setReviewing(true)}
                disabled={changes === 0 || errors.count > 0 || !!nameError}
                data-testid="save-selection"
              >
                {t('save')}
              </Button>
            </Group>
          </Group>
          <Text size="sm">{t(scope === 'view' ? 'rulesExplained' : 'miniRulesExplained')}</Text>
          {draft.rules.length === 0 ? (
            <Alert variant="light" color="gray">
              {t('noRules')}
            </Alert>
          ) : (
            noActiveRule && (
              <Alert variant="light" color="yellow">
                {t('allDisabled')}
              </Alert>
            )
          )}
          {draft.rules.map((rule, i) => (
            <Stack key={rule.key} gap="xs">
              {i > 0 && (
                <Text ta="center" fw={700} size="sm" aria-hidden>
                  {rule.inversed ? t('orNot') : t('or')}
                </Text>
              )}
              <RuleCard
                rule={rule}
                index={i}
                count={draft.rules.length}
                live={live.rules[rule.key]}
                pending={live.pending}
                errors={errors}
                data={data}
                types={types}
                dispatch={dispatch}
              />
            </Stack>
          ))}
          {draft.rules.length === 0 && (
            <AddConditionPicker
              id="new-rule-condition"
              data={data}
              types={types}
              onPick={(type, p) => dispatch({ kind: 'addRule', conditions: [{ type, props: p }] })}
            />
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md" pos="sticky" top={72}>
          <LivePanel live={live} subprofiles={scope === 'miniview'} sentence={sentence} />
          <ExplainPanel
            scope={scope}
            databaseId={props.databaseId}
            draft={draft}
            data={data}
            nested={props.nested}
            withScratch={live.withScratch}
          />
        </Stack>
      </Grid.Col>
      <SaveDialog
        opened={reviewing}
        onClose={() => setReviewing(false)}
        scope={scope}
        savedId={selectionId}
        lastBuilt={selection?.['last-built']}
        calls={countWrites(job)}
        withScratch={live.withScratch}
        onConfirm={() => void save()}
        saving={saving}
        progress={progress}
        failure={failure}
      />
    </Grid>
  );
}
