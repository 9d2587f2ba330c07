export { httpFetch, DEFAULT_HTTP, type HttpPolicy, type FetchTrace } from './http-fetch.js';
export { RequestBudget, BudgetExhausted } from './budget.js';
export { ResponseCache, type CachedResponse } from './response-cache.js';
export { fetchLog, type FetchLog } from './fetch-log.js';
export { retryAfterMs } from './retry-after.js';
