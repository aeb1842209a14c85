import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * How the web host knows the page on the other end of /rpc is the one the
 * rater opened — with no cookie, because Chromium sends a 127.0.0.1 cookie to
 * every port on 127.0.0.1, so any local listener could collect it.
 *
 * 1. The printed URL carries a launch secret in its fragment (#secret=…):
 *    fragments are never sent to any server, so no listener sees it.
 * 2. The page strips it from the address bar and offers it once, in the
 *    socket's Sec-WebSocket-Protocol (`verdict.launch.<secret>`). The host
 *    accepts it once, then forgets it: replaying the URL opens nothing.
 * 3. In exchange the page gets a per-page token on that socket (a `hello`
 *    message) and proves itself with it on every reconnect
 *    (`verdict.page.<token>`). The token lives in the page's memory and its
 *    tab's sessionStorage (per origin, so per port: another local server's
 *    pages cannot read it), so a reload keeps working.
 * Host and Origin are checked as well, which defeats DNS rebinding.
 */
export const LAUNCH_PROTOCOL = 'verdict.launch.';
export const PAGE_PROTOCOL = 'verdict.page.';

export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function secretsMatch(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Accepts only requests addressed to our own loopback origin. */
export function isOwnHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function isOwnOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The launch secret (one use) and the per-page tokens it was traded for. */
export class PageCredentials {
  private launchSecret: string | null;
  private readonly pageTokens = new Set<string>();

  constructor(launchSecret: string) {
    this.launchSecret = launchSecret;
  }

  /**
   * Checks the protocols a socket offered. Returns the protocol to select and,
   * when the launch secret was spent on this socket, the new page token.
   */
  admit(offered: readonly string[]): { protocol: string; newPageToken: string | null } | null {
    for (const protocol of offered) {
      if (protocol.startsWith(PAGE_PROTOCOL)) {
        const token = protocol.slice(PAGE_PROTOCOL.length);
        if ([...this.pageTokens].some((known) => secretsMatch(known, token))) return { protocol, newPageToken: null };
      }
      if (protocol.startsWith(LAUNCH_PROTOCOL) && this.launchSecret && secretsMatch(this.launchSecret, protocol.slice(LAUNCH_PROTOCOL.length))) {
        this.launchSecret = null;
        const token = createSecret();
        this.pageTokens.add(token);
        return { protocol, newPageToken: token };
      }
    }
    return null;
  }
}

export function offeredProtocols(request: IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  return typeof header === 'string' ? header.split(',').map((value) => value.trim()).filter(Boolean) : [];
}
