import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A seeded, bounded fault-injecting HTTP proxy on 127.0.0.1, between the
 * client and the real reference server. Every request draws one fault from
 * the schedule; the seed makes a failing run reproducible.
 */
export type Fault =
  | 'none'
  | 'drop_before' // the connection dies before the server sees the request
  | 'drop_after' // the server commits, the response is lost
  | 'reset_midway' // the response starts, then the connection resets
  | 'delay' // everything arrives, late
  | 'error_5xx' // 500/502/503 bursts without reaching the server (503 with Retry-After)
  | 'truncate' // the body ends early
  | 'garble' // a 200 with a body that is not the contract
  | 'slow_drip'; // the body trickles in slower than the client's timeout

export interface FaultProxyOptions {
  target: string;
  seed: number;
  /** Share of requests that get a fault (0..1). */
  rate: number;
  faults?: Fault[];
  /** Only requests whose path matches are faulted (default: all). */
  only?: RegExp;
  slowDripMs?: number;
}

export interface FaultProxy {
  url: string;
  counts: Record<Fault, number>;
  setRate(rate: number): void;
  close(): Promise<void>;
}

const ALL_FAULTS: Fault[] = ['drop_before', 'drop_after', 'reset_midway', 'delay', 'error_5xx', 'truncate', 'garble', 'slow_drip'];

/** mulberry32: small, fast, good enough to schedule faults reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const faults = options.faults ?? ALL_FAULTS;
  const counts = Object.fromEntries(['none', ...ALL_FAULTS].map((fault) => [fault, 0])) as Record<Fault, number>;
  let rate = options.rate;
  const target = new URL(options.target);

  const server = http.createServer((request, response) => {
    const faultable = !options.only || options.only.test(request.url ?? '');
    const fault: Fault = faultable && random() < rate ? (faults[Math.floor(random() * faults.length)] as Fault) : 'none';
    counts[fault] += 1;
    void handle(fault, request, response);
  });

  async function handle(fault: Fault, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const body = await readAll(request);
    if (fault === 'drop_before') return void request.socket.destroy();
    if (fault === 'error_5xx') {
      const status = [500, 502, 503][Math.floor(random() * 3)] as number;
      response.writeHead(status, status === 503 ? { 'retry-after': '0', 'content-type': 'text/plain' } : { 'content-type': 'text/plain' });
      return void response.end('injected failure');
    }
    if (fault === 'delay') await sleep(50 + Math.floor(random() * 400));
    const upstream = await forward(request, body);
    if (fault === 'drop_after') return void request.socket.destroy();
    const headers = { ...upstream.headers };
    delete headers['transfer-encoding'];
    if (fault === 'garble') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ lastSeq: 'garbage', results: 'not a list' }));
    }
    response.writeHead(upstream.status, headers);
    if (fault === 'reset_midway' || fault === 'truncate') {
      response.write(upstream.body.subarray(0, Math.floor(upstream.body.length / 2)));
      return void setTimeout(() => request.socket.destroy(), 10);
    }
    if (fault === 'slow_drip') {
      for (const byte of upstream.body.subarray(0, 20)) {
        response.write(Buffer.from([byte]));
        await sleep(options.slowDripMs ?? 200);
        if (response.destroyed) return;
      }
      return void request.socket.destroy();
    }
    response.end(upstream.body);
  }

  interface Upstream {
    status: number;
    headers: http.OutgoingHttpHeaders;
    body: Buffer;
  }

  function forward(request: http.IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise<Upstream>((resolve, reject) => {
      const upstream = http.request(
        { host: target.hostname, port: target.port, path: request.url, method: request.method, headers: { ...request.headers, host: target.host } },
        async (answer) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: await readAll(answer) }),
      );
      upstream.once('error', reject);
      upstream.end(body);
    }).catch(() => ({ status: 502, headers: { 'content-type': 'text/plain' }, body: Buffer.from('upstream unreachable') }));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    setRate: (next) => (rate = next),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
