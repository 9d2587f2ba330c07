import type { Command } from 'commander';
import { displayPath } from '../../../lib/paths.js';
import { writeSynth, writeSynthParquet } from '../../../hub/synth.js';
import { emit, type GlobalOptions } from '../context.js';
import type { CliIO } from '../io.js';
import { wholeNumber } from './hub.js';

export function registerHubSynth(hub: Command, io: CliIO): void {
  hub
    .command('synth')
    .description('write a realistic synthetic Hub listing (NDJSON, .gz for gzip, .parquet for the hub-stats columns) for tests and benchmarks')
    .requiredOption('--repos <n>', 'how many model repos', wholeNumber('--repos'))
    .option('--seed <s>', 'random seed: the same seed gives the same listing', wholeNumber('--seed', 0), 1)
    .requiredOption('--out <file>', 'where to write it (.ndjson, .ndjson.gz or .parquet)')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', `
What the listing imitates: Zipf-popular namespaces (a few lab namespaces upload most base models,
a long tail of users most derivatives); about 12% base models; derivatives attached
preferentially to popular bases, so chains run several levels deep; relations 45% finetune,
28% quantized, 20% adapter, 7% merges of two parents; the Hub's tag style (base_model:<parent>
beside base_model:<relation>:<parent>, sometimes only one, sometimes cardData.base_model); 2% of
parents missing from the listing; one 2-cycle per 50k repos; power-law downloads.`)
    .action(async (o: { repos: number; seed: number; out: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const t0 = performance.now();
      const repos = o.out.endsWith('.parquet') ? await writeSynthParquet(o, o.out) : await writeSynth(o, o.out);
      const summary = { repos, seed: o.seed, file: o.out, ms: Math.round(performance.now() - t0) };
      emit(io, opts, summary, () => `wrote ${repos.toLocaleString('en')} synthetic repos (seed ${o.seed}) to ${displayPath(o.out)}`);
    });
}
