import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../../electron/main/services/network/classifyNetworkError';

/**
 * Chromium's network stack (Electron net.fetch) rejects with `net::ERR_*`
 * messages (net/base/net_error_list.h); a proxy needing credentials, a PAC
 * script failing or a tunnel refused cannot be produced on this machine
 * without Electron, so these cases use the exact error names Chromium gives.
 * Node's codes are covered end to end in test/integration/connectionTest.test.ts.
 */
const chromium = (name: string) => new Error(`net::${name}`);
const wrappedByAxios = (cause: Error) => Object.assign(new Error('Network Error'), { code: 'ERR_NETWORK', cause });

describe('naming a transport failure', () => {
  it.each([
    ['ERR_NAME_NOT_RESOLVED', 'dns'],
    ['ERR_CONNECTION_REFUSED', 'refused'],
    ['ERR_INTERNET_DISCONNECTED', 'refused'],
    ['ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['ERR_TIMED_OUT', 'timeout'],
    ['ERR_PROXY_CONNECTION_FAILED', 'proxy'],
    ['ERR_TUNNEL_CONNECTION_FAILED', 'proxy'],
    ['ERR_PAC_SCRIPT_FAILED', 'proxy'],
    ['ERR_PROXY_AUTH_REQUESTED', 'proxy_auth'],
    ['ERR_PROXY_AUTH_UNSUPPORTED', 'proxy_auth'],
    ['ERR_CERT_AUTHORITY_INVALID', 'tls'],
    ['ERR_CERT_DATE_INVALID', 'tls'],
    ['ERR_SSL_PROTOCOL_ERROR', 'tls'],
  ])('Chromium %s is %s, also when axios wraps it', (name, outcome) => {
    expect(classifyNetworkError(chromium(name)).outcome).toBe(outcome);
    expect(classifyNetworkError(wrappedByAxios(chromium(name)))).toEqual({ outcome, detail: `net::${name}` });
  });

  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'refused'],
    ['ETIMEDOUT', 'timeout'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
  ])('Node %s is %s', (code, outcome) => {
    expect(classifyNetworkError(Object.assign(new Error('request failed'), { code })).outcome).toBe(outcome);
  });

  it('reports an unknown failure as unreachable with whatever words it had', () => {
    expect(classifyNetworkError(new Error('socket hang up'))).toEqual({ outcome: 'refused', detail: 'socket hang up' });
    expect(classifyNetworkError(undefined)).toEqual({ outcome: 'refused', detail: 'no answer' });
  });
});
