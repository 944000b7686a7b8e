// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../lib/api-client';
import { useLocaleStore } from '../lib/i18n';
import { useSession } from '../lib/session';
import { FakeTransport } from '../test/fake-transport';
import { installDomPolyfills } from '../test/render';
import { App } from './app';
// The shell loads lazily after login; loaded with the test, the waits below time the app, not the
// module loader.
import './shell/app-shell';

const LIST_HANDLERS = {
  listAccounts: () => ({
    count: 1,
    account: [{ id: 'a-1', name: 'admin', accounttype: 1, domainid: 'd', state: 'enabled' }],
  }),
  listApis: () => ({
    count: 4,
    api: ['listAccounts', 'listUsers', 'listEvents', 'createAccount'].map((name) => ({ name })),
  }),
};

describe('App', () => {
  beforeEach(() => {
    installDomPolyfills();
    window.location.hash = '';
    sessionStorage.clear();
  });
  afterEach(() => cleanup());

  it('logs in over HTTP and shows only the pages the role may open', async () => {
    const transport = new FakeTransport({
      ...LIST_HANDLERS,
      login: (p) =>
        p['password'] === 'right'
          ? {
              username: 'dora',
              userid: 'u-d',
              account: 'dora',
              domainid: 'd',
              type: '2',
              sessionkey: 'k',
              timeout: '1800',
            }
          : {
              status: 401,
              body: {
                loginresponse: {
                  errorcode: 401,
                  cserrorcode: 9999,
                  errortext: 'Failed to authenticate user dora in domain /Sales',
                },
              },
            },
    });
    const client = new ApiClient(transport);
    useSession.setState({ user: null });
    useLocaleStore.setState({ locale: 'en' });
    render(<App client={client} />);

    const form = await screen.findByRole('form', { name: 'Sign in to Stackyard' });
    fireEvent.change(within(form).getByLabelText(/^Username/), { target: { value: 'dora' } });
    fireEvent.change(within(form).getByLabelText(/^Password/), { target: { value: 'wrong' } });
    fireEvent.change(within(form).getByLabelText(/^Domain/), { target: { value: 'ROOT/Sales' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Failed to authenticate user dora in domain /Sales')).toBeTruthy();
    expect(transport.callsOf('login')[0]?.params).toMatchObject({ username: 'dora', domain: '/Sales' });

    fireEvent.change(within(form).getByLabelText(/^Password/), { target: { value: 'right' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Log in' }));
    await screen.findByTestId('nav-accounts');
    await waitFor(() => expect(window.location.hash).toBe('#/accounts'));
    expect(useSession.getState().user).toMatchObject({ username: 'dora', type: 2 });
    // listApis allows accounts, users and events; a domain admin never sees roles or settings.
    await waitFor(() => expect(screen.queryByTestId('nav-domains')).toBeNull());
    expect(screen.getByTestId('nav-users')).toBeTruthy();
    expect(screen.getByTestId('nav-events')).toBeTruthy();
    expect(screen.queryByTestId('nav-roles')).toBeNull();
    expect(screen.queryByTestId('nav-settings')).toBeNull();
    expect(screen.getByTestId('connection-chip').textContent).toContain('127.0.0.1:8080');
  });

  it('takes the operator session from the Electron shell instead of showing a login page', async () => {
    const transport = new FakeTransport(LIST_HANDLERS, { kind: 'ipc', target: 'embedded' });
    Object.assign(transport, {
      session: async () => ({ userid: 'u-admin', username: 'admin', account: 'admin', domainid: 'd', type: 1 }),
    });
    const client = new ApiClient(transport);
    useSession.setState({ user: null });
    useLocaleStore.setState({ locale: 'ko' });
    render(<App client={client} />);

    expect(await screen.findByTestId('nav-accounts')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Stackyard 로그인' })).toBeNull();
    expect(screen.getByTestId('connection-chip').textContent).toContain('내장 코어');
    expect(transport.callsOf('login')).toHaveLength(0);
  });

  it('says in Korean why the Electron shell has no operator (disabled, locked or removed)', async () => {
    const transport = new FakeTransport(LIST_HANDLERS, { kind: 'ipc', target: 'embedded' });
    Object.assign(transport, {
      session: async () => {
        throw new Error('IPC.NOT_SIGNED_IN: the local operator account is not available (removed, disabled or locked)');
      },
    });
    useSession.setState({ user: null });
    useLocaleStore.setState({ locale: 'ko' });
    render(<App client={new ApiClient(transport)} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('데스크톱 운영자 계정이 비활성화되었거나 잠겼거나 삭제되었습니다');
    expect(screen.queryByTestId('nav-accounts')).toBeNull();
  });

  it('tells a throttled login to wait', async () => {
    const transport = new FakeTransport({
      login: () => ({
        status: 429,
        body: {
          loginresponse: {
            errorcode: 429,
            cserrorcode: 4545,
            errortext: 'Too many failed login attempts; the password was not checked. Try again in 4 seconds.',
          },
        },
      }),
    });
    useSession.setState({ user: null });
    useLocaleStore.setState({ locale: 'en' });
    render(<App client={new ApiClient(transport)} />);
    const form = await screen.findByRole('form', { name: 'Sign in to Stackyard' });
    fireEvent.change(within(form).getByLabelText(/^Username/), { target: { value: 'dora' } });
    fireEvent.change(within(form).getByLabelText(/^Password/), { target: { value: 'whatever' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Log in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Try again in 4 seconds.');
    expect(alert.textContent).toContain('Too many failed sign-ins. Wait as long as the message says');
  });
});
