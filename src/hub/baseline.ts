import { openDb } from '../store/db.js';
import { sqlLoader } from '../lib/sql-files.js';
import type { Cell, Rule } from './aggregate.js';
import type { OrgRef } from './attribution.js';

const sql = sqlLoader(new URL('./sql/', import.meta.url));
const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

export interface BaselineResult {
  country: Cell[];
  org: Cell[];
  family: Cell[];
  ms: number;
}

/** The same job as the engine, written as plain DuckDB SQL over an NDJSON listing. */
export async function runBaseline(file: string, orgs: readonly OrgRef[], families: ReadonlyMap<string, string> = new Map(), opts: { threads?: number } = {}): Promise<BaselineResult> {
  const t0 = performance.now();
  const db = await openDb(':memory:');
  try {
    if (opts.threads) await db.run(`SET threads = ${opts.threads}`);
    await db.run('CREATE TEMP TABLE ns_org (namespace VARCHAR, org VARCHAR); CREATE TEMP TABLE org_country (org VARCHAR, country VARCHAR); CREATE TEMP TABLE fam (repo VARCHAR, family VARCHAR)');
    // The first organization naming a namespace owns it, as in the engine.
    const seen = new Set<string>();
    for (const o of orgs) {
      for (const ns of o.namespaces) {
        if (seen.has(ns.toLowerCase())) continue;
        seen.add(ns.toLowerCase());
        await db.run('INSERT INTO ns_org VALUES ($ns, $org)', { ns: ns.toLowerCase(), org: o.id });
      }
      const cs = o.countries.length ? [...new Set(o.countries)] : ['unknown'];
      for (const c of cs) await db.run('INSERT INTO org_country VALUES ($org, $c)', { org: o.id, c });
    }
    for (const [repo, family] of families) await db.run('INSERT INTO fam VALUES ($r, $f)', { r: repo.toLowerCase(), f: family });
    for (const stmt of sql('baseline').replace('{{source}}', q(file)).split(/;\s*\n/)) {
      if (stmt.replace(/--.*$/gm, '').trim()) await db.run(stmt);
    }
    const read = async (t: string) => (await db.all<{ rule: Rule; key: string; month: string; relation: string; repos: number; downloads_30d: number; downloads_all_time: number }>(`SELECT * FROM ${t}`))
      .map((r) => ({ rule: r.rule, key: r.key, month: r.month, relation: r.relation, repos: r.repos, downloads30d: r.downloads_30d, downloadsAllTime: r.downloads_all_time }));
    const out = { country: await read('out_country'), org: await read('out_org'), family: await read('out_family') };
    return { ...out, ms: performance.now() - t0 };
  } finally {
    db.close();
  }
}
