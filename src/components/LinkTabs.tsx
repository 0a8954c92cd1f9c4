import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';

/**
 * Section navigation that looks like tabs but is made of real links (each section has its own URL).
 * Not `role="tab"`: ARIA tabs need panels, and these are pages.
 */
export function LinkTabs({ label, items, current }: { label: string; items: { to: string; label: string }[]; current?: string }) {
  const here = useLocation().pathname;
  // A page may belong to a section without living under its URL: it names the section it belongs to.
  const pathname = current ?? here;
  return (
    <Group
      component="nav"
      aria-label={label}
      gap={4}
      wrap="wrap"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      pb={4}
    >
      {items.map((item) => {
        const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
        return (
          <Button
            key={item.to}
            component={Link}
            to={item.to}
            size="compact-sm"
            variant={active ? 'light' : 'subtle'}
            color={active ? undefined : 'gray'}
            aria-current={active ? 'page' : undefined}
          >
            {item.label}
          </Button>
        );
      })}
    </Group>
  );
}
