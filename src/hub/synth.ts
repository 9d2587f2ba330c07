import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { createGzip } from 'node:zlib';
import { openDb } from '../store/db.js';

/**
 * Synthetic Hub listings for tests and benchmarks, deterministic for a seed. What it imitates:
 * - namespaces by Zipf popularity: a few well-known lab namespaces upload most base models,
 *   a long tail of user namespaces (`user-00042`) uploads most derivatives;
 * - about 12% base models, the rest derivatives whose parent is picked by preferential
 *   attachment (half the time a repo already used as a parent, so popular bases gather
 *   derivatives), which makes chains several levels deep;
 * - relations: 45% finetune, 28% quantized, 20% adapter, 7% merge of two parents;
 * - tags as the Hub writes them: `base_model:<parent>` beside `base_model:<relation>:<parent>`,
 *   sometimes only the plain tag or only cardData.base_model;
 * - 2% of derivatives name a parent missing from the listing; one 2-cycle per 50k repos (at
 *   least one in any listing of 20 repos or more);
 * - power-law (Pareto, alpha 1.2) 30-day downloads, bases ten times more; all-time downloads
 *   grow with age; createdAt spread from 2022-01 to 2026-10 in listing order.
 */
export interface SynthOptions {
  repos: number;
  seed: number;
}

export const LAB_NAMESPACES = ['meta-llama', 'Qwen', 'deepseek-ai', 'mistralai', 'google', 'microsoft', 'openai', 'THUDM', 'zai-org', 'tiiuae', 'allenai', 'bigscience', 'moonshotai', 'MiniMaxAI', '01-ai', 'internlm', 'nvidia', 'ibm-granite', 'CohereForAI', 'stabilityai', 'BAAI', 'baichuan-inc'];
const RELS = ['finetune', 'quantized', 'adapter', 'merge'] as const;
const LIBS = ['transformers', 'gguf', 'peft', 'diffusers', 'mlx', 'sentence-transformers'];
const PIPES = ['text-generation', 'text-classification', 'image-text-to-text', 'feature-extraction', 'text-to-image'];

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* synthListing(o: SynthOptions): Generator<Record<string, unknown>> {
  const rnd = mulberry32(o.seed);
  const users = Math.max(20, Math.floor(o.repos / 15));
  // Whether a repo is a base and who uploads it come from its own stream, so a repo can name
  // one that is listed after it (the rare cycle needs that).
  const shape = (i: number) => {
    const r = mulberry32((o.seed * 2654435761) ^ (i * 40503 + 1));
    const isBase = i < 10 || r() < 0.12;
    const zipf = (k: number) => Math.min(k - 1, Math.floor(Math.pow(r(), 2.2) * k));
    const ns = isBase && r() < 0.7 ? LAB_NAMESPACES[zipf(LAB_NAMESPACES.length)]! : `user-${String(zipf(users)).padStart(5, '0')}`;
    return { isBase, ns, id: `${ns}/model-${i}` };
  };
  const ids: string[] = [];
  const usedAsParent: number[] = [];
  const cycleEvery = Math.min(50_000, Math.max(10, Math.floor(o.repos / 2)));
  const start = Date.UTC(2022, 0, 1), span = Date.UTC(2026, 9, 31) - start;
  const pickParent = () => (usedAsParent.length && rnd() < 0.5 ? usedAsParent[Math.floor(rnd() * usedAsParent.length)]! : Math.floor(rnd() * ids.length));
  for (let i = 0; i < o.repos; i++) {
    const { isBase, ns, id } = shape(i);
    const createdMs = start + Math.floor((span * i) / o.repos);
    const created = new Date(createdMs).toISOString();
    const ageMonths = Math.max(1, (start + span - createdMs) / (30 * 86_400_000));
    const pareto = Math.floor(Math.pow(1 / (1 - rnd()), 1 / 1.2)) - 1;
    const downloads = Math.min(50_000_000, pareto * (isBase ? 10 : 1));
    const tags: string[] = [LIBS[i % LIBS.length]!, `license:${rnd() < 0.6 ? 'apache-2.0' : 'other'}`];
    const card: string[] = [];
    const inCycle = i % cycleEvery === cycleEvery - 2 && i + 1 < o.repos;
    if (inCycle) tags.push(`base_model:finetune:${shape(i + 1).id}`);
    if (i % cycleEvery === cycleEvery - 1 && i >= 1) tags.push(`base_model:finetune:${ids[i - 1]}`);
    else if (!isBase && ids.length) {
      const pick = rnd();
      const rel = RELS[pick < 0.45 ? 0 : pick < 0.73 ? 1 : pick < 0.93 ? 2 : 3]!;
      const rows = [pickParent()];
      if (rel === 'merge') rows.push(pickParent());
      const parents = rows.map((r) => (rnd() < 0.02 ? `ghost-${r % 97}/deleted-model-${r}` : ids[r]!));
      for (const p of parents) {
        const style = rnd();
        if (style < 0.8) tags.push(`base_model:${p}`, `base_model:${rel}:${p}`);
        else if (style < 0.9) tags.push(`base_model:${p}`);
        else if (style < 0.95) tags.push(`base_model:${rel}:${p}`);
        else card.push(p);
      }
      rows.forEach((r, k) => { if (!parents[k]!.startsWith('ghost-')) usedAsParent.push(r); });
    }
    ids.push(id);
    yield {
      id, author: ns, createdAt: created, lastModified: created, downloads,
      downloadsAllTime: Math.floor(downloads * (1 + ageMonths * rnd())), likes: Math.floor(Math.sqrt(downloads) * rnd()),
      pipeline_tag: PIPES[i % PIPES.length], library_name: LIBS[i % LIBS.length], tags,
      ...(card.length ? { cardData: { base_model: card.length === 1 ? card[0] : card } } : {}),
    };
  }
}

/** Writes a synthetic listing as NDJSON, gzip-compressed when the file name ends in .gz. */
export async function writeSynth(o: SynthOptions, file: string): Promise<number> {
  const out = createWriteStream(file);
  const gz = file.endsWith('.gz') ? createGzip({ level: 6 }) : undefined;
  gz?.pipe(out);
  const sink = gz ?? out;
  let n = 0;
  let buf = '';
  for (const rec of synthListing(o)) {
    buf += JSON.stringify(rec) + '\n';
    n++;
    if (buf.length > 1 << 20) {
      if (!sink.write(buf)) await once(sink, 'drain');
      buf = '';
    }
  }
  sink.end(buf);
  await once(out, 'finish');
  return n;
}

/** The same listing as Parquet with the hub-stats dump columns, converted by DuckDB. */
export async function writeSynthParquet(o: SynthOptions, file: string): Promise<number> {
  const tmp = `${file}.tmp-${process.pid}.ndjson`;
  const n = await writeSynth(o, tmp);
  const db = await openDb(':memory:');
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  try {
    await db.run(`COPY (SELECT id, author, CAST(createdAt AS TIMESTAMP) AS createdAt, downloads, downloadsAllTime, likes, tags, pipeline_tag, library_name
      FROM read_json(${q(tmp)}, format = 'newline_delimited', columns = {id: 'VARCHAR', author: 'VARCHAR', createdAt: 'VARCHAR', downloads: 'BIGINT', downloadsAllTime: 'BIGINT', likes: 'BIGINT', tags: 'VARCHAR[]', pipeline_tag: 'VARCHAR', library_name: 'VARCHAR'}))
      TO ${q(file)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    db.close();
    await rm(tmp, { force: true });
  }
  return n;
}
