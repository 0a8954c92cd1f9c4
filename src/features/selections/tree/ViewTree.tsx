import { ActionIcon, Anchor, Badge, Group, Loader, Menu, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDots } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { selectionQueries, type View } from '@/api/selections';
import { QueryError } from '@/components/QueryError';
import { useT } from '@/i18n/i18n';
import { isScratchName } from '../live/scratch-selection';
import { selectionMessages } from '../messages';
import type { TreeAction } from './ViewActions';

type Props = { databaseId: string; onAction: (a: TreeAction) => void };

/** The nested views of a database as nested lists of links (children load when a node opens). */
export function ViewTree({ views, databaseId, onAction, level = 1 }: Props & { views: View[]; level?: number }) {
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', paddingLeft: level === 1 ? 0 : 20, margin: 0 }}>
      {views
        .filter((v) => !isScratchName(v.name))
        .map((v) => (
          <TreeNode key={v.ID} view={v} databaseId={databaseId} onAction={onAction} level={level} />
        ))}
    </Stack>
  );
}

function TreeNode({ view, databaseId, onAction, level }: Props & { view: View; level: number }) {
  const t = useT(selectionMessages);
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const children = useQuery({ ...selectionQueries.childViews(view.ID), enabled: open && view['has-children'] });
  const label = open ? t('collapse', { name: view.name }) : t('expand', { name: view.name });

  return (
    <li data-testid="tree-node">
      <Group gap={4} wrap="nowrap">
        {view['has-children'] ? (
          <ActionIcon variant="subtle" size="sm" aria-label={label} aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          </ActionIcon>
        ) : (
          <span style={{ width: 22 }} />
        )}
        <Anchor component={Link} to={`/views/${view.ID}`} size="sm" fw={500}>
          {view.name}
        </Anchor>
        {!view['has-rules'] && (
          <Badge size="xs" variant="light" color="gray">
            0
          </Badge>
        )}
        {view.description && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {view.description}
          </Text>
        )}
        {/* Mantine's initial-focus placeholder is a role="presentation" child of role="menu": axe flags it
            (aria-required-children), so this menu goes without it. */}
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="subtle" size="sm" aria-label={t('actionsFor', { name: view.name })}>
              <IconDots size={14} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void navigate(`/databases/${databaseId}/selections/new?parent=${view.ID}`)}>
              {t('newSubselection')}
            </Menu.Item>
            <Menu.Item onClick={() => onAction({ kind: 'rename', view })}>{t('rename')}</Menu.Item>
            <Menu.Item onClick={() => onAction({ kind: 'copy', view })}>{t('copy')}</Menu.Item>
            <Menu.Item onClick={() => onAction({ kind: 'move', view })}>{t('move')}</Menu.Item>
            <Menu.Item color="red.8" onClick={() => onAction({ kind: 'delete', view })}>
              {t('delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {open && children.isPending && <Loader size="xs" ml={28} />}
      {open && children.isError && <QueryError error={children.error} onRetry={() => void children.refetch()} />}
      {open && children.data && <ViewTree views={children.data.data} databaseId={databaseId} onAction={onAction} level={level + 1} />}
    </li>
  );
}
