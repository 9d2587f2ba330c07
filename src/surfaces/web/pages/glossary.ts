import { z } from 'zod';
import { html } from '../html.js';
import { twins } from '../components.js';
import { definePage } from '../page.js';
import { MIN_SAMPLE } from '../../../views/sample.js';

/** The terms the dashboard uses, in plain words; pages link here as `/glossary#term`. */
export const GLOSSARY: readonly { id: string; term: string; text: string }[] = [
  { id: 'open-weights', term: 'Downloadable weights', text: 'A release whose model weights anyone can download, openly (open weights) or after accepting terms or asking for access (gated weights). Counts of "with downloadable weights" include both.' },
  { id: 'gated-weights', term: 'Gated weights', text: 'Weights that can be downloaded only after accepting a license, filling a form or being approved.' },
  { id: 'access', term: 'Access channel', text: 'How a release can be used: open weights, gated weights, an API, a hosted app, or not released. A release is shown by its most open channel.' },
  { id: 'flagship', term: 'Flagship', text: 'A release the fact base marks as a lab\'s leading model of its time, with a cited source.' },
  { id: 'signal', term: 'Retreat and advance signals', text: 'A lab\'s output becoming less open (retreat: flagship closed, weights gated, license tightened, model withheld, last open release) or more open (advance: the reverse, and its first open release). Flagships are pooled per period before comparing.' },
  { id: 'mof', term: 'MOF class', text: 'The Model Openness Framework (LF AI & Data) grades 17 components. Class III (the lowest) needs the weights, architecture and model card open; Class II adds data and code components; Class I needs all of them. "No MOF class" means not even Class III is met; "Class III 60% complete" says how many of that class\'s components are known to be open.' },
  { id: 'osaid', term: 'OSAID', text: 'The Open Source Initiative\'s Open Source AI Definition 1.0: whether weights, code and enough information about the training data are available under open terms.' },
  { id: 'eosai', term: 'EOSAI', text: 'The European Open Source AI Index: grades of openness per parameter (availability, documentation, access), shown beside our own reading.' },
  { id: 'profile', term: 'Openness profile', text: 'A weighted mix of the rubrics; a weight of 0.50 means that part counts for half of the profile score.' },
  { id: 'share', term: 'Share and n', text: `A share is always given with its n ("4 of 5"). A share from fewer than ${MIN_SAMPLE} releases is greyed, never joined into trend lines and never used to rank a headline.` },
  { id: 'partial', term: 'Partial period', text: 'The period containing the as-of date is not over; its counts can still grow.' },
  { id: 'evidence-window', term: 'Evidence window', text: 'The dates of the first and last observation a headline or chart rests on.' },
];

export const glossaryPage = definePage({
  name: 'glossary',
  path: '/glossary',
  summary: 'The terms the dashboard uses (downloadable weights, access channel, flagship, signals, MOF class, OSAID, EOSAI, openness profile, share and n, partial period), in plain words.',
  query: z.strictObject({}),
  load: async () => GLOSSARY,
  title: () => 'Glossary',
  csv: (rows: typeof GLOSSARY) => rows.map((r) => ({ ...r })),
  render: (rows: typeof GLOSSARY, ctx) => html`<h1>Glossary</h1>
<p class="lede">What the words on these pages mean.</p>
<dl class="glossary">${rows.map((r) => html`<dt id="${r.id}">${r.term}</dt><dd>${r.text}</dd>`)}</dl>
${twins(ctx)}`,
});
