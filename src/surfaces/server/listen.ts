import type { FastifyInstance } from 'fastify';

export interface ListenOptions {
  port: number;
  host: string;
}

/** Starts listening and returns the URL to open (port 0 picks a free port). */
export async function listen(app: FastifyInstance, o: ListenOptions): Promise<string> {
  await app.listen({ port: o.port, host: o.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  // A wildcard address is not something a browser can open; the loopback name is.
  const shown = o.host === '0.0.0.0' || o.host === '::' ? 'localhost' : o.host.includes(':') ? `[${o.host}]` : o.host;
  return `http://${shown}:${port}/`;
}
