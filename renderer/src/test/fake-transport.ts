import { ApiClient, type LiveListener, type LiveStatus, type Transport } from '../lib/api-client';
import type { LiveMessage, LoginInfo, RawResponse } from '../lib/api-types';

export type Handler = (params: Record<string, string>) => RawResponse | Record<string, unknown>;

/**
 * An in-memory transport: answers each command from a handler map (a bare object is a 200 inner
 * body), records the calls, and lets a test push live messages.
 */
export class FakeTransport implements Transport {
  readonly kind: 'ipc' | 'http';
  readonly target: string;
  readonly calls: { command: string; params: Record<string, string> }[] = [];
  private listeners = new Set<LiveListener>();

  constructor(
    private readonly handlers: Record<string, Handler>,
    options: { kind?: 'ipc' | 'http'; target?: string } = {},
  ) {
    this.kind = options.kind ?? 'http';
    this.target = options.target ?? 'http://127.0.0.1:8080';
  }

  async send(command: string, params: Record<string, string>): Promise<RawResponse> {
    this.calls.push({ command, params });
    const handler = this.handlers[command];
    if (!handler) {
      return {
        status: 432,
        body: { errorresponse: { errorcode: 432, cserrorcode: 9999, errortext: `Unknown API command: ${command}` } },
      };
    }
    const answer = handler(params);
    if ('status' in answer && 'body' in answer && typeof answer.status === 'number') return answer as RawResponse;
    return { status: 200, body: { [`${command.toLowerCase()}response`]: answer } };
  }

  live(listener: LiveListener, onStatus: (status: LiveStatus) => void): () => void {
    this.listeners.add(listener);
    onStatus('open');
    return () => {
      this.listeners.delete(listener);
      onStatus('closed');
    };
  }

  push(message: LiveMessage): void {
    for (const listener of this.listeners) listener(message);
  }

  callsOf(command: string) {
    return this.calls.filter((c) => c.command === command);
  }
}

export function fakeClient(handlers: Record<string, Handler>, options?: { kind?: 'ipc' | 'http' }) {
  const transport = new FakeTransport(handlers, options);
  return { client: new ApiClient(transport), transport };
}

export const ADMIN: LoginInfo = {
  userid: 'u-admin',
  username: 'admin',
  account: 'admin',
  domainid: 'd-root',
  firstname: 'admin',
  lastname: 'cloud',
  type: 1,
};

export const PLAIN_USER: LoginInfo = { ...ADMIN, userid: 'u-alice', username: 'alice', account: 'alice', type: 0 };
