import './app/styles/shell.css';
import './app/global.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, type RouteObject, RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import { routes } from './app/routes';

// Styles of components used only inside pages: fetched now, in parallel with the first page's chunk;
// every lazy route waits for them, so no page shows unstyled. Should they fail to load, pages still open.
const pageStyles = import('./app/styles/pages.css').catch(() => undefined);

function withPageStyles(list: RouteObject[]): RouteObject[] {
  return list.map((route) => {
    const { lazy, children } = route;
    const next = { ...route } as RouteObject;
    if (typeof lazy === 'function') next.lazy = () => Promise.all([lazy(), pageStyles]).then(([loaded]) => loaded);
    if (children) next.children = withPageStyles(children);
    return next;
  });
}

const router = createBrowserRouter(withPageStyles(routes));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The first render as a transition: React splits it into short slices instead of one long task.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  ),
);
