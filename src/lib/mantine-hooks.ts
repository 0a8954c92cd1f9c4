import { useId as useReactId } from 'react';

/**
 * `@mantine/hooks` with one change (vite.config.ts points `@mantine/hooks` here, for Mantine's own components too):
 * `useId` keeps React's id. Mantine's swaps it for a random one in a layout effect after mounting, so every input,
 * switch, select and popover rendered a second time, synchronously, the moment it appeared: on the selection
 * editor that was a second render of about 350 components inside the same long task. React's ids are already
 * unique and stable, and nothing here is rendered on a server.
 */
export * from 'mantine-hooks-original';

export function useId(staticId?: string): string {
  const reactId = useReactId();
  return typeof staticId === 'string' ? staticId : `mantine-${reactId.replace(/[^\w-]/g, '')}`;
}
