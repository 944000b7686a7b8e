import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { ConfirmHost } from '../components/confirm-dialog';
import { ErrorAlert } from '../components/error-alert';
import { PageErrorBoundary } from '../components/page-error-boundary';
import { LoginPage } from '../features/auth/components/login-page';
import type { ApiClient } from '../lib/api-client';
import { useApi } from '../lib/api-context';
import { useLocaleStore, useT } from '../lib/i18n';
import { useSession } from '../lib/session';
import { AppProvider } from './provider';

// The signed-in frame (rail, top bar, palette, job tray) loads after login: the login screen
// downloads only what it shows. Its pages load on demand too (routes.tsx).
const AppShellLayout = lazy(async () => ({ default: (await import('./shell/app-shell')).AppShellLayout }));

function Loading() {
  return (
    <Center h="100vh">
      <Loader size="sm" />
    </Center>
  );
}

/** The desktop shell's operator was refused (removed, disabled or locked): see electron/main/ipc.ts. */
const operatorUnavailable = (error: unknown) => error instanceof Error && error.message.startsWith('IPC.NOT_SIGNED_IN');

/**
 * Signed in: the shell. In Electron the main process already holds the operator's session, so
 * the renderer asks for it instead of showing a login page; a browser logs in.
 */
function Gate() {
  const t = useT();
  const client = useApi();
  const user = useSession((s) => s.user);
  const signIn = useSession((s) => s.signIn);
  const signOut = useSession((s) => s.signOut);
  const locale = useLocaleStore((s) => s.locale);
  const [error, setError] = useState<unknown>(null);
  // Electron: wait for the shell's session (or its error) instead of flashing a login page.
  const resolving = client.mode === 'ipc' && user === null && error === null;

  useEffect(() => client.onUnauthenticated(signOut), [client, signOut]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    if (user !== null || client.mode !== 'ipc') return;
    let cancelled = false;
    client
      .existingSession()
      .then((session) => {
        if (cancelled) return;
        if (session) signIn(session);
        else setError(new Error('The desktop shell has no session'));
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e);
      });
    return () => {
      cancelled = true;
    };
  }, [client, user, signIn]);

  if (resolving) return <Loading />;
  return (
    <>
      {user ? (
        <PageErrorBoundary resetKey={user.userid} title={t('common.pageFailed')} reloadLabel={t('common.reload')}>
          <Suspense fallback={<Loading />}>
            <AppShellLayout />
          </Suspense>
        </PageErrorBoundary>
      ) : (
        <>
          {error !== null && (
            <ErrorAlert error={error} hint={operatorUnavailable(error) ? 'login.operatorUnavailable' : undefined} />
          )}
          <LoginPage />
        </>
      )}
      <ConfirmHost />
    </>
  );
}

export function App({ client }: { client: ApiClient }) {
  return (
    <AppProvider client={client}>
      <Gate />
    </AppProvider>
  );
}
