import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppProvider } from '../app/provider';
import type { ApiClient } from '../lib/api-client';
import type { LoginInfo } from '../lib/api-types';
import { useLocaleStore } from '../lib/i18n';
import { useSession } from '../lib/session';

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

export function renderWithProviders(
  ui: ReactElement,
  options: { client: ApiClient; user?: LoginInfo | null; locale?: 'en' | 'ko' },
): RenderResult & { queryClient: QueryClient } {
  installDomPolyfills();
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
