import { z } from 'zod';
import type { EventName, InvokeChannel } from './channels';
import type { IpcResult } from './envelope';

/**
 * The one IPC contract between the renderer and main. Main validates every
 * argument against these schemas before a handler runs; adding a call means
 * adding its name to channels.ts and its schemas here, nothing else.
 */

const NoArgs = z.strictObject({});

export const LanguageCode = z
  .string()
  .min(2)
  .max(16)
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as "en" or "pt-BR"');

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const BackendState = z.enum(['unknown', 'up', 'down', 'incompatible']);
export type BackendState = z.infer<typeof BackendState>;

export const BackendStatus = z.object({
  url: z.string(),
  state: BackendState,
  apiVersion: z.number().int().nullable(),
  checkedAt: z.string().nullable(),
  /** A short English diagnostic for logs and tooltips; the UI shows a translated state. */
  detail: z.string().nullable(),
});
export type BackendStatus = z.infer<typeof BackendStatus>;

export const Preferences = z.object({
  language: LanguageCode.nullable(),
});
export type Preferences = z.infer<typeof Preferences>;

export const invokeContract = {
  'app.getInfo': { args: NoArgs, result: AppInfo },
  'backend.getStatus': { args: NoArgs, result: BackendStatus },
  'backend.checkNow': { args: NoArgs, result: BackendStatus },
  'prefs.get': { args: NoArgs, result: Preferences },
  'prefs.setLanguage': { args: z.strictObject({ language: LanguageCode }), result: Preferences },
  'shell.openExternal': {
    args: z.strictObject({ url: z.string().max(2048) }),
    result: z.object({ opened: z.boolean() }),
  },
} as const satisfies Record<InvokeChannel, { args: z.ZodType; result: z.ZodType }>;

export const eventContract = {
  'backend.status': BackendStatus,
} as const satisfies Record<EventName, z.ZodType>;

export type InvokeArgs<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['args']>;
export type InvokeResult<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;

/** What main implements: one async function per channel, arguments already validated. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (args: z.output<(typeof invokeContract)[C]['args']>) => Promise<InvokeResult<C>>;
};

/**
 * What the preload exposes as `window.verdict`, and what the web host's
 * bridge implements over a socket. Plain data only: results come back as
 * envelopes, and subscriptions return their own unsubscribe function.
 */
export interface RendererApi {
  invoke<C extends InvokeChannel>(channel: C, args: InvokeArgs<C>): Promise<IpcResult<InvokeResult<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export { EVENT_NAMES, INVOKE_CHANNELS, isEventName, isInvokeChannel } from './channels';
export type { EventName, InvokeChannel } from './channels';
