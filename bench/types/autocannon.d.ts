// The part of autocannon's API bench/serve.ts uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    interface Result {
      requests: { average: number };
      latency: { p50: number; p99: number };
      errors: number;
      timeouts: number;
      non2xx: number;
    }
    interface Request {
      method: string;
      path?: string;
      /** Called before each request is sent; returns the request to send. */
      setupRequest?: (req: Request) => Request;
    }
  }
  function autocannon(opts: { url: string; connections: number; duration: number; timeout?: number; requests?: autocannon.Request[] }): Promise<autocannon.Result>;
  export default autocannon;
}
