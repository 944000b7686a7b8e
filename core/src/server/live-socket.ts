import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Core } from '../core';
import type { Caller } from '../services/caller';

export interface LiveSocketOptions {
  core: Core;
  /** Ping period; a client that missed the previous pong is dropped. */
  heartbeatMs?: number;
  /** A client whose unsent data exceeds this is too slow to follow the stream and is dropped. */
  maxBufferedBytes?: number;
}

export interface LiveSocket {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Connected clients (for tests and status). */
  readonly size: number;
  close(): Promise<void>;
}

interface Client {
  ws: WebSocket;
  sessionKey: string;
  caller: Caller;
  alive: boolean;
  /** Ends the client's subscription to the live feed. */
  unsubscribe(): void;
}

/** WebSocket close codes in the private range. */
export const CLOSE_UNAUTHENTICATED = 4401;

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** Sends what the client may see; a client too slow to follow the stream is dropped. */
function subscribe(core: Core, ws: WebSocket, caller: Caller, maxBuffered: number): () => void {
  return core.live.subscribe({
    viewer: () => caller,
    send: (message) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > maxBuffered) {
        ws.terminate();
        return;
      }
      ws.send(JSON.stringify(message));
    },
  });
}

/** Pings every client; drops those that missed the previous pong and closes those whose session ended. */
function startHeartbeat(core: Core, clients: Set<Client>, heartbeatMs: number): NodeJS.Timeout {
  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      client.ws.ping();
      // A session that ended (logout, expiry, user disabled) ends its stream; this check does not extend it.
      void core.auth
        .sessionCaller(client.sessionKey, { touch: false })
        .then((caller) => {
          if (!caller) client.ws.close(CLOSE_UNAUTHENTICATED, 'session ended');
        })
        .catch(() => undefined);
    }
  }, heartbeatMs);
  heartbeat.unref();
  return heartbeat;
}

function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * The live stream at /client/events: events and job updates, each sent only to clients allowed
 * to see it (root admins everything, domain admins their subtree, users their own account).
 * Authenticated by `?sessionkey=` matching a session.
 */
export function createLiveSocket(options: LiveSocketOptions): LiveSocket {
  const { core } = options;
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const maxBuffered = options.maxBufferedBytes ?? 8 * 1024 * 1024;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024, perMessageDeflate: false });
  const clients = new Set<Client>();
  const heartbeat = startHeartbeat(core, clients, heartbeatMs);

  const accept = (ws: WebSocket, sessionKey: string, caller: Caller) => {
    const client: Client = {
      ws,
      sessionKey,
      caller,
      alive: true,
      unsubscribe: subscribe(core, ws, caller, maxBuffered),
    };
    clients.add(client);
    ws.on('pong', () => {
      client.alive = true;
    });
    ws.on('message', () => undefined); // the stream is one-way
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      client.unsubscribe();
      clients.delete(client);
    });
  };

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const sessionKey = url.searchParams.get('sessionkey') ?? '';
      if (!sameOrigin(req)) {
        refuse(socket, 403, 'Forbidden');
        return;
      }
      core.auth
        .sessionCaller(sessionKey)
        .then((caller) => {
          if (!caller) {
            refuse(socket, 401, 'Unauthorized');
            return;
          }
          wss.handleUpgrade(req, socket, head, (ws) => accept(ws, sessionKey, caller));
        })
        .catch(() => refuse(socket, 500, 'Internal Server Error'));
    },
    get size() {
      return clients.size;
    },
    async close() {
      clearInterval(heartbeat);
      await closeClients(clients);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Asks every client to go, waits up to a second, then drops the rest. */
async function closeClients(clients: Set<Client>): Promise<void> {
  for (const client of clients) {
    client.unsubscribe();
    client.ws.close(1001, 'server shutting down');
  }
  const deadline = Date.now() + 1000;
  while (clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const client of clients) client.ws.terminate();
  clients.clear();
}
