import type { ConnectionOutcome } from '../../../../shared/ipc/features/desktopContract';

/**
 * Names a transport failure in the rater's terms. The same failure arrives in
 * different clothes: Node's sockets give `code`s (ENOTFOUND), Chromium's
 * network stack (Electron net.fetch) gives `net::ERR_*` messages, and axios
 * wraps either, keeping the original as `cause`. So every code and message
 * along the cause chain is matched against one table.
 */
const PATTERNS: ReadonlyArray<[Exclude<ConnectionOutcome, 'ok'>, RegExp]> = [
  ['proxy_auth', /ERR_PROXY_AUTH|\b407\b/],
  ['proxy', /ERR_PROXY|ERR_TUNNEL_CONNECTION_FAILED|ERR_NO_SUPPORTED_PROXIES|ERR_MANDATORY_PROXY|ERR_PAC_/],
  ['tls', /ERR_CERT_|ERR_SSL_|ERR_BAD_SSL|CERT_HAS_EXPIRED|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_|CERT_NOT_YET_VALID|EPROTO/],
  ['dns', /ENOTFOUND|EAI_AGAIN|EAI_NONAME|ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/],
  ['timeout', /ETIMEDOUT|ECONNABORTED|ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT|timeout/i],
  ['refused', /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ERR_CONNECTION_|ERR_ADDRESS_UNREACHABLE|ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ERR_EMPTY_RESPONSE/],
];

export interface ClassifiedFailure {
  outcome: Exclude<ConnectionOutcome, 'ok'>;
  /** The most specific words the transport gave, for logs and for IT. */
  detail: string;
}

export function classifyNetworkError(error: unknown): ClassifiedFailure {
  const clues = cluesOf(error);
  const haystack = clues.join(' ');
  for (const [outcome, pattern] of PATTERNS) if (pattern.test(haystack)) return { outcome, detail: clues.at(-1) ?? haystack };
  // Unknown failures are reported as unreachable: the one thing we know is that no answer came.
  return { outcome: 'refused', detail: haystack || 'no answer' };
}

/** Codes and messages from the outermost error to the root cause (at most a few levels). */
function cluesOf(error: unknown): string[] {
  const clues: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (typeof current !== 'object') {
      clues.push(String(current));
      break;
    }
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string') clues.push(code);
    if (typeof message === 'string' && message) clues.push(message);
    current = cause;
  }
  return clues.map((clue) => clue.slice(0, 200));
}
