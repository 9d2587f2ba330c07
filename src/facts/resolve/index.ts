export { mergeBatch, type ImportOutput, type ImportSummary, type MergeOptions } from './merge.js';
export { renderImport, renderNewOrgs } from './render.js';
export { OrgDirectory } from './orgs.js';
export { ReleaseIndex, type Resolution } from './release-index.js';
export { LicenseNames } from './licenses.js';
export { nameKey, orgKey, slugify } from './normalize.js';
export { withoutImports, addImportToFacts, isImportedFile } from './fact-scope.js';
