import { notifyManager, QueryClient } from '@tanstack/react-query';
import { configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppProvider } from '../app/provider';
// ConfirmHost loads its dialog on the first confirmation (the login screen does without it). Loaded
// with the test, the first confirmation does not wait for the module loader inside a findBy window.
import '../components/confirm-modal';
import type { ApiClient } from '../lib/api-client';
import type { LoginInfo } from '../lib/api-types';
import { useLocaleStore } from '../lib/i18n';
import { forgetRemembered } from '../lib/remembered';
import { useSession } from '../lib/session';

// How long findBy and waitFor wait at most (not how long they take): on a loaded machine (a clean-clone
// CI beside other test runs) a screen took 2-3 s to appear, and the 1 s default failed right tests.
configure({ asyncUtilTimeout: 10_000 });

/** Browser APIs Mantine expects that happy-dom may lack. */
export function installDomPolyfills(): void {
  const w = window as unknown as Record<string, unknown>;
  if (typeof w['matchMedia'] !== 'function') {
    w['matchMedia'] = (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    });
  }
  if (typeof w['ResizeObserver'] !== 'function') {
    w['ResizeObserver'] = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
  // happy-dom does no layout: give elements a viewport-sized box so virtualized tables render rows.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
}

/**
 * React Query tells its observers about new data in a later task (setTimeout 0) by default, so a
 * turn of the event loop separates an answer from the render it causes, and Testing Library's
 * wall-clock deadline (findBy*, waitFor: 1 s) can fire in it. On a loaded machine it did: after a
 * click on page 2 of the hosts table, "Unable to find host-100" while page 2 was on its way.
 * Notified in a microtask, the answer, the render and the DOM check follow each other with no
 * task in between, however slow the machine.
 */
export function notifyQueriesInMicrotasks(): void {
  notifyManager.setScheduler(queueMicrotask);
}

export function renderWithProviders(
  ui: ReactElement,
  options: { client: ApiClient; user?: LoginInfo | null; locale?: 'en' | 'ko' },
): RenderResult & { queryClient: QueryClient } {
  installDomPolyfills();
  notifyQueriesInMicrotasks();
  forgetRemembered();
  useLocaleStore.setState({ locale: options.locale ?? 'en' });
  useSession.setState({ user: options.user === undefined ? null : options.user });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 } } });
  const result = render(
    <AppProvider client={options.client} queryClient={queryClient}>
      {ui}
    </AppProvider>,
  );
  return { ...result, queryClient };
}
