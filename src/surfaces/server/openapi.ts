import { z } from 'zod';
import type { Page } from '../web/page.js';
import { apiPath, twinBase } from './routes.js';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['ok', 'error', 'errors', 'status'],
  properties: {
    ok: { const: false },
    error: { type: 'string', description: 'what went wrong, in one sentence' },
    errors: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } } },
    status: { type: 'integer' },
  },
};

const ok = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', required: ['ok', 'data'], properties: { ok: { const: true }, data: {} } } } },
});
const csv = (description: string) => ({ description, content: { 'text/csv': { schema: { type: 'string' } } } });
const htmlPage = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const errors = (withId: boolean) => ({
  400: { $ref: '#/components/responses/Error', description: 'a parameter is invalid' },
  ...(withId ? { 404: { $ref: '#/components/responses/Error', description: 'no such record' } } : {}),
});

/** The query parameters of a page, read off its zod schema so the description cannot drift. */
function parameters(page: Page, withId: boolean) {
  const schema = z.toJSONSchema(page.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>> };
  const query = Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: false, schema: s, ...(s.description ? { description: s.description } : {}) }));
  const id = withId ? [{ name: 'id', in: 'path', required: true, schema: page.id ? z.toJSONSchema(page.id, { io: 'input', unrepresentable: 'any' }) : { type: 'string' } }] : [];
  return [...id, ...query];
}

const oaPath = (p: string) => p.replace(/:id/g, '{id}');

/** OpenAPI 3.1 for every route the server registers: pages, twins, API, this document, assets. */
export function openApi(pages: readonly Page[]) {
  const paths: Record<string, unknown> = {};
  for (const page of pages) {
    const withId = page.path.includes('/:id');
    const params = parameters(page, withId);
    const op = (suffix: string, summary: string, response: object) => ({
      get: { operationId: `${page.name}${suffix}`, summary, description: page.summary, tags: [page.name], parameters: params, responses: { 200: response, ...errors(withId) } },
    });
    if (withId) {
      paths[oaPath(page.path)] = op('Html', `${page.summary.split(':')[0]} (HTML page)`, htmlPage('the page; its `Link` header names the JSON and CSV twins'));
      paths[`${oaPath(page.path)}.json`] = op('Json', `${page.name} as JSON`, ok('the page data'));
      paths[`${oaPath(page.path)}.csv`] = op('Csv', `${page.name} as CSV`, csv('the tabular part of the page'));
      paths[oaPath(apiPath(page))] = op('', `${page.name} (API)`, ok('the page data, as the .json twin'));
      paths[`${oaPath(apiPath(page))}.csv`] = op('ApiCsv', `${page.name} as CSV (API)`, csv('as the .csv twin'));
    } else {
      const base = twinBase(page.path);
      paths[page.path] = op('Html', `${page.name} (HTML page)`, htmlPage('the page; its `Link` header names the JSON and CSV twins'));
      paths[`${base}.json`] = op('Json', `${page.name} as JSON`, ok('the page data'));
      paths[`${base}.csv`] = op('Csv', `${page.name} as CSV`, csv('the tabular part of the page'));
      paths[apiPath(page)] = op('', `${page.name} (API)`, ok('the page data, as the .json twin'));
      paths[`${apiPath(page)}.csv`] = op('ApiCsv', `${page.name} as CSV (API)`, csv('as the .csv twin'));
    }
  }
  paths['/api'] = { get: { operationId: 'apiIndex', summary: 'the list of API endpoints', responses: { 200: ok('endpoints with their page and JSON twin') } } };
  paths['/openapi.json'] = { get: { operationId: 'openapi', summary: 'this description', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } };
  paths['/badge/{file}'] = {
    get: {
      operationId: 'badge',
      summary: 'an embeddable openness badge of one release (access, license category, MOF class) linking back to its page: `<release-id>.svg`, or `<release-id>.json` for the same facts',
      parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*\\.(svg|json)$' } }],
      responses: { 200: { description: 'the badge', content: { 'image/svg+xml': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } }, 400: { $ref: '#/components/responses/Error', description: 'not .svg or .json' }, 404: { $ref: '#/components/responses/Error', description: 'no such release' } },
    },
  };
  paths['/assets/{file}'] = {
    get: {
      operationId: 'asset',
      summary: 'the stylesheet and browser script, named by a hash of their content (cached for a year)',
      parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'CSS or JavaScript' }, 404: { $ref: '#/components/responses/Error', description: 'no such asset' } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Aperture',
      version: '1',
      description:
        'An observatory of AI model openness. Every page has JSON (`.json`) and CSV (`.csv`) twins and an `/api` route. Read-only: only GET and HEAD; any other method answers 405. Every failure answers the same body: `{ok: false, error, errors: [{path, message}], status}`.',
    },
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      responses: { Error: { description: 'the one error body', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
    },
  };
}
