import { Alert, Button, FileInput, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import Papa from 'papaparse';
import { useState } from 'react';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useT } from '@/i18n/i18n';
import { useDatabase, useDatabaseId } from '../database/use-database';
import { DryRunButton } from '../profiles/DryRunControls';
import { autoMap, type ColumnMapping, duplicateTargets, summarize } from './csv.utils';
import { DryRunReport, ImportResultReport } from './ImportReport';
import { MappingTable } from './MappingTable';
import { importExportMessages } from './messages';
import { useImport } from './use-import';

type Parsed = { name: string; headers: string[]; rows: Record<string, string>[]; errors: number };

/** CSV import: map columns, choose a key, dry run (creates/updates/bad values), then write with a report. */
export function ImportPage() {
  const t = useT(importExportMessages);
  const databaseId = useDatabaseId();
  const database = useDatabase();
  const fields = database.data?.fields.data ?? [];
  const [file, setFile] = useState<File | null>(null);
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [keyField, setKeyField] = useState('');
  const imp = useImport(databaseId, fields);

  function handleFile(f: File | null) {
    setFile(f);
    setParsed(null);
    imp.reset();
    if (!f) return;
    Papa.parse<Record<string, string>>(f, {
      header: true,
      skipEmptyLines: 'greedy',
      complete: (res) => {
        const headers = (res.meta.fields ?? []).filter(Boolean);
        setParsed({ name: f.name, headers, rows: res.data, errors: res.errors.length });
        const m = autoMap(headers, fields);
        setMapping(m);
        setKeyField(Object.values(m).find((n) => fields.find((x) => x.name === n)?.type === 'email') ?? '');
      },
    });
  }

  if (database.isPending) return <TableSkeleton rows={4} />;
  if (database.isError) return <QueryError error={database.error} onRetry={() => void database.refetch()} />;
  const s = imp.state;
  const plans = s.phase === 'planned' || s.phase === 'importing' || s.phase === 'done' ? s.plans : null;
  const mappedAny = Object.values(mapping).some(Boolean);
  const canDryRun =
    parsed && mappedAny && duplicateTargets(mapping).length === 0 && (s.phase === 'idle' || s.phase === 'planned' || s.phase === 'failed');
  const runnable = plans ? summarize(plans).creates + summarize(plans).updates : 0;

  return (
    <Stack>
      <Title order={2}>{t('importTitle')}</Title>
      <Paper withBorder p="md">
        <Stack>
          <FileInput
            label={t('chooseFile')}
            description={t('chooseFileHint')}
            accept=".csv,text/csv"
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
            value={file}
            onChange={handleFile}
            clearable
            clearButtonProps={{ 'aria-label': t('clearFile') }}
            w={420}
          />
          {parsed && (
            <Text size="sm">
              {t('rowsRead', { count: parsed.rows.length, name: parsed.name })}
              {parsed.errors > 0 && ` · ${t('parseErrors', { count: parsed.errors })}`}
            </Text>
          )}
          {parsed && (
            <MappingTable
              headers={parsed.headers}
              firstRow={parsed.rows[0]}
              fields={fields}
              mapping={mapping}
              onMapping={(m) => {
                setMapping(m);
                imp.reset();
              }}
              keyField={keyField}
              onKeyField={(k) => {
                setKeyField(k);
                imp.reset();
              }}
            />
          )}
          {parsed && !mappedAny && <Text size="sm">{t('nothingMapped')}</Text>}
          {parsed && (
            <DryRunButton
              label={t('dryRun')}
              hint={t('dryRunHint')}
              onClick={() => void imp.dryRun(parsed.rows, mapping, keyField || null)}
              disabled={!canDryRun}
            />
          )}
          {s.phase === 'checking' && (
            <Progress
              value={s.total ? (s.done / s.total) * 100 : 0}
              animated
              aria-label={t('checking', { done: s.done, total: s.total })}
            />
          )}
          {s.phase === 'failed' && (
            <Alert color="red" role="alert">
              {s.message}
            </Alert>
          )}
          {plans && <DryRunReport plans={plans} />}
          {s.phase === 'planned' && runnable > 0 && (
            <Button w="fit-content" onClick={() => void imp.run(s.plans, keyField || null)}>
              {t('runImport', { count: runnable })}
            </Button>
          )}
          {s.phase === 'importing' && (
            <Stack gap={4}>
              <Progress
                value={s.total ? (s.done / s.total) * 100 : 0}
                animated
                aria-label={t('importing', { done: s.done, total: s.total })}
              />
              <Text size="sm" aria-live="polite">
                {t('importing', { done: s.done, total: s.total })}
              </Text>
            </Stack>
          )}
          {s.phase === 'done' && (
            <>
              <ImportResultReport result={s.result} />
              <Button variant="default" w="fit-content" onClick={() => handleFile(null)}>
                {t('startOver')}
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
