// The part of autocannon's API bench/serve.ts uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    interface Result {
      requests: { average: number };
      latency: { p50: number; p99: number };
      errors: number;
      non2xx: number;
    }
  }
  function autocannon(opts: { url: string; connections: number; duration: number; requests?: { method: string; path: string }[] }): Promise<autocannon.Result>;
  export default autocannon;
}
