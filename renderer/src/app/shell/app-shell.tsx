import { AppShell, Center, Loader, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { PageErrorBoundary } from '../../components/page-error-boundary';
import { useApi } from '../../lib/api-context';
import { useT } from '../../lib/i18n';
import { useLiveSync } from '../../lib/live-sync';
import { useVisibleAreas } from '../../lib/permissions';
import { navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useUiStore } from '../../lib/ui-store';
import { findRoute, prefetchRoutes, retryFailedPages, ROUTES } from '../routes';
import { CommandPalette } from './command-palette';
import { ConnectionBanner, serverName } from './connection-banner';
import { NavRail } from './nav-rail';
import { TopBar } from './top-bar';
import classes from './app-shell.module.css';

/** The frame: top bar, the navigation rail and the current page. */
export function AppShellLayout() {
  const t = useT();
  const user = useSession((s) => s.user);
  const collapsed = useUiStore((s) => s.navCollapsed);
  const lost = useUiStore((s) => s.connection === 'lost');
  const areas = useVisibleAreas();
  const { path } = useLocation();
  const client = useApi();
  useLiveSync(user !== null);
  // The pages' code, fetched while the operator reads the first one (once its own requests are
  // done): navigation then needs no download, and the server may be away by then. The key keeps
  // the effect to one run per role.
  const queryClient = useQueryClient();
  const areasKey = areas.join();
  useEffect(
    () => prefetchRoutes(areasKey.split(',') as typeof areas, () => queryClient.isFetching() > 0),
    [areasKey, queryClient],
  );

  const route = findRoute(path);
  const allowed = route !== undefined && areas.includes(route.area);
  // Admins land on the dashboard; roles without it on Accounts; otherwise the first page they see.
  const fallback =
    ['dashboard', 'accounts']
      .map((area) => ROUTES.find((r) => r.area === area && areas.includes(r.area)))
      .find((r) => r !== undefined) ?? ROUTES.find((r) => areas.includes(r.area));

  useEffect(() => {
    // "#/" or an unknown path: go to the first page the role may open.
    if (!route && fallback) navigate(fallback.path);
  }, [route, fallback]);

  const Page = route?.component;

  return (
    <AppShell header={{ height: 46 }} navbar={{ width: collapsed ? 56 : 220, breakpoint: 0 }} padding={0}>
      <AppShell.Header>
        <TopBar />
      </AppShell.Header>
      <AppShell.Navbar>
        <NavRail areas={areas} activePath={route?.path} collapsed={collapsed} />
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <ConnectionBanner />
        {/* What the page shows while the server is lost is as old as the banner says: dimmed. */}
        <div className={classes.page} data-stale={lost || undefined} data-testid="page-content">
          <PageErrorBoundary
            resetKey={path}
            title={t('common.pageFailed')}
            reloadLabel={t('common.reload')}
            online={!lost}
            onRetry={retryFailedPages}
            chunkFailure={{
              title: t('connection.pageUnavailable'),
              hint: t('connection.pageUnavailableHint', { server: serverName(client.transport.target) }),
              retryLabel: t('connection.pageRetry'),
            }}
          >
            <Suspense
              fallback={
                <Center h="100%">
                  <Loader size="sm" />
                </Center>
              }
            >
              {Page && allowed ? (
                <Page />
              ) : route ? (
                <Center h="100%">
                  <Text c="dimmed">{t('common.noPermission')}</Text>
                </Center>
              ) : null}
            </Suspense>
          </PageErrorBoundary>
        </div>
      </AppShell.Main>
      <CommandPalette areas={areas} />
    </AppShell>
  );
}
