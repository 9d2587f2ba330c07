import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake Hub answers one request. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as it is (for malformed bodies). */
  body?: unknown;
  /** Wait this long before answering (a response slower than the client's timeout). */
  delayMs?: number;
  /** Send the headers and part of the body, then drop the connection. */
  drop?: boolean;
}

export interface SeenRequest {
  path: string;
  query: URLSearchParams;
  authorization?: string;
}

/** Called per request with the request and how many times its path was asked for (1 = first). */
export type Script = (req: SeenRequest, nth: number, hubUrl: string) => Reply;

export interface FakeHub {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) that answers as the Hub's API does, from
 * fixtures the test writes in its script. The real client talks to it over real sockets.
 */
export async function startFakeHub(script: Script): Promise<FakeHub> {
  const requests: SeenRequest[] = [];
  const counts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let url = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', url);
    const seen: SeenRequest = { path: decodeURIComponent(u.pathname), query: u.searchParams, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
    requests.push(seen);
    const key = seen.path + (u.searchParams.get('filter') ?? '') + (u.searchParams.get('cursor') ?? '');
    const nth = (counts.get(key) ?? 0) + 1;
    counts.set(key, nth);
    const reply = script(seen, nth, url);
    const send = () => {
      if (res.destroyed) return;
      const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      const headers = { 'content-type': 'application/json', ...reply.headers };
      if (reply.drop) {
        res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(text.length + 100) });
        res.write(text.slice(0, Math.floor(text.length / 2)));
        setImmediate(() => res.socket?.destroy());
        return;
      }
      res.writeHead(reply.status ?? 200, headers);
      res.end(text);
    };
    if (reply.delayMs) {
      const t = setTimeout(() => (timers.delete(t), send()), reply.delayMs);
      timers.add(t);
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The path modelInfo asks for: `/api/models/<org>/<repo>/revision/HEAD`. */
export const MODEL_PATH = /^\/api\/models\/([^/]+\/[^/]+)\/revision\/HEAD$/;

/** A model as `GET /api/models/<repo>?expand=...` returns it (the fields the library reads). */
export function modelJson(repo: string, figures: { downloads: number; likes: number; downloadsAllTime?: number }): Record<string, unknown> {
  return {
    _id: `66${Buffer.from(repo).toString('hex').slice(0, 22)}`,
    id: repo,
    private: false,
    pipeline_tag: 'text-generation',
    gated: false,
    lastModified: '2026-10-01T12:00:00.000Z',
    ...figures,
  };
}

/** A page of `GET /api/models?filter=...`: listed models, each as the listing returns it. */
export function listingPage(prefix: string, from: number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => modelJson(`someone/${prefix}-${from + i}`, { downloads: 1, likes: 0 }));
}
