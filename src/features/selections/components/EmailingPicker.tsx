import { Group, Select } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { selectionEmailingQueries } from '@/api/selection-emailings';
import { useFormat, useT } from '@/i18n/i18n';
import { selectionMessages } from '../messages';
import type { ConditionProps } from '../model/condition-catalog';

/**
 * For Email conditions: pick a sent Publisher emailing (fills in its document's name and switches to
 * "received the document") and, for "clicked a given link", one of the links clicked in it.
 */
export function EmailingPicker({
  props,
  onChange,
  idPrefix,
}: {
  props: ConditionProps;
  onChange: (patch: ConditionProps) => void;
  idPrefix: string;
}) {
  const t = useT(selectionMessages);
  const fmt = useFormat();
  const qc = useQueryClient();
  const [emailingId, setEmailingId] = useState<string | null>(null);
  const emailings = useQuery(selectionEmailingQueries.recent());
  const links = useQuery({
    ...selectionEmailingQueries.clickedLinks(emailingId ?? ''),
    enabled: !!emailingId && props['required-result'] === 'clickonurl',
  });

  async function pick(id: string | null) {
    setEmailingId(id);
    const emailing = emailings.data?.find((e) => e.id === id);
    if (!emailing) return;
    const name = await qc.fetchQuery(selectionEmailingQueries.documentName(emailing.document));
    const mode = String(props['match-mode'] ?? '');
    onChange({ document: name, 'match-mode': mode.includes('not_document') ? mode : 'match_profiles_that_received_document' });
  }

  return (
    <Group grow align="flex-start">
      <Select
        id={`${idPrefix}-emailing`}
        size="sm"
        label={t('pickEmailing')}
        title={t('pickEmailingHint')}
        data={(emailings.data ?? []).map((e) => ({ value: e.id, label: `${e.subject} · ${fmt.date(e.timestamp)}` }))}
        value={emailingId}
        onChange={(v) => void pick(v)}
        searchable
        selectFirstOptionOnChange
        limit={60}
        error={emailings.isError ? emailings.error.message : undefined}
        nothingFoundMessage={t('noMatches')}
      />
      {emailingId && props['required-result'] === 'clickonurl' && (
        <Select
          id={`${idPrefix}-link`}
          size="sm"
          label={t('pickLink')}
          data={links.data ?? []}
          value={null}
          onChange={(v) => v && onChange({ 'clicked-url': v })}
          searchable
          selectFirstOptionOnChange
          limit={60}
          nothingFoundMessage={t('noMatches')}
        />
      )}
    </Group>
  );
}
