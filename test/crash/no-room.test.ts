import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Out of room while writing: build, import and snapshot must report a clean error naming the
 * path, remove their temporaries, exit 1 (README: 1 for findings and refused writes), and leave
 * the previous state as it was.
 *
 * Two real failures of write(2), no mock:
 * - EFBIG, always: the command runs under a file-size limit (`ulimit -f`, in 1 KiB blocks) with
 *   SIGXFSZ ignored, so a write past the limit fails with EFBIG instead of killing the process.
 *   It needs no privilege, so it runs everywhere; it is the same path through the code as a full
 *   disk (a write that fails halfway), though the errno differs.
 * - ENOSPC, where a tmpfs can be mounted (root with CAP_SYS_ADMIN): a 24 MiB tmpfs filled up to
 *   a few KiB. Skipped, and said so, where mounting is not allowed.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'aperture.mjs');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

function run(args: string[], limitKb?: number): Promise<{ code: number | null; stderr: string }> {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const script = limitKb === undefined ? `exec ${cmd}` : `ulimit -f ${limitKb}; trap '' XFSZ; exec ${cmd}`;
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function tree(dir: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, await tree(path.join(dir, e.name), rel));
    else out[rel] = sha(await readFile(path.join(dir, e.name)));
  }
  return out;
}

/** A work folder with data, a built database, one import and one snapshot: the previous state. */
async function prepared(root: string) {
  const dataDir = path.join(root, 'data');
  const db = path.join(root, 'db', 'aperture.duckdb');
  const snaps = path.join(root, 'snapshots');
  await cp(path.join(FIXTURES, 'data'), dataDir, { recursive: true });
  const epoch = path.join(FIXTURES, 'imports', 'epoch', 'all_ml_systems_full_view_2025-08-07.csv');
  for (const args of [['import', 'epoch', epoch, '--snapshot', '2025-08-07'], ['build'], ['snapshot', '--snapshots', snaps]]) {
    const r = await run(['--data', dataDir, '--db', db, ...args]);
    if (r.code !== 0) throw new Error(`${args[0]} failed: ${r.stderr}`);
  }
  return { dataDir, db, snaps, epoch, base: ['--data', dataDir, '--db', db] };
}
type Prepared = Awaited<ReturnType<typeof prepared>>;

/** The three writers, each with the change that makes it write and where its temporaries would be. */
const WRITERS: { name: string; change: (p: Prepared) => Promise<void>; args: (p: Prepared) => string[]; state: (p: Prepared) => Promise<unknown>; message: RegExp }[] = [
  {
    name: 'build',
    change: (p) => writeFile(path.join(p.dataDir, 'releases', 'mistral', 'mistral-7b.yaml'), '# touched\n', { flag: 'a' }),
    args: (p) => [...p.base, 'build'],
    state: (p) => tree(path.dirname(p.db)),
    message: /aperture\.duckdb:1: error: .*(EFBIG|no space left).*the previous database was kept \[disk-full\]/,
  },
  {
    name: 'import',
    change: async () => {},
    args: (p) => [...p.base, 'import', 'epoch', p.epoch, '--snapshot', '2025-08-07'],
    state: (p) => tree(path.join(p.dataDir, 'imported')),
    message: /error: cannot write .*imported\/\.next-\d+-\d+\/.*\((EFBIG|ENOSPC)\); the previous import is unchanged/,
  },
  {
    name: 'snapshot',
    // The database must be current, or the snapshot's failure would be the rebuild's.
    change: async (p) => {
      const r = await run([...p.base, 'build']);
      if (r.code !== 0) throw new Error(`build failed: ${r.stderr}`);
    },
    args: (p) => [...p.base, 'snapshot', '--snapshots', p.snaps],
    state: (p) => tree(p.snaps),
    message: /error: cannot write .*snapshots\/\.tmp-[^:]+: .*\((EFBIG|ENOSPC)\); no snapshot was written/,
  },
];

describe('a write that runs out of room (EFBIG under a file-size limit)', () => {
  let root: string;
  let p: Prepared;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'aperture-noroom-'));
    p = await prepared(root);
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  for (const w of WRITERS) {
    it(`${w.name}: a clean error naming the path, exit 1, no temporaries, the previous state intact`, async () => {
      await w.change(p);
      const before = await w.state(p);
      // 2 KiB: the data files and start-up fit, any table, database or Parquet file does not.
      const r = await run(w.args(p), 2);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(w.message);
      expect(r.stderr).not.toContain('unexpected error');
      expect(await w.state(p)).toEqual(before);
    }, 60_000);
  }
});

/** A tmpfs of `mib` MiB at a fresh folder, or undefined where mounting is not allowed. */
function tryTmpfs(mib: number): string | undefined {
  const dir = path.join(tmpdir(), `aperture-enospc-${process.pid}`);
  try {
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mib}m`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined;
  }
}
const mounted = process.platform === 'linux' ? tryTmpfs(24) : undefined;

describe.skipIf(!mounted)('a full disk (ENOSPC on a small tmpfs; skipped where a tmpfs cannot be mounted)', () => {
  let p: Prepared;
  const fill = () => path.join(mounted!, 'filler.bin');
  beforeAll(async () => {
    p = await prepared(mounted!);
  }, 120_000);
  afterAll(() => {
    execFileSync('umount', [mounted!], { stdio: 'ignore' });
    execFileSync('rmdir', [mounted!]);
  });

  for (const w of WRITERS) {
    it(`${w.name}: a clean error naming the path, exit 1, no temporaries, the previous state intact`, async () => {
      await w.change(p);
      await rm(fill(), { force: true });
      // Fill the disk but for a few KiB, so the write of the command is the one that fails.
      const free = Number((await statfs(mounted!)).bavail) * Number((await statfs(mounted!)).bsize);
      await mkdir(mounted!, { recursive: true });
      await writeFile(fill(), Buffer.alloc(Math.max(0, free - 8 * 1024)));
      const before = await w.state(p);
      const r = await run(w.args(p));
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(w.message);
      expect(r.stderr).not.toContain('unexpected error');
      expect(await w.state(p)).toEqual(before);
      await rm(fill(), { force: true });
    }, 60_000);
  }
});
