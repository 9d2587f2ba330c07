// Rewrites the export field tables in data/README.md from the built base (npx tsx scripts/export-docs.ts).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultDbPath, PACKAGE_ROOT } from '../src/lib/paths.js';
import { openDb } from '../src/store/db.js';
import { DOCS_END, DOCS_START, exportDocsMarkdown } from '../src/views/history/export-docs.js';

const file = path.join(PACKAGE_ROOT, 'data', 'README.md');
const db = await openDb(defaultDbPath(), { readOnly: true });
const block = await exportDocsMarkdown(db);
db.close();
const text = await readFile(file, 'utf8');
const start = text.indexOf(DOCS_START);
const end = text.indexOf(DOCS_END);
if (start < 0 || end < 0) throw new Error(`data/README.md has no ${DOCS_START} ... ${DOCS_END} block`);
await writeFile(file, text.slice(0, start + DOCS_START.length) + '\n\n' + block + '\n' + text.slice(end));
