import { SingleBar, Presets } from 'cli-progress';

/** What the fetch layer reports about each request: a progress bar on a terminal, lines otherwise. */
export interface FetchLog {
  /** A request is about to be tried (attempt counts from 1). */
  attempt?(url: string, attempt: number): void;
  /** A request will be retried after `waitMs`, and why. */
  retry?(url: string, reason: string, waitMs: number): void;
  /** A request finished: its final status, or the error that ended it. */
  done?(url: string, outcome: string): void;
}

/**
 * A bar over `total` requests on a terminal; otherwise one plain line per finished request and
 * per retry, so a log file shows what happened without control characters.
 */
export function fetchLog(total: number, stream: NodeJS.WriteStream = process.stderr, label = 'fetching'): FetchLog & { stop(): void } {
  if (stream.isTTY) {
    const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {url}`, stream, clearOnComplete: true, hideCursor: true }, Presets.shades_classic);
    bar.start(total, 0, { url: '' });
    let done = 0;
    return { done: (url) => bar.update(++done, { url }), retry: (url) => bar.update(done, { url: `retrying ${url}` }), stop: () => bar.stop() };
  }
  return {
    retry: (url, reason, waitMs) => stream.write(`retry ${url}: ${reason}; waiting ${waitMs} ms\n`),
    done: (url, outcome) => stream.write(`fetched ${url}: ${outcome}\n`),
    stop: () => {},
  };
}
