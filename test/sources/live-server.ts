import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export type Handler = (req: IncomingMessage, res: ServerResponse, nth: number) => void;

/** A real HTTP server on 127.0.0.1 replaying what a test's handler says; close() ends it. */
export async function replayServer(handler: Handler): Promise<{ base: string; count: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = createServer((req, res) => handler(req, res, ++n));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => n,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One ustar header block, with its checksum. */
function header(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}
const padded = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
const paxRecord = (key: string, value: string) => {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return `${len}${body}`;
};

/**
 * A repository tarball shaped as GitHub's tarball endpoint serves one (`git archive`): a pax
 * global header whose comment is the commit id, a top folder <owner>-<repo>-<sha>, the files.
 */
export function repoTarball(files: Record<string, string>, commit = '0123456789abcdef0123456789abcdef01234567'): Buffer {
  const top = `Language-Technology-Assessment-main-database-${commit.slice(0, 7)}/`;
  const blocks: Buffer[] = [];
  const pax = Buffer.from(paxRecord('comment', commit));
  blocks.push(header('pax_global_header', pax.length, 'g'), padded(pax));
  blocks.push(header(top, 0, '5'));
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    blocks.push(header(top + name, body.length, '0'), padded(body));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}
