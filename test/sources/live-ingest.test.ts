import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/lib/files.js';
import { readTarGz } from '../../src/sources/live/tar.js';
import { cli } from '../helpers/cli.js';
import { FIXTURES, scratchData } from '../helpers/fixture-data.js';
import { replayServer, repoTarball, type Handler } from './live-server.js';

const INGEST = path.join(FIXTURES, 'ingest');
const IMPORTS = path.join(FIXTURES, 'imports');
const read = (...p: string[]) => readFile(path.join(...p));

/** Every file under data/ with its content, to show a failed ingest changed nothing. */
async function dataState(dataDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await listFiles(dataDir)) out[f] = await readFile(path.join(dataDir, f), 'latin1');
  return out;
}

interface Live {
  /** Path the ingest is pointed at (--url is the server's base plus this). */
  path: string;
  /** Answers a request for `path` (or a page or redirect of it) with the whole fixture. */
  serve: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** The fixture's invalid record, as the ingest reports it. */
  invalid: string;
  kept: number;
  /** Where the generated files land in the current generation (a path prefix). */
  generated: RegExp;
  /** A body cut off so that the whole ingest must stop, and the message it stops with. */
  cut?: { path: string; body: Buffer; message: string };
}

const send = (res: ServerResponse, body: Buffer | string, type: string, status = 200, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
};

async function osaiTarball(extra: Record<string, string> = {}) {
  const files: Record<string, string> = {};
  for (const f of ['olmo.yaml', 'llama-3.1.yaml', 'mistral.yaml', 'a_submission_template.yaml']) files[f] = (await read(IMPORTS, 'osai-index', f)).toString();
  return repoTarball({ ...files, 'README.md': '# not a project file\n', 'broken.yaml': 'system:\n  name: [unclosed\n', ...extra });
}

const LIVE: Record<string, () => Promise<Live>> = {
  'models-dev': async () => {
    const body = await read(INGEST, 'models-dev-api.json');
    return {
      path: '/api.json',
      serve: async (_q, res) => send(res, body, 'application/json', 200, { etag: '"md1"' }),
      invalid: 'record 2 kept out: deepinfra/broken/release-date: "release_date" must be YYYY-MM or YYYY-MM-DD, got "soon"',
      kept: 3,
      generated: /^observations\//,
      cut: { path: '/api.json', body: body.subarray(0, 400), message: 'is not complete JSON' },
    };
  },
  lmarena: async () => {
    const body = await read(INGEST, 'lmarena_text.csv');
    return {
      path: '/releases/latest/download/lmarena_text.csv',
      // As GitHub answers: the latest release's asset redirects to the asset of its dated tag.
      serve: async (req, res) => (req.url!.includes('/latest/') ? send(res, '', 'text/plain', 302, { location: '/releases/download/2025.08.04/lmarena_text.csv' }) : send(res, body, 'text/csv')),
      invalid: 'record 4 kept out: the rating must be a number above 0, got "n/a"',
      kept: 3,
      generated: /^capability\/lmarena/,
      cut: { path: '/releases/latest/download/lmarena_text.csv', body: Buffer.from('rank,model,arena_score\n1,"DeepSeek-R1,13'), message: 'is not complete CSV' },
    };
  },
  'osai-index': async () => {
    const body = await osaiTarball();
    return {
      path: '/repos/Language-Technology-Assessment/main-database/tarball/HEAD',
      serve: async (_q, res) => send(res, body, 'application/x-gzip'),
      invalid: 'broken.yaml: not a project file',
      kept: 4,
      generated: /^osai-index\//,
      cut: { path: '/repos/Language-Technology-Assessment/main-database/tarball/HEAD', body: body.subarray(0, Math.floor(body.length / 2)), message: 'the archive is not complete gzip' },
    };
  },
  mot: async () => {
    const pages = [await read(INGEST, 'mot', 'page-1.json'), await read(INGEST, 'mot', 'page-2.json')];
    return {
      path: '/api/v1/models?page=1&limit=100',
      serve: async (req, res) => {
        const page = Number(new URL(req.url!, 'http://x').searchParams.get('page'));
        return pages[page - 1] ? send(res, pages[page - 1]!, 'application/json') : send(res, '{"error":{"code":404}}', 'application/json', 404);
      },
      invalid: 'record 2 kept out: no "release" with a "name"',
      kept: 2,
      generated: /^mot\//,
      cut: { path: '/api/v1/models?page=1&limit=100', body: pages[0]!.subarray(0, 300), message: 'page 1 is not complete JSON' },
    };
  },
  'epoch-eci': async () => {
    const body = await read(INGEST, 'eci_scores.csv');
    return {
      path: '/data/eci_scores.csv',
      serve: async (_q, res) => send(res, body, 'text/csv'),
      invalid: 'record 4 kept out: "eci" must be a number, got "high"',
      kept: 3,
      generated: /^capability\/epoch-eci/,
      cut: { path: '/data/eci_scores.csv', body: Buffer.from('Model,eci,date\n"Llama 3.1-405B,127'), message: 'is not complete CSV' },
    };
  },
};

