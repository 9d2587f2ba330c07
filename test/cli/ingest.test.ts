import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/lib/files.js';
import { cli } from '../helpers/cli.js';
import { FIXTURES, scratchData } from '../helpers/fixture-data.js';

const MODELS = path.join(FIXTURES, 'ingest', 'openrouter-models.json');
const ROOT = path.resolve(import.meta.dirname, '..', '..');

type Handler = (req: IncomingMessage, res: ServerResponse, nth: number) => void;
let closers: (() => Promise<void>)[] = [];
/** A real HTTP server on 127.0.0.1 replaying what the test's handler says. */
async function upstream(handler: Handler) {
  let n = 0;
  const server = createServer((req, res) => handler(req, res, ++n));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/models`, count: () => n };
}
const json = (res: ServerResponse, body: string, status = 200, headers: Record<string, string> = {}) => (res.writeHead(status, { 'content-type': 'application/json', ...headers }), res.end(body));

let scratch: Awaited<ReturnType<typeof scratchData>>;
const q = (...args: string[]) => cli('--data', scratch.dataDir, '--db', path.join(scratch.root, 'db.duckdb'), ...args);
/** Every file under data/ with its content, to show a failed ingest changed nothing. */
async function dataState(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await listFiles(scratch.dataDir)) out[f] = await readFile(path.join(scratch.dataDir, f), 'latin1');
  return out;
}

beforeEach(async () => {
  scratch = await scratchData();
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await scratch.cleanup();
});

describe('aperture ingest openrouter against a local server', () => {
  it('ingest openrouter --url fetches, keeps an invalid record out and imports the rest, keeping the raw response compressed', async () => {
    const body = await readFile(MODELS, 'utf8');
    const s = await upstream((_q, res) => json(res, body, 200, { etag: '"abc"' }));
    const r = await q('ingest', 'openrouter', '--url', s.url, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('record 2 kept out: "id" must be a text "owner/model", got 42');
    const out = r.json<{ ingests: { kept: number; received: number; rejected: unknown[] }[] }>().ingests[0]!;
    expect(out).toMatchObject({ received: 4, kept: 3 });
    const files = await listFiles(path.join(scratch.dataDir, 'imported'));
    // In the import's own generation (imported/g<N>/raw/...), switched with the files made from it.
    const raw = files.find((f) => /^g\d+\/raw\/openrouter\/\d{4}-\d{2}-\d{2}\.json\.gz$/.test(f))!;
    expect(gunzipSync(await readFile(path.join(scratch.dataDir, 'imported', raw))).toString()).toBe(body);
    const meta = JSON.parse(await readFile(path.join(scratch.dataDir, 'imported', raw.replace('.json.gz', '.fetch.json')), 'utf8'));
    expect(meta).toMatchObject({ url: s.url, status: 200, etag: '"abc"' });
    expect(files.some((f) => !f.includes('raw/'))).toBe(true);
    expect((await q('validate')).code).toBe(0);
  }, 60_000);

  it('ingest --limit 1 --dry-run writes nothing and reports one record kept', async () => {
    const s = await upstream((_q, res) => json(res, '{"data":[{"id":"a/b"},{"id":"c/d"}]}'));
    const before = await dataState();
    const r = await q('ingest', 'openrouter', '--url', s.url, '--limit', '1', '--dry-run', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<{ ingests: { kept: number; filtered: number }[] }>().ingests[0]).toMatchObject({ kept: 1, filtered: 1 });
    expect(await dataState()).toEqual(before);
  });

  it('the endpoint comes from APERTURE_OPENROUTER_URL when --url is not given', async () => {
    // One record: an empty listing is refused like any import that yields nothing.
    const s = await upstream((_q, res) => json(res, '{"data":[{"id":"a/b"}]}'));
    process.env.APERTURE_OPENROUTER_URL = s.url;
    try {
      expect((await q('ingest', 'openrouter', '--dry-run')).code).toBe(0);
      expect(s.count()).toBe(1);
    } finally {
      delete process.env.APERTURE_OPENROUTER_URL;
    }
  });

  it('a 429 with Retry-After is waited out, then the ingest completes', async () => {
    const s = await upstream((_q, res, n) => (n === 1 ? json(res, '', 429, { 'retry-after': '1' }) : json(res, '{"data":[{"id":"a/b"}]}')));
    const r = await q('ingest', 'openrouter', '--url', s.url, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('retry');
    expect(s.count()).toBe(2);
  });

  const failures: [string, Handler, string][] = [
    ['503 on every attempt', (_q, res) => json(res, 'down', 503), 'answered 503 after 4 attempt(s)'],
    ['a truncated JSON body', (_q, res) => json(res, '{"data": [{"id": "a/b"}, {"id": "c/'), 'the response is not complete JSON'],
    ['a response slower than --timeout', (_q, res) => void setTimeout(() => json(res, '{"data":[]}'), 3000), 'cannot fetch'],
  ];
  for (const [what, handler, message] of failures) {
    it(`${what} stops the ingest with a clear error and leaves every file as it was`, async () => {
      const s = await upstream(handler);
      const before = await dataState();
      const r = await q('ingest', 'openrouter', '--url', s.url, '--timeout', '200', '--budget', '6');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('nothing was written');
      expect(await dataState()).toEqual(before);
    }, 60_000);
  }

  it('a process killed mid-run leaves the previous files intact, and the rerun completes', async () => {
    const body = await readFile(MODELS, 'utf8');
    let stall = true;
    let asked!: () => void;
    const seen = new Promise<void>((resolve) => (asked = resolve));
    const s = await upstream((_q, res) => {
      asked();
      if (!stall) return json(res, body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(body.slice(0, 40));
    });
    // A completed ingest first, so there are previous files for the killed run to spoil.
    const earlier = await upstream((_q, res) => json(res, '{"data":[{"id":"deepseek/deepseek-r1","hugging_face_id":"deepseek-ai/DeepSeek-R1"}]}'));
    expect((await q('ingest', 'openrouter', '--url', earlier.url)).code).toBe(0);
    const before = await dataState();
    expect(Object.keys(before).some((f) => /^imported\/g\d+\/raw\/openrouter\//.test(f))).toBe(true);
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'aperture.mjs'), '--data', scratch.dataDir, '--db', path.join(scratch.root, 'db.duckdb'), 'ingest', 'openrouter', '--url', s.url], { stdio: 'ignore' });
    await seen;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await dataState()).toEqual(before);
    stall = false;
    const r = await q('ingest', 'openrouter', '--url', s.url);
    expect(r.code, r.stderr).toBe(0);
    const after = await dataState();
    const raw = Object.keys(after).find((f) => f.endsWith('.json.gz') && /^imported\/g\d+\/raw\/openrouter\//.test(f))!;
    expect(gunzipSync(Buffer.from(after[raw]!, 'latin1')).toString()).toBe(body);
  }, 120_000);
});

describe('aperture ingest of CSV and unsupported upstreams', () => {
  const header = 'Model,Organization,Publication date,Domain,Model accessibility';
  it('ingest epoch-notable keeps a row with the wrong number of fields out and reports it', async () => {
    const csv = `${header}\nTestModel A,Meta AI,2024-01-01,Language,Open weights (unrestricted)\nbroken row,only two\n`;
    const s = await upstream((_q, res) => (res.writeHead(200, { 'content-type': 'text/csv' }), res.end(csv)));
    const r = await q('ingest', 'epoch-notable', '--url', s.url, '--dry-run', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('record 3 kept out: 2 field(s) where the header has 5');
  });

  it('a CSV cut off inside a quoted field stops the ingest', async () => {
    const s = await upstream((_q, res) => (res.writeHead(200), res.end(`${header}\n"TestModel A,Meta AI,2024`)));
    const r = await q('ingest', 'epoch-notable', '--url', s.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the response is not complete CSV');
  });

  it('ingest models-dev reads api.json as the provider listings it is (the lab-level files need a clone)', async () => {
    const s = await upstream((_q, res) => json(res, '{"p":{"models":{"deepseek-ai/DeepSeek-R1":{"name":"DeepSeek-R1","open_weights":true}}}}'));
    const r = await q('ingest', 'models-dev', '--url', s.url, '--dry-run', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<{ ingests: { imports: { importer: string }[] }[] }>().ingests[0]!.imports[0]).toMatchObject({ importer: 'models-dev-providers' });
  });

  it('ingest epoch without --url names the environment variable to set', async () => {
    const r = await q('ingest', 'epoch');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('APERTURE_EPOCH_URL');
  });

  it('an empty listing is refused like any import that yields nothing, and nothing is written', async () => {
    const s = await upstream((_q, res) => json(res, '{"data":[]}'));
    const before = await dataState();
    const r = await q('ingest', 'openrouter', '--url', s.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gave no records');
    expect(await dataState()).toEqual(before);
  });

  it('ingest --all lists the upstreams it skips and why', async () => {
    // One record: an empty listing is refused like any import that yields nothing. Every other
    // upstream is pointed at the same local server (404), so nothing leaves 127.0.0.1.
    const s = await upstream((req, res) => (req.url === '/api/v1/models' ? json(res, '{"data":[{"id":"a/b"}]}') : json(res, 'no', 404)));
    const vars = ['APERTURE_MODELS_DEV_URL', 'APERTURE_LMARENA_URL', 'APERTURE_OSAI_INDEX_URL', 'APERTURE_MOT_URL', 'APERTURE_EPOCH_ECI_URL'];
    process.env.APERTURE_OPENROUTER_URL = s.url;
    for (const v of vars) process.env[v] = `${s.url}/missing`;
    try {
      const r = await q('ingest', '--all', '--dry-run', '--json');
      expect(r.code).toBe(1);
      const rows = r.json<{ ingests: { source: string; skipped?: string; error?: string }[] }>().ingests;
      expect(rows.find((x) => x.source === 'openrouter')?.skipped).toBeUndefined();
      expect(rows.find((x) => x.source === 'epoch')?.skipped).toContain('APERTURE_EPOCH_URL');
      expect(rows.find((x) => x.source === 'mot')?.error).toContain('answered 404');
    } finally {
      delete process.env.APERTURE_OPENROUTER_URL;
      for (const v of vars) delete process.env[v];
    }
  });
});
