import axios from 'axios';
import type { HttpPort } from '../ports';

/** Bodies above this are refused: a hostile or broken server must not exhaust main's memory. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface AxiosHttpOptions {
  /**
   * A WHATWG fetch to send requests through (Electron: net.fetch, so the
   * system proxy, PAC files and the OS certificate store apply). Without it,
   * axios uses Node's own http stack (the web host, tests, tools).
   */
  fetch?: typeof globalThis.fetch;
}

/**
 * HttpPort over axios. Every status is returned (not thrown) so services
 * decide what a 4xx or 5xx means; only transport failures throw.
 */
export function createAxiosHttp(options: AxiosHttpOptions = {}): HttpPort {
  const client = axios.create({
    ...(options.fetch ? { adapter: 'fetch' as const, env: { fetch: options.fetch } } : {}),
    maxContentLength: MAX_BODY_BYTES,
    maxBodyLength: MAX_BODY_BYTES,
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'text',
    transitional: { silentJSONParsing: true, forcedJSONParsing: false, clarifyTimeoutError: true },
  });
  return {
    async request({ method, url, body, headers, timeoutMs }) {
      const response = await client.request<string>({
        method,
        url,
        timeout: timeoutMs,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        data: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: parseJsonOrText(response.data), headers: flattenHeaders(response.headers) };
    },
  };
}

function parseJsonOrText(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function flattenHeaders(headers: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && value !== null) flat[name.toLowerCase()] = String(value);
  return flat;
}
