import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../lib/api-client';
import { ApiProvider } from '../lib/api-context';
import { ApiError } from '../lib/api-error';
import { useT } from '../lib/i18n';
import { colorSchemeManager, DEFAULT_COLOR_SCHEME, theme, withCloseLabels } from '../lib/theme';
import { readableVariables } from '../lib/theme-contrast';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        // CloudStack errors are answers, not network hiccups: do not retry them.
        retry: (failures, error) => !(error instanceof ApiError && error.errorcode !== 0) && failures < 2,
      },
    },
  });
}

/** Everything the app needs around it: theme, notifications, React Query and the API client. */
export function AppProvider({
  client,
  queryClient,
  children,
}: {
  client: ApiClient;
  queryClient?: QueryClient;
  children: ReactNode;
}) {
  const [qc] = useState(() => queryClient ?? createQueryClient());
  const t = useT();
  // Close buttons of drawers, modals and notifications are named in the user's language.
  const localTheme = useMemo(() => withCloseLabels(theme, t('common.close')), [t]);
  return (
    <MantineProvider
      theme={localTheme}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme={DEFAULT_COLOR_SCHEME}
      cssVariablesResolver={readableVariables}
    >
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={qc}>
        <ApiProvider client={client}>{children}</ApiProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
