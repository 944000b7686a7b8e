// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, fakeClient, type Handler } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import { OfferingsPage } from './offerings-page';

const DOMAIN_ADMIN = { ...ADMIN, userid: 'u-ops', username: 'ops', account: 'ops', domainid: 'd-ops', type: 2 };

const OFFERINGS = [
  {
    id: 'so-small',
    name: 'Small Instance',
    displaytext: 'Small Instance',
    cpunumber: 1,
    cpuspeed: 500,
    memory: 512,
    created: '2026-12-07T10:00:00+0000',
    storagetype: 'shared',
    provisioningtype: 'thin',
    offerha: false,
    limitcpuuse: false,
    isvolatile: false,
    issystem: false,
    defaultuse: false,
    iscustomized: false,
    dynamicscalingenabled: true,
    state: 'Active',
  },
  {
    id: 'so-custom',
    name: 'Flexible',
    displaytext: 'Pick your size',
    cpuspeed: 2000,
    created: '2026-12-07T11:00:00+0000',
    storagetype: 'local',
    provisioningtype: 'thin',
    offerha: false,
    limitcpuuse: false,
    isvolatile: false,
    hosttags: 'gpu',
    domainid: 'd-sales',
    domain: 'Sales',
    issystem: false,
    defaultuse: false,
    iscustomized: true,
    serviceofferingdetails: { mincpunumber: '2', maxcpunumber: '8', minmemory: '1024', maxmemory: '8192' },
    dynamicscalingenabled: true,
    state: 'Active',
  },
];

function handlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    listServiceOfferings: (p) => {
      const items = p['id'] ? OFFERINGS.filter((o) => o.id === p['id']) : OFFERINGS;
      return { count: items.length, serviceoffering: items };
    },
    listDiskOfferings: () => ({ count: 0, diskoffering: [] }),
    listZones: () => ({ count: 1, zone: [{ id: 'z-1', name: 'Lab' }] }),
    listDomains: () => ({
      count: 2,
      domain: [
        { id: 'd-root', name: 'ROOT', path: 'ROOT', level: 0 },
        { id: 'd-ops', name: 'Ops', path: 'ROOT/Ops', level: 1, parentdomainid: 'd-root' },
      ],
    }),
    listConfigurations: () => ({ count: 0, configuration: [] }),
    ...extra,
  };
}

async function throughWizard(wizard: HTMLElement, steps: number) {
  for (let i = 0; i < steps; i += 1) fireEvent.click(within(wizard).getByRole('button', { name: /^(Next|다음)$/ }));
}

