/**
 * Lets timers and I/O run before the caller goes on. better-sqlite3 answers synchronously, so a
 * long loop of SQLite calls (and promises that resolve at once, as the Simulator's do) would
 * otherwise hold the event loop, and every request, until it ends.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
