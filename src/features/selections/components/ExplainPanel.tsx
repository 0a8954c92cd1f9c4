import { Badge, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconQuestionMark, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { fetchMember, findProfileBy, type SelectionScope } from '@/api/selections';
import { useLocale, useT } from '@/i18n/i18n';
import { useConditionLabels } from '../condition-labels';
import { nameLookup, type PickerData } from '../editor/picker-data';
import type { ScratchSelection } from '../live/scratch-selection';
import { selectionMessages } from '../messages';
import type { SelectionDraft } from '../model/draft.utils';
import { EXPLAINABLE, type Explanation, explain, type Subject, type Verdict } from '../model/explain.utils';
import { describeCondition } from '../model/sentence.utils';

type Props = {
  scope: SelectionScope;
  databaseId: string;
  draft: SelectionDraft;
  data: PickerData;
  nested: boolean;
  withScratch: <T>(read: (scratch: ScratchSelection) => Promise<T>) => Promise<T>;
};

function Decided() {
  const t = useT(selectionMessages);
  return (
    <Badge size="xs" variant="outline" color="blue" data-testid="explain-decided">
      {t('explainDecided')}
    </Badge>
  );
}

function VerdictIcon({ v }: { v: Verdict }) {
  if (v === true) return <IconCheck size={16} color="var(--mantine-color-green-8)" aria-hidden />;
  if (v === false) return <IconX size={16} color="var(--mantine-color-red-8)" aria-hidden />;
  return <IconQuestionMark size={16} aria-hidden />;
}

/** "Why is this profile in or out": per condition ✓/✗ with the deciding value, plus the API's own answer. */
export function ExplainPanel({ scope, databaseId, draft, data, nested, withScratch }: Props) {
  const t = useT(selectionMessages);
  const labels = useConditionLabels();
  const { locale } = useLocale();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ subject: Subject; explanation: Explanation; api?: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function find(q: string): Promise<Subject | null> {
    if (/^\d+$/.test(q)) return fetchMember(scope, q);
    const emailField = data.fields.find((f) => f.type === 'email')?.name ?? 'email';
    return findProfileBy(databaseId, emailField, q);
  }

  async function run() {
    const q = query.trim();
    if (!q) return;
    setBusy(true);
    setError(null);
    try {
      const subject = await find(q);
      if (!subject || subject.removed) {
        setResult(null);
        setError(t('explainNotFound', { q }));
        return;
      }
      const fields = data.fields.map((f) => ({ ID: String(f.ID), name: f.name, type: f.type }));
      const explanation = explain(draft, subject, { fields, interests: data.interests, now: new Date() });
      setResult({ subject, explanation });
      const inApi = await withScratch((scratch) => scratch.contains(String(subject.ID)));
      setResult({ subject, explanation, api: inApi });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const overall = result?.explanation.verdict;
  // The condition as the sentence words it, next to the profile's own value.
  const names = nameLookup(data);
  const conditionText = (key: string) => {
    const c = draft.rules.flatMap((r) => r.conditions).find((x) => x.key === key);
    return c ? describeCondition(c, locale, labels, names) : '';
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t(scope === 'view' ? 'explainTitle' : 'explainSubTitle')}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t(scope === 'view' ? 'explainInput' : 'explainInputSub')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              style={{ flex: 1 }}
              size="sm"
            />
            <Button type="submit" size="sm" loading={busy}>
              {t('explainButton')}
            </Button>
          </Group>
        </form>
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
        {result && (
          <Stack gap="xs" data-testid="explanation">
            <Group gap="xs">
              <Badge color={overall === true ? 'green' : overall === false ? 'red' : 'gray'} variant="light">
                {overall === true ? t('explainIn') : overall === false ? t('explainOut') : t('explainUnknown')}
              </Badge>
              {result.api !== undefined && (
                <Text size="sm" data-testid="explain-api">
                  {t('explainApi', { verdict: t(result.api ? 'explainApiIn' : 'explainApiOut') })}
                </Text>
              )}
            </Group>
            {nested && (
              <Text size="xs" c="dimmed">
                {t('explainParent')}
              </Text>
            )}
            <List spacing={4} size="sm" listStyleType="none">
              {result.explanation.rules.map((r) => (
                <List.Item key={r.key}>
                  <Group gap={6}>
                    <VerdictIcon v={r.verdict} />
                    <Text size="sm" fw={600}>
                      {r.inversed ? `${t('orNot')} ` : ''}
                      {r.name}
                    </Text>
                    {!r.active && (
                      <Text size="xs" c="dimmed">
                        ({t('explainRuleInactive')})
                      </Text>
                    )}
                    {r.decisive && <Decided />}
                  </Group>
                  <List size="sm" withPadding listStyleType="none">
                    {r.conditions.map((c) => (
                      <List.Item key={c.key}>
                        <Group gap={6} wrap="nowrap">
                          <VerdictIcon v={c.verdict} />
                          <Stack gap={0}>
                            <Text size="sm">{conditionText(c.key)}</Text>
                            <Text size="xs" c="dimmed">
                              {EXPLAINABLE.has(c.type) && c.field !== undefined
                                ? t('explainProfileValue', { field: c.field, value: c.value ?? '' })
                                : t('explainCannot')}
                            </Text>
                          </Stack>
                          {c.decisive && <Decided />}
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
