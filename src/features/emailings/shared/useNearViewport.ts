import { useIntersection } from '@mantine/hooks';
import { useEffect, useState } from 'react';

/** True from the moment the element comes within `margin` of the viewport (and stays true). */
export function useNearViewport<T extends HTMLElement = HTMLDivElement>(margin = '300px') {
  const { ref, entry } = useIntersection<T>({ rootMargin: margin });
  const [seen, setSeen] = useState(false);
  const intersecting = entry?.isIntersecting ?? false;
  useEffect(() => {
    if (intersecting) setSeen(true);
  }, [intersecting]);
  return { ref, seen };
}
