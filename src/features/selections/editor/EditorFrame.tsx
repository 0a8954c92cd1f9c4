import { Anchor, Breadcrumbs, Stack, Title } from '@mantine/core';
import { type ReactNode, useDeferredValue } from 'react';
import { Link } from 'react-router';
import { DatabaseTabs } from '@/components/DatabaseTabs';
import { QueryError } from '@/components/QueryError';
import { TableSkeleton } from '@/components/TableSkeleton';

/** Page frame of both editors: breadcrumbs, the database's sections, title, and the loading / error states in fixed order. */
export function EditorFrame({
  crumbs,
  databaseId,
  title,
  error,
  onRetry,
  loading,
  children,
}: {
  crumbs: { to: string; label: string }[];
  /** The database the selection belongs to: its section links stay in view. */
  databaseId?: string;
  title: string;
  error: unknown;
  onRetry: () => void;
  loading: boolean;
  children: () => ReactNode;
}) {
  // The editor is a large tree: it first renders in a transition, which React splits into short slices, so
  // the page stays responsive while it mounts (the skeleton stays until then).
  const showEditor = useDeferredValue(!loading && !error);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        {crumbs.map((c) => (
          <Anchor key={c.to} component={Link} to={c.to} size="sm">
            {c.label}
          </Anchor>
        ))}
      </Breadcrumbs>
      {databaseId && <DatabaseTabs databaseId={databaseId} active="selections" />}
      <Title order={1}>{title}</Title>
      {error ? <QueryError error={error} onRetry={onRetry} /> : loading || !showEditor ? <TableSkeleton rows={6} /> : children()}
    </Stack>
  );
}
