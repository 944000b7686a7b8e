// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, fakeClient, PLAIN_USER, type Handler } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import { AccountsPage } from './accounts-page';

const ACCOUNTS = [
  {
    id: 'a-admin',
    name: 'admin',
    accounttype: 1,
    rolename: 'Root Admin',
    domainid: 'd-root',
    domain: 'ROOT',
    domainpath: 'ROOT',
    state: 'enabled',
    created: '2026-11-22T10:00:00+0000',
    user: [{ id: 'u-admin', username: 'admin' }],
  },
  {
    id: 'a-alice',
    name: 'alice',
    accounttype: 0,
    rolename: 'User',
    domainid: 'd-sales',
    domain: 'Sales',
    domainpath: 'ROOT/Sales',
    state: 'locked',
    created: '2026-11-22T11:00:00+0000',
    user: [],
  },
];

function handlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    listAccounts: (p) =>
      p['id']
        ? { count: 1, account: ACCOUNTS.filter((a) => a.id === p['id']) }
        : { count: ACCOUNTS.length, account: ACCOUNTS },
    listRoles: () => ({
      count: 2,
      role: [
        { id: 'r-admin', name: 'Root Admin', type: 'Admin' },
        { id: 'r-user', name: 'User', type: 'User' },
      ],
    }),
    listDomains: () => ({
      count: 2,
      domain: [
        { id: 'd-root', name: 'ROOT', path: 'ROOT', level: 0 },
        { id: 'd-sales', name: 'Sales', path: 'ROOT/Sales', level: 1, parentdomainid: 'd-root' },
      ],
    }),
    ...extra,
  };
}

describe('AccountsPage', () => {
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('lists accounts from listAccounts with server paging, states and the total', async () => {
    const { client, transport } = fakeClient(handlers());
    renderWithProviders(<AccountsPage />, { client, user: ADMIN });

    const table = await screen.findByTestId('accounts-table');
    await within(table).findByText('alice');
    expect(within(table).getByText('ROOT/Sales')).toBeTruthy();
    expect(within(table).getByText('Root Admin')).toBeTruthy();
    const locked = table.querySelector('[data-state="locked"]');
    expect(locked?.textContent).toBe('Locked');
    expect(screen.getByTestId('page-count').textContent).toBe('2');
    expect(screen.getByTestId('table-total').textContent).toBe('2 total');

    const request = transport.callsOf('listAccounts')[0]!.params;
    expect(request).toMatchObject({ listall: 'true', page: '1', pagesize: '100' });
    expect(screen.getByRole('button', { name: 'Create account' })).toBeTruthy();
  });

  it('creates an account with createAccount and shows CloudStack errors in the dialog', async () => {
    let attempts = 0;
    const { client, transport } = fakeClient(
      handlers({
        createAccount: (p) => {
          attempts += 1;
          if (attempts === 1) {
            return {
              status: 431,
              body: {
                createaccountresponse: {
                  errorcode: 431,
                  cserrorcode: 4350,
                  errortext: `The user ${p['username']} already exists in domain ROOT`,
                },
              },
            };
          }
          return {
            account: {
              id: 'a-new',
              name: p['account'] ?? p['username'],
              accounttype: 0,
              domainid: p['domainid'],
              state: 'enabled',
            },
          };
        },
      }),
    );
    renderWithProviders(<AccountsPage />, { client, user: ADMIN });
    fireEvent.click(await screen.findByRole('button', { name: 'Create account' }));
    const dialog = await screen.findByRole('form', { name: 'Create account' });
    await waitFor(() => expect(transport.callsOf('listRoles').length).toBe(1));

    const fill = (label: RegExp, value: string) =>
      fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
    fill(/^Account name/, 'bob-co');
    fill(/^Username/, 'bob');
    fill(/^Password/, 'pa55word!');
    fill(/^First name/, 'Bob');
    fill(/^Last name/, 'Builder');
    fill(/^Email/, 'bob@example.com');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByText('The user bob already exists in domain ROOT')).toBeTruthy();
    expect(within(dialog).getByText('Check the values you entered and try again.')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(attempts).toBe(2));
    expect(transport.callsOf('createAccount')[1]!.params).toEqual({
      username: 'bob',
      password: 'pa55word!',
      firstname: 'Bob',
      lastname: 'Builder',
      email: 'bob@example.com',
      account: 'bob-co',
      roleid: 'r-user',
      domainid: 'd-root',
    });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Create account' })).toBeNull());
  });

  it('hides account management from a plain user', async () => {
    const { client } = fakeClient(handlers({ listAccounts: () => ({ count: 1, account: [ACCOUNTS[1]] }) }));
    renderWithProviders(<AccountsPage />, { client, user: PLAIN_USER, locale: 'ko' });
    const table = await screen.findByTestId('accounts-table');
    await within(table).findByText('alice');
    expect(screen.getByRole('heading', { name: '계정' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '계정 추가' })).toBeNull();
    // No selection column: a user cannot delete accounts.
    expect(table.querySelector('input[type="checkbox"]')).toBeNull();
  });
});