let scratch: Awaited<ReturnType<typeof scratchData>>;
let closers: (() => Promise<void>)[] = [];
const q = (...args: string[]) => cli('--data', scratch.dataDir, '--db', path.join(scratch.root, 'db.duckdb'), ...args);
async function serve(handler: Handler) {
  const s = await replayServer(handler);
  closers.push(s.close);
  return s;
}

beforeEach(async () => {
  scratch = await scratchData();
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await scratch.cleanup();
});

describe('aperture ingest of each live upstream against a local server', () => {
  for (const [id, make] of Object.entries(LIVE)) {
    it(`${id}: fetches the live form, keeps the invalid record out, imports the rest with its raw response in the same generation`, async () => {
      const live = await make();
      const s = await serve((req, res) => void live.serve(req, res));
      const r = await q('ingest', id, '--url', s.base + live.path, '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(live.invalid);
      const out = r.json<{ ingests: { kept: number; rejected: unknown[]; snapshot: string }[] }>().ingests[0]!;
      expect(out.kept).toBe(live.kept);
      expect(out.rejected).toHaveLength(1);
      const generation = (await readFile(path.join(scratch.dataDir, 'imported', 'CURRENT'), 'utf8')).trim();
      const files = await listFiles(path.join(scratch.dataDir, 'imported', generation));
      expect(files.some((f) => live.generated.test(f)), files.join(', ')).toBe(true);
      const record = files.find((f) => f.startsWith(`raw/${id}/`) && f.endsWith('.fetch.json'))!;
      const meta = JSON.parse(await readFile(path.join(scratch.dataDir, 'imported', generation, record), 'utf8'));
      expect(meta.staged).toMatchObject({ kept: live.kept });
      const rawFile = files.find((f) => f.startsWith(`raw/${id}/`) && f.endsWith('.gz'))!;
      expect(rawFile).toBeDefined();
      expect((await q('validate')).code).toBe(0);
    }, 60_000);

    it(`${id}: a body cut off so that it cannot be read whole stops the ingest and writes nothing`, async () => {
      const live = await make();
      const s = await serve((_q, res) => send(res, live.cut!.body, 'application/octet-stream'));
      const before = await dataState(scratch.dataDir);
      const r = await q('ingest', id, '--url', s.base + live.cut!.path);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(live.cut!.message);
      expect(r.stderr).toContain('nothing was written');
      expect(await dataState(scratch.dataDir)).toEqual(before);
    }, 60_000);
  }

  // Each fault on the first attempt, then the whole fixture: the fetch layer must ride it out.
  const faults: [string, (res: ServerResponse, req: IncomingMessage, live: Live) => void][] = [
    ['429 with Retry-After', (res) => send(res, '{"error":{"code":429}}', 'application/json', 429, { 'retry-after': '1' })],
    ['429 without Retry-After', (res) => send(res, '', 'text/plain', 429)],
    ['500', (res) => send(res, 'oops', 'text/plain', 500)],
    ['502', (res) => send(res, 'bad gateway', 'text/plain', 502)],
    ['503', (res) => send(res, 'down', 'text/plain', 503)],
    ['a connection reset', (_res, req) => req.socket.destroy()],
    ['a body cut off before its Content-Length', (res) => (res.writeHead(200, { 'content-length': '5000' }), res.write('{"pager":'), setTimeout(() => res.socket?.destroy(), 20))],
    ['a response slower than --timeout', (res, req, live) => void setTimeout(() => void live.serve(req, res).catch(() => {}), 2500)],
  ];
  for (const [i, [what, fault]] of faults.entries()) {
    // Every fault against every upstream would be 40 runs; each fault meets two upstreams in turn.
    for (const id of [Object.keys(LIVE)[i % 5]!, Object.keys(LIVE)[(i + 2) % 5]!]) {
      it(`${id}: ${what} on the first attempt is retried and the ingest completes`, async () => {
        const live = await LIVE[id]!();
        const s = await serve((req, res, n) => (n === 1 ? fault(res, req, live) : void live.serve(req, res)));
        const r = await q('ingest', id, '--url', s.base + live.path, '--timeout', '1000', '--dry-run', '--json');
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain('retry');
        expect(r.json<{ ingests: { kept: number }[] }>().ingests[0]!.kept).toBe(live.kept);
        expect(s.count()).toBeGreaterThan(1);
      }, 60_000);
    }
  }

  it('lmarena: the release tag the download redirects to dates the snapshot and names the history file', async () => {
    const live = await LIVE.lmarena!();
    const s = await serve((req, res) => void live.serve(req, res));
    const r = await q('ingest', 'lmarena', '--url', s.base + live.path, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<{ ingests: { snapshot: string }[] }>().ingests[0]!.snapshot).toBe('2025-08-04');
    const generation = (await readFile(path.join(scratch.dataDir, 'imported', 'CURRENT'), 'utf8')).trim();
    const files = await listFiles(path.join(scratch.dataDir, 'imported', generation));
    expect(files).toContain('raw/lmarena/2025-08-04.csv.gz');
  }, 60_000);

  it('mot: a pager that promises more models than its pages hold is an incomplete listing, not imported', async () => {
    const page = JSON.parse((await read(INGEST, 'mot', 'page-1.json')).toString());
    page.pager.total_pages = 1;
    const s = await serve((_q, res) => send(res, JSON.stringify(page), 'application/json'));
    const r = await q('ingest', 'mot', '--url', `${s.base}/api/v1/models?page=1`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the listing says 3 models but its 1 page(s) hold 2');
  });

  it('mot: a pager that repeats a page stops the ingest', async () => {
    const page = await read(INGEST, 'mot', 'page-1.json');
    const s = await serve((_q, res) => send(res, page, 'application/json'));
    const r = await q('ingest', 'mot', '--url', `${s.base}/api/v1/models?page=1`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the pager repeats page 1');
  });

  it('osai-index: the commit id of the tarball is kept in the fetch record', async () => {
    const live = await LIVE['osai-index']!();
    const s = await serve((req, res) => void live.serve(req, res));
    expect((await q('ingest', 'osai-index', '--url', s.base + live.path)).code).toBe(0);
    const generation = (await readFile(path.join(scratch.dataDir, 'imported', 'CURRENT'), 'utf8')).trim();
    const dir = path.join(scratch.dataDir, 'imported', generation, 'raw', 'osai-index');
    const [record] = (await listFiles(dir)).filter((f) => f.endsWith('.fetch.json'));
    expect(JSON.parse(await readFile(path.join(dir, record!), 'utf8')).staged.about).toEqual({ commit: '0123456789abcdef0123456789abcdef01234567' });
    // The raw tarball is kept as it came, and reads back to the same project files.
    const [raw] = (await listFiles(dir)).filter((f) => f.endsWith('.tar.gz'));
    const archive = readTarGz(await readFile(path.join(dir, raw!)));
    expect(archive.ok && archive.value.files.map((f) => path.basename(f.path)).sort()).toContain('olmo.yaml');
  }, 60_000);

  it('models-dev: a listing that inherits a lab file is passed on with its base_model, so the importer skips it as a repeat', async () => {
    const live = await LIVE['models-dev']!();
    const s = await serve((req, res) => void live.serve(req, res));
    const r = await q('ingest', 'models-dev', '--url', s.base + live.path, '--json');
    expect(r.code, r.stderr).toBe(0);
    const summary = r.json<{ ingests: { imports: { skipped: Record<string, number> }[] }[] }>().ingests[0]!.imports[0]!;
    expect(summary.skipped).toMatchObject({ 'repeats a lab-level file': 1, 'no open-weights claim': 1 });
  }, 60_000);

  it('ingest --all runs every upstream with an endpoint, each from its environment variable, and reports one failure without stopping the others', async () => {
    const made = Object.fromEntries(await Promise.all(Object.entries(LIVE).map(async ([id, make]) => [id, await make()] as const)));
    const openrouter = await read(INGEST, 'openrouter-models.json');
    const s = await serve((req, res) => {
      const [, id, ...rest] = req.url!.split('/');
      if (id === 'openrouter') return send(res, openrouter, 'application/json');
      if (id === 'mot') return send(res, 'down', 'text/plain', 503);
      const live = made[id!];
      if (!live) return send(res, 'no such source', 'text/plain', 404);
      req.url = '/' + rest.join('/');
      if (id === 'lmarena' && req.url.includes('/latest/')) return send(res, '', 'text/plain', 302, { location: '/lmarena/releases/download/2025.08.04/lmarena_text.csv' });
      void live.serve(req, res);
    });
    const env: Record<string, string> = { APERTURE_OPENROUTER_URL: `${s.base}/openrouter/api/v1/models` };
    for (const [id, live] of Object.entries(made)) env[`APERTURE_${id.toUpperCase().replace(/-/g, '_')}_URL`] = `${s.base}/${id}${live.path}`;
    Object.assign(process.env, env);
    try {
      const r = await q('ingest', '--all', '--dry-run', '--json', '--budget', '60');
      expect(r.code).toBe(1);
      const rows = r.json<{ ingests: { source: string; skipped?: string; error?: string; kept?: number }[] }>().ingests;
      expect(rows.map((x) => x.source)).toEqual(['openrouter', 'epoch', 'epoch-notable', 'models-dev', 'lmarena', 'osai-index', 'mot', 'epoch-eci']);
      expect(rows.find((x) => x.source === 'epoch')?.skipped).toContain('APERTURE_EPOCH_URL');
      expect(rows.find((x) => x.source === 'mot')?.error).toContain('answered 503');
      for (const id of ['models-dev', 'lmarena', 'osai-index', 'epoch-eci']) expect(rows.find((x) => x.source === id)?.kept, id).toBe(made[id]!.kept);
      expect(r.stderr).toContain('1 of 8 ingest(s) failed');
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
    }
  }, 120_000);
});

describe('reading a repository tarball', () => {
  it('a gzip stream cut at the end of its tar (no end-of-archive blocks) is an error, not a shorter repository', async () => {
    const whole = gunzipSync(await osaiTarball());
    const { gzipSync } = await import('node:zlib');
    const cut = readTarGz(gzipSync(whole.subarray(0, whole.length - 1024 - 512)));
    expect(cut.ok).toBe(false);
    const damaged = Buffer.from(whole);
    damaged[1030] = damaged[1030]! ^ 0xff;
    const bad = readTarGz(gzipSync(damaged));
    expect(bad.ok ? 'read' : bad.error).toContain('damaged header');
  });
});