describe('OfferingsPage', () => {
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('lists compute offerings whole, with sizes, custom bounds, tags and scope', async () => {
    const { client, transport } = fakeClient(handlers());
    renderWithProviders(<OfferingsPage />, { client, user: ADMIN });
    const table = await screen.findByTestId('compute-offerings-table');
    await within(table).findByText('Flexible');
    expect(within(table).getByText('1 × 500 MHz')).toBeTruthy();
    expect(within(table).getByText('2–8 vCPU × 2000 MHz')).toBeTruthy();
    expect(within(table).getByText('gpu')).toBeTruthy();
    expect(within(table).getByText('Domains: Sales · All zones')).toBeTruthy();
    expect(transport.callsOf('listServiceOfferings')[0]!.params).toMatchObject({ listall: 'true', pagesize: '-1' });
    // The disk list is read only when its tab is open.
    expect(transport.callsOf('listDiskOfferings')).toHaveLength(0);
  });

  it('sends the wizard’s checked request and keeps the wizard open with the API’s refusal', async () => {
    let attempts = 0;
    const { client, transport } = fakeClient(
      handlers({
        createServiceOffering: (p) => {
          attempts += 1;
          if (attempts === 1)
            return {
              status: 431,
              body: {
                createserviceofferingresponse: {
                  errorcode: 431,
                  cserrorcode: 4350,
                  errortext: 'Please specify a valid zone id: no zone has id z-1',
                  errorkey: 'error.offering.zoneNotFound',
                  errorparams: { id: 'z-1' },
                },
              },
            };
          return { serviceoffering: { ...OFFERINGS[0], id: 'so-new', name: p['name'] } };
        },
      }),
    );
    renderWithProviders(<OfferingsPage />, { client, user: ADMIN, locale: 'ko' });
    fireEvent.click(await screen.findByRole('button', { name: '컴퓨트 오퍼링 만들기' }));
    const wizard = await screen.findByRole('dialog', { name: '컴퓨트 오퍼링 만들기' });
    fireEvent.change(within(wizard).getByLabelText(/^이름/), { target: { value: 'web' } });
    await throughWizard(wizard, 1);
    fireEvent.click(within(wizard).getByText('사용자 지정 (범위 제한)'));
    fireEvent.change(within(wizard).getByLabelText('최소 CPU 코어 수'), { target: { value: '4' } });
    fireEvent.change(within(wizard).getByLabelText('최대 CPU 코어 수'), { target: { value: '2' } });
    await throughWizard(wizard, 3);
    // Refused before sending: the core's message, in Korean, and Create is off.
    expect(within(wizard).getByTestId('wizard-step-size').textContent).toContain('고칠 곳 1개');
    expect((within(wizard).getByRole('button', { name: '추가' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(wizard).getByTestId('wizard-step-size'));
    expect(
      await within(wizard).findByText(
        '컴퓨트 오퍼링 web을(를) 만들 수 없습니다. 최소 CPU 수(4)가 최대 CPU 수(2)보다 큽니다.',
      ),
    ).toBeTruthy();
    fireEvent.change(within(wizard).getByLabelText('최대 CPU 코어 수'), { target: { value: '8' } });
    fireEvent.click(within(wizard).getByTestId('wizard-step-review'));
    fireEvent.click(within(wizard).getByRole('button', { name: '추가' }));
    await waitFor(() => expect(attempts).toBe(1));
    expect(transport.callsOf('createServiceOffering')[0]!.params).toEqual({
      name: 'web',
      customized: 'true',
      cpuspeed: '1000',
      mincpunumber: '4',
      maxcpunumber: '8',
      minmemory: '512',
      maxmemory: '8192',
      storagetype: 'shared',
      provisioningtype: 'thin',
    });
    // The refusal, worded from its message key in Korean, with the wizard still open to fix.
    expect(await within(wizard).findByText('올바른 Zone ID를 지정하세요. ID가 z-1인 Zone이 없습니다.')).toBeTruthy();
    expect(within(wizard).queryByText('Please specify a valid zone id: no zone has id z-1')).toBeNull();
    fireEvent.click(within(wizard).getByRole('button', { name: '추가' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '컴퓨트 오퍼링 만들기' })).toBeNull());
  });

  it('keeps a domain admin to its domains and away from tags before anything is sent', async () => {
    const { client, transport } = fakeClient(handlers());
    renderWithProviders(<OfferingsPage />, { client, user: DOMAIN_ADMIN });
    fireEvent.click(await screen.findByRole('button', { name: 'Create compute offering' }));
    const wizard = await screen.findByRole('dialog', { name: 'Create compute offering' });
    fireEvent.change(within(wizard).getByLabelText(/^Name/), { target: { value: 'ops-vm' } });
    await throughWizard(wizard, 2);
    fireEvent.change(within(wizard).getByLabelText('Storage tags'), { target: { value: 'ssd' } });
    await throughWizard(wizard, 1);
    expect((within(wizard).getByLabelText('Public (every domain)') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(within(wizard).getByLabelText('Public (every domain)'));
    await throughWizard(wizard, 1);
    fireEvent.click(within(wizard).getByTestId('wizard-step-storage'));
    expect(
      await within(wizard).findByText(
        'Unable to create compute offering ops-vm with storage tags or host tags: caller ops is a domain admin',
      ),
    ).toBeTruthy();
    fireEvent.click(within(wizard).getByTestId('wizard-step-scope'));
    expect(await within(wizard).findByText(/Unable to create public compute offering ops-vm/)).toBeTruthy();
    expect(transport.callsOf('createServiceOffering')).toHaveLength(0);
  });
});
