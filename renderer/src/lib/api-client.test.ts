// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { CommandName } from './contract';
import {
  ApiClient,
  createApiClient,
  encodeParams,
  HttpTransport,
  IpcTransport,
  parseList,
  toLoginDomain,
  unwrapResponse,
} from './api-client';
import { ApiError } from './api-error';
import type { LiveMessage, StackyardBridge } from './api-types';

interface Sent {
  url: string;
  form: URLSearchParams;
  init: RequestInit;
}

/** A fetch that answers by command from a table and records what was sent. */
function fakeFetch(
  answers: Record<
    string,
    { status?: number; body: unknown } | ((form: URLSearchParams) => { status?: number; body: unknown })
  >,
) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const form = new URLSearchParams(String(init?.body ?? ''));
    sent.push({ url: String(url), form, init: init ?? {} });
    const entry = answers[form.get('command') ?? ''];
    const answer = typeof entry === 'function' ? entry(form) : entry;
    if (!answer) return new Response('{}', { status: 404 });
    return new Response(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const LOGIN = {
  loginresponse: {
    timeout: '1800',
    sessionkey: 'sess-123',
    username: 'admin',
    userid: 'u-1',
    domainid: 'd-1',
    account: 'admin',
    firstname: 'admin',
    lastname: 'cloud',
    type: '1',
    registered: 'false',
  },
};

describe('HTTP transport', () => {
  it('logs in form-encoded with response=json, keeps the session key and sends it afterwards', async () => {
    const storage = memoryStorage();
    const { fetch, sent } = fakeFetch({
      login: { body: LOGIN },
      listAccounts: { body: { listaccountsresponse: { count: 1, account: [{ id: 'a-1', name: 'admin' }] } } },
    });
    const client = new ApiClient(new HttpTransport({ fetch, storage }));

    const user = await client.login('admin', 'secret', 'ROOT');
    expect(user).toEqual({
      userid: 'u-1',
      username: 'admin',
      account: 'admin',
      domainid: 'd-1',
      firstname: 'admin',
      lastname: 'cloud',
      type: 1,
      timeout: 1800,
    });
    const login = sent[0]!;
    expect(login.url).toBe('/client/api');
    expect(login.init.method).toBe('POST');
    expect((login.init.headers as Record<string, string>)['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(login.init.credentials).toBe('same-origin');
    expect(login.form.get('command')).toBe('login');
    expect(login.form.get('response')).toBe('json');
    expect(login.form.get('domain')).toBe('/');
    expect(login.form.has('sessionkey')).toBe(false);
    expect(storage.data.get('stackyard.sessionkey')).toBe('sess-123');

    const list = await client.list('listAccounts', {
      listall: true,
      page: 1,
      pagesize: 50,
      keyword: undefined,
    });
    expect(list).toEqual({ count: 1, items: [{ id: 'a-1', name: 'admin' }] });
    const call = sent[1]!;
    expect(call.form.get('sessionkey')).toBe('sess-123');
    expect(call.form.get('listall')).toBe('true');
    expect(call.form.get('pagesize')).toBe('50');
    expect(call.form.has('keyword')).toBe(false);
  });

  it('restores the session key from sessionStorage after a reload', async () => {
    const storage = memoryStorage();
    storage.setItem('stackyard.sessionkey', 'kept');
    const { fetch, sent } = fakeFetch({ listUsers: { body: { listusersresponse: {} } } });
    await new ApiClient(new HttpTransport({ fetch, storage })).list('listUsers');
    expect(sent[0]!.form.get('sessionkey')).toBe('kept');
  });

  it('reads an empty list answered as {} as zero items', async () => {
    const { fetch } = fakeFetch({ listDomains: { body: { listdomainsresponse: {} } } });
    const client = new ApiClient(new HttpTransport({ fetch, storage: null }));
    expect(await client.list('listDomains')).toEqual({ count: 0, items: [] });
  });

  it('throws a typed ApiError from <cmd>response errors and from errorresponse', async () => {
    const { fetch } = fakeFetch({
      createAccount: {
        status: 431,
        body: {
          createaccountresponse: {
            uuidList: [],
            errorcode: 431,
            cserrorcode: 4350,
            errortext: 'Account name is taken',
          },
        },
      },
      bogus: {
        status: 432,
        body: { errorresponse: { errorcode: 432, cserrorcode: 9999, errortext: 'Unknown API command: bogus' } },
      },
      broken: { status: 502, body: '<html>bad gateway</html>' },
    });
    const client = new ApiClient(new HttpTransport({ fetch, storage: null }));

    const error = await client
      .call('createAccount', { username: 'x', password: 'p', firstname: 'f', lastname: 'l', email: 'x@example.com' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      errorcode: 431,
      cserrorcode: 4350,
      errortext: 'Account name is taken',
      message: 'Account name is taken',
    });

    // A command the core does not declare: the type forbids it, the server answers 432.
    await expect(client.call('bogus' as CommandName)).rejects.toMatchObject({
      errorcode: 432,
      cserrorcode: 9999,
      errortext: 'Unknown API command: bogus',
    });
    await expect(client.call('broken' as CommandName)).rejects.toMatchObject({ errorcode: 502 });
  });

  it('drops the session and tells the UI on 401', async () => {
    const storage = memoryStorage();
    storage.setItem('stackyard.sessionkey', 'stale');
    const { fetch } = fakeFetch({
      listEvents: {
        status: 401,
        body: {
          listeventsresponse: { errorcode: 401, cserrorcode: 9999, errortext: 'unable to verify user credentials' },
        },
      },
    });
    const client = new ApiClient(new HttpTransport({ fetch, storage }));
    const signedOut = vi.fn();
    client.onUnauthenticated(signedOut);
    await expect(client.call('listEvents')).rejects.toMatchObject({ errorcode: 401, isUnauthenticated: true });
    expect(signedOut).toHaveBeenCalledTimes(1);
    expect(storage.data.has('stackyard.sessionkey')).toBe(false);
  });

  it('starts async commands and reads queryAsyncJobResult', async () => {
    const { fetch, sent } = fakeFetch({
      deleteAccount: { body: { deleteaccountresponse: { jobid: 'job-1' } } },
      queryAsyncJobResult: {
        body: {
          queryasyncjobresultresponse: {
            jobid: 'job-1',
            jobstatus: 1,
            jobprocstatus: 100,
            jobresultcode: 0,
            jobresult: { success: true },
          },
        },
      },
    });
    const client = new ApiClient(new HttpTransport({ fetch, storage: null }));
    expect(await client.startAsync('deleteAccount', { id: 'a-1' })).toEqual({ jobid: 'job-1', id: undefined });
    const job = await client.queryJob('job-1');
    expect(job).toMatchObject({ jobid: 'job-1', jobstatus: 1, jobprocstatus: 100, jobresult: { success: true } });
    expect(sent[1]!.form.get('jobid')).toBe('job-1');
  });

  it('opens the live WebSocket with the session key and passes event and job messages on', async () => {
    const sockets: FakeSocket[] = [];
    class FakeSocket {
      onopen: (() => void) | null = null;
      onmessage: ((m: { data: string }) => void) | null = null;
      onclose: ((e: { code: number }) => void) | null = null;
      closed = false;
      constructor(readonly url: string) {
        sockets.push(this);
      }
      close() {
        this.closed = true;
      }
    }
    const storage = memoryStorage();
    storage.setItem('stackyard.sessionkey', 'k/1');
    const transport = new HttpTransport({
      baseUrl: 'https://cloud.example:8443',
      storage,
      fetch: vi.fn() as unknown as typeof fetch,
      WebSocket: FakeSocket as unknown as typeof WebSocket,
    });
    const received: LiveMessage[] = [];
    const statuses: string[] = [];
    const stop = transport.live(
      (m) => received.push(m),
      (s) => statuses.push(s),
    );
    const socket = sockets[0]!;
    expect(socket.url).toBe('wss://cloud.example:8443/client/events?sessionkey=k%2F1');
    socket.onopen?.();
    socket.onmessage?.({ data: JSON.stringify({ kind: 'event', event: { id: 'e', type: 'ACCOUNT.CREATE' } }) });
    socket.onmessage?.({ data: JSON.stringify({ kind: 'job', job: { jobid: 'j', jobstatus: 0, jobprocstatus: 40 } }) });
    socket.onmessage?.({
      data: JSON.stringify({ kind: 'resource', resource: { type: 'Host', ids: ['h1'], change: 'state' } }),
    });
    socket.onmessage?.({ data: JSON.stringify({ kind: 'gossip' }) });
    socket.onmessage?.({ data: 'not json' });
    expect(received.map((m) => m.kind)).toEqual(['event', 'job', 'resource']);
    expect(statuses).toEqual(['connecting', 'open']);
    stop();
    expect(socket.closed).toBe(true);
  });
});

describe('IPC transport', () => {
  it('is chosen when window.stackyard exists and unwraps the same CloudStack bodies', async () => {
    const invoke = vi.fn(async (command: string) =>
      command === 'listUsers'
        ? { status: 200, body: { listusersresponse: { count: 1, user: [{ id: 'u', username: 'admin' }] } } }
        : {
            status: 531,
            body: { [`${command.toLowerCase()}response`]: { errorcode: 531, cserrorcode: 4365, errortext: 'denied' } },
          },
    );
    let live: ((m: LiveMessage) => void) | undefined;
    const bridge: StackyardBridge = {
      invoke,
      on: (_channel, listener) => {
        live = listener;
        return () => (live = undefined);
      },
      platform: 'linux',
      session: async () => ({ userid: 'u', username: 'admin', account: 'admin', domainid: 'd', type: 1 }),
    };
    const client = createApiClient({ stackyard: bridge });
    expect(client.mode).toBe('ipc');
    expect(client.transport).toBeInstanceOf(IpcTransport);
    expect(await client.list('listUsers', { listall: true })).toEqual({
      count: 1,
      items: [{ id: 'u', username: 'admin' }],
    });
    expect(invoke).toHaveBeenCalledWith('listUsers', { listall: 'true' });
    await expect(client.call('deleteRole', { id: 'r' })).rejects.toMatchObject({ errorcode: 531, errortext: 'denied' });
    expect(await client.existingSession()).toMatchObject({ username: 'admin', type: 1 });

    const seen: LiveMessage[] = [];
    const stop = client.live((m) => seen.push(m));
    live?.({
      kind: 'job',
      job: {
        jobid: 'j',
        jobstatus: 1,
        cmd: 'deleteAccount',
        jobprocstatus: 100,
        jobresultcode: 0,
        jobresulttype: 'object',
        created: '2026-12-06T10:00:00+0000',
      },
    });
    stop();
    expect(seen).toHaveLength(1);
    expect(live).toBeUndefined();
  });

  it('uses HTTP in a plain browser', () => {
    expect(createApiClient({}).mode).toBe('http');
  });
});

describe('wire helpers', () => {
  it('encodes parameters the way CloudStack reads them', () => {
    expect(encodeParams({ a: true, b: 0, c: undefined, d: null, ids: ['x', 'y'], e: '' })).toEqual({
      a: 'true',
      b: '0',
      ids: 'x,y',
      e: '',
    });
  });

  it('unwraps a single unknown <x>response key and bare IPC bodies', () => {
    expect(unwrapResponse('listApis', 200, { listapisresponse: { count: 0 } })).toEqual({ count: 0 });
    expect(unwrapResponse('login', 200, { loginresponse: { sessionkey: 'k' } })).toEqual({ sessionkey: 'k' });
    expect(parseList({ count: '2', user: [{}, {}] }, 'user').count).toBe(2);
  });

  it('maps what operators type to CloudStack login domain paths', () => {
    expect(toLoginDomain('ROOT')).toBe('/');
    expect(toLoginDomain('')).toBe('/');
    expect(toLoginDomain('/')).toBe('/');
    expect(toLoginDomain('ROOT/Sales/East')).toBe('/Sales/East');
    expect(toLoginDomain('/Sales/')).toBe('/Sales');
  });
});
