import type { Page } from '../page.js';
import { overviewPage } from './overview.js';
import { releasePage } from './release.js';
import { releasesPage } from './releases.js';
import { labPage, labsPage } from './labs.js';
import { countriesPage, countryPage } from './countries.js';
import { licensePage, licensesPage } from './licenses.js';
import { claimPage, claimsPage } from './claims.js';
import { bestOpenPage } from './best-open.js';
import { gapPage } from './gap.js';
import { adoptionPage } from './adoption.js';
import { choosePage } from './choose.js';
import { conflictsPage } from './conflicts.js';
import { qualityPage } from './quality.js';
import { sourcePage, sourcesPage } from './sources.js';
import { changesPage } from './changes.js';
import { signalsPage } from './signals.js';
import { trendsPage } from './trends.js';
import { glossaryPage } from './glossary.js';

/** Every page of the dashboard, in navigation order; the server, OpenAPI and export read this list. */
export const PAGES: readonly Page[] = [
  overviewPage,
  releasesPage,
  releasePage,
  labsPage,
  labPage,
  countriesPage,
  countryPage,
  licensesPage,
  licensePage,
  claimsPage,
  claimPage,
  trendsPage,
  signalsPage,
  bestOpenPage,
  gapPage,
  adoptionPage,
  choosePage,
  conflictsPage,
  qualityPage,
  changesPage,
  sourcesPage,
  sourcePage,
  glossaryPage,
];
