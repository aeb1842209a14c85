import { z } from 'zod';
import { IsoDateTime } from '../../protocol/primitives';

/**
 * Schemas of the desktop feature's IPC calls, merged into ../contract.ts.
 * Main-process HTTP goes through Electron's network stack, so the system proxy,
 * PAC files and the OS certificate store apply; the rater can override the
 * proxy and test the connection from Settings. Updates come from a configured
 * feed and are installed only when the rater quits. See docs/ARCHITECTURE.md.
 */

/** A proxy rule list in Chromium's syntax ("host:port", "http=host:port;https=host:port", "socks5://host:port"). */
export const ProxyRules = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9.:;=/\-_[\], ]*$/, 'expected proxy rules such as "proxy.example.org:8080"');

export const ProxySetting = z.discriminatedUnion('mode', [
  /** The operating system's proxy settings, PAC files included (the default). */
  z.strictObject({ mode: z.literal('system') }),
  z.strictObject({ mode: z.literal('direct') }),
  z.strictObject({ mode: z.literal('manual'), rules: ProxyRules.min(1), bypass: z.string().max(512).regex(/^[A-Za-z0-9.*:;,\-_<>[\] ]*$/) }),
]);
export type ProxySetting = z.infer<typeof ProxySetting>;

export const ProxyState = z.object({
  setting: ProxySetting,
  /** False in the web host, whose Node transport follows the environment (HTTPS_PROXY) instead. */
  configurable: z.boolean(),
});
export type ProxyState = z.infer<typeof ProxyState>;

/** What a connection test found, first failure wins: the order a request meets them. */
export const ConnectionOutcome = z.enum([
  'ok',
  'invalid_url',
  'insecure_url',
  'dns',
  'refused',
  'timeout',
  'proxy',
  'proxy_auth',
  'tls',
  'http_error',
  'not_verdict',
  'incompatible',
]);
export type ConnectionOutcome = z.infer<typeof ConnectionOutcome>;

export const ConnectionReport = z.object({
  serverUrl: z.string(),
  outcome: ConnectionOutcome,
  /** The server's API version when it answered as a Verdict server. */
  apiVersion: z.number().int().nullable(),
  /** HTTP status for http_error / proxy_auth. */
  httpStatus: z.number().int().nullable(),
  elapsedMs: z.number().int().min(0),
  /** The transport's own words (English), for a supervisor or IT; the UI leads with the translated outcome. */
  detail: z.string().max(500).nullable(),
});
export type ConnectionReport = z.infer<typeof ConnectionReport>;

export const UpdateState = z.enum(['disabled', 'idle', 'checking', 'up_to_date', 'downloading', 'ready', 'unreachable']);
export type UpdateState = z.infer<typeof UpdateState>;

export const UpdateStatus = z.object({
  state: UpdateState,
  currentVersion: z.string(),
  /** The version found on the feed (downloading or ready to install on quit). */
  availableVersion: z.string().nullable(),
  checkedAt: IsoDateTime.nullable(),
  /** Why updates are disabled or the feed was unreachable, in English for logs. */
  detail: z.string().max(500).nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

const NoArgs = z.strictObject({});

export const desktopInvokeContract = {
  'network.getProxy': { args: NoArgs, result: ProxyState },
  'network.setProxy': { args: ProxySetting, result: ProxyState },
  'network.testConnection': { args: z.strictObject({ serverUrl: z.string().max(2048) }), result: ConnectionReport },
  'updates.getStatus': { args: NoArgs, result: UpdateStatus },
  'updates.checkNow': { args: NoArgs, result: UpdateStatus },
} as const;

export const desktopEventContract = {
  'updates.status': UpdateStatus,
} as const;
