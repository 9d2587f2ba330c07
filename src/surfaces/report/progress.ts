import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal; silent otherwise, so piped output and tests
 * stay clean.
 */
export function progressBar(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return { start() {}, update() {}, stop() {} };
  let bar: SingleBar | undefined;
  return {
    start(total, label) {
      bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, clearOnComplete: true, hideCursor: true }, Presets.shades_classic);
      bar.start(total, 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
