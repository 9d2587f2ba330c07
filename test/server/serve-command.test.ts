import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { scratchData } from '../helpers/fixture-data.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'aperture.mjs');
let root: string;
let dataDir: string;
let cleanup: () => Promise<void>;
let child: ChildProcess | undefined;

beforeAll(async () => {
  ({ root, dataDir, cleanup } = await scratchData());
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  await cleanup();
});

describe('aperture serve', () => {
  it('builds the missing database, serves it and prints the URL, and stops on SIGTERM', async () => {
    const dbPath = path.join(root, 'serve.duckdb');
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir, '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (b) => (stderr += b));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 170_000);
      child!.stdout!.on('data', (b) => {
        stdout += b;
        const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child!.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    expect(stderr).toContain('building');
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('The state of AI model openness');
    const api = await fetch(`${url}api/releases?country=FR`);
    expect((await api.json()).data.rows.length).toBeGreaterThan(0);
    const write = await fetch(`${url}api/releases`, { method: 'POST', body: '{}' });
    expect(write.status).toBe(405);
    const exited = new Promise<number | null>((resolve) => child!.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // A fresh clone builds the database and the browser bundle first: minutes on a busy 2-core machine.
  }, 180_000);

  it('rejects a port out of range with a usage error', async () => {
    const r = await cli('serve', '--port', '70000', '--data', dataDir, '--db', path.join(root, 'x.duckdb'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--port: expected a port from 0 to 65535');
  });
});
