/**
 * A CloudStack API session for specs that need data in place before the UI test starts (an
 * imported datacenter, a host in a given state). Speaks plain HTTP to the e2e server, as any
 * CloudStack client would.
 */
export class ApiSession {
  private constructor(
    private readonly baseUrl: string,
    private readonly sessionKey: string,
    private readonly cookie: string,
  ) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiSession> {
    const response = await fetch(`${baseUrl}/client/api`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ command: 'login', username, password, domain: '/', response: 'json' }).toString(),
    });
    const body = (await response.json()) as { loginresponse?: { sessionkey?: string; errortext?: string } };
    const key = body.loginresponse?.sessionkey;
    if (!response.ok || !key) throw new Error(`login failed: ${JSON.stringify(body)}`);
    const cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    return new ApiSession(baseUrl, key, cookie);
  }

  /** Calls a command; throws with CloudStack's errortext when it fails. */
  async call<T = Record<string, any>>(command: string, params: Record<string, string> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/client/api`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: this.cookie },
      body: new URLSearchParams({ ...params, command, response: 'json', sessionkey: this.sessionKey }).toString(),
    });
    const body = (await response.json()) as Record<string, any>;
    const inner = body[`${command.toLowerCase()}response`] ?? body.errorresponse ?? {};
    if (!response.ok)
      throw new Error(`${command} failed (${response.status}): ${inner.errortext ?? JSON.stringify(body)}`);
    return inner as T;
  }

  /** Starts an async command and waits for its job; returns the job result or throws its errortext. */
  async run<T = Record<string, any>>(command: string, params: Record<string, string> = {}, timeoutMs = 120_000) {
    const { jobid } = await this.call<{ jobid: string }>(command, params);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.call('queryAsyncJobResult', { jobid });
      if (job.jobstatus === 1) return job.jobresult as T;
      if (job.jobstatus === 2) throw new Error(`${command} failed: ${job.jobresult?.errortext ?? 'unknown error'}`);
      if (Date.now() > deadline) throw new Error(`${command} did not finish in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
