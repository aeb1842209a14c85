import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 with a scripted answer, for testing how the
 * client copes with answers the reference server would never give (wrong
 * versions, garbage bodies, errors).
 */
export async function startTestHttpServer(
  respond: (request: http.IncomingMessage, response: http.ServerResponse) => void,
  port = 0,
): Promise<TestHttpServer> {
  const server = http.createServer(respond);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that nothing listens on (it was free a moment ago). */
export async function freePort(): Promise<number> {
  const server = await startTestHttpServer(() => undefined);
  await server.close();
  return server.port;
}
