import { z } from 'zod';
import { Task } from '../protocol/tasks';
import { Choice, Vote } from '../protocol/votes';
import { IsoDateTime } from '../protocol/primitives';
import type { EventName, InvokeChannel } from './channels';
import { desktopEventContract, desktopInvokeContract } from './features/desktopContract';
import { leaderboardEventContract, leaderboardInvokeContract } from './features/leaderboardContract';
import { supervisorEventContract, supervisorInvokeContract } from './features/supervisorContract';
import { KEY_ACTIONS } from './sessionDefaults';
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
  /** The OS's preferred languages, best first (Electron); empty where the renderer should ask the browser. */
  systemLanguages: z.array(z.string().max(64)).max(32),
  /** Offer the pseudo-locale in the language picker (VERDICT_PSEUDO_LOCALE=1; for developers only). */
  developerLocales: z.boolean(),
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
  /** The minimum active time per vote the server last announced; null until it has answered. */
  minActiveMs: z.number().int().min(0).nullable(),
});
export type BackendStatus = z.infer<typeof BackendStatus>;

export const KeyAction = z.enum(KEY_ACTIONS);
export type KeyAction = z.infer<typeof KeyAction>;

/** KeyboardEvent.code values: physical keys, the same on AZERTY, Cyrillic or Arabic layouts. */
export const KeyCode = z.string().regex(/^[A-Za-z0-9]{1,24}$/, 'expected a KeyboardEvent.code such as "Digit1" or "KeyS"');
export const KeyBindings = z.partialRecord(KeyAction, KeyCode);
export type KeyBindings = z.infer<typeof KeyBindings>;

export const SessionTiming = z.strictObject({
  /** Remind the rater to take a break after this much active time (0 = never). */
  breakReminderMinutes: z.number().int().min(0).max(600),
  /** No input for this long pauses the active-time clock. */
  idleCutoffSeconds: z.number().int().min(10).max(3600),
});
export type SessionTiming = z.infer<typeof SessionTiming>;


export const Preferences = z.object({
  language: LanguageCode.nullable(),
  /** Only the actions the rater remapped; the rest use the defaults. */
  keyBindings: KeyBindings,
  timing: SessionTiming,
});
export type Preferences = z.infer<typeof Preferences>;

export const AuthState = z.object({
  status: z.enum(['signed_out', 'signed_in', 'reauth_required']),
  serverUrl: z.string().nullable(),
  account: z
    .object({
      displayName: z.string(),
      email: z.string().nullable(),
      role: z.enum(['rater', 'supervisor', 'admin']),
      languages: z.array(z.string()),
    })
    .nullable(),
});
export type AuthState = z.infer<typeof AuthState>;

/** Why signing in failed; the renderer shows a translated message per reason. */
export const SignInFailure = z.object({
  reason: z.enum([
    'invalid_server_url',
    'insecure_server_url',
    'unreachable',
    'incompatible',
    'bad_response',
    'wrong_credentials',
    'not_vetted',
    'suspended',
    'rate_limited',
    'server_error',
    'installation_in_use',
  ]),
  serverApiVersion: z.number().int().optional(),
  retryAfterSeconds: z.number().int().optional(),
});
export type SignInFailure = z.infer<typeof SignInFailure>;

export const SignInResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), state: AuthState }),
  z.object({ ok: z.literal(false), failure: SignInFailure }),
]);
export type SignInResult = z.infer<typeof SignInResult>;

/** A task as the renderer sees it: everything but the signed ticket, which stays in main. */
export const PublicTask = Task.omit({ ticket: true });
export type PublicTask = z.infer<typeof PublicTask>;

export const VoteState = z.enum(['unsealed', 'sealed', 'accepted', 'rejected']);

export const RecentVote = z.object({
  voteId: z.string(),
  taskId: z.string(),
  choice: Choice,
  votedAt: IsoDateTime,
  state: VoteState,
  /** Undo and edit are possible until the vote is handed to sync. */
  editable: z.boolean(),
  rejectReason: z.string().nullable(),
  reveal: z.object({ first: z.string(), second: z.string() }).nullable(),
});
export type RecentVote = z.infer<typeof RecentVote>;

export const SessionState = z.object({
  task: PublicTask.nullable(),
  /** The task after this one, so the renderer can prepare it and switch the instant a vote is cast. */
  upcoming: PublicTask.nullable(),
  remaining: z.number().int(),
  earliestExpiry: IsoDateTime.nullable(),
  expired: z.number().int(),
  recent: z.array(RecentVote),
});
export type SessionState = z.infer<typeof SessionState>;

/** What the renderer sends for a vote: the wire Vote's rater-given fields; main adds id, ticket, times and seq. */
export const VoteInput = Vote.pick({
  taskId: true,
  choice: true,
  criteria: true,
  rationale: true,
  reasonTags: true,
  flags: true,
  confidence: true,
  activeMs: true,
  shownAt: true,
});
export type VoteInput = z.infer<typeof VoteInput>;

export const VoteAmendment = VoteInput.omit({ taskId: true, activeMs: true, shownAt: true }).partial().extend({
  voteId: z.string().min(1).max(64),
});
export type VoteAmendment = z.infer<typeof VoteAmendment>;

export const SkipReason = z.enum(['too_long', 'unclear_task', 'not_my_expertise', 'other']);
export type SkipReason = z.infer<typeof SkipReason>;

export const RejectedVote = z.object({
  voteId: z.string(),
  taskId: z.string(),
  votedAt: IsoDateTime,
  reason: z.string(),
  message: z.string().nullable(),
});
export type RejectedVote = z.infer<typeof RejectedVote>;

export const SyncStatus = z.object({
  state: z.enum(['idle', 'syncing', 'offline', 'backing_off', 'signed_out', 'auth_required', 'error']),
  pending: z.number().int(),
  lastSyncAt: IsoDateTime.nullable(),
  lastError: z.string().nullable(),
  nextRetryAt: IsoDateTime.nullable(),
  rejected: z.array(RejectedVote),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const invokeContract = {
  'app.getInfo': { args: NoArgs, result: AppInfo },
  'backend.getStatus': { args: NoArgs, result: BackendStatus },
  'backend.checkNow': { args: NoArgs, result: BackendStatus },
  'prefs.get': { args: NoArgs, result: Preferences },
  'prefs.setLanguage': { args: z.strictObject({ language: LanguageCode }), result: Preferences },
  'prefs.setKeyBindings': { args: z.strictObject({ keyBindings: KeyBindings }), result: Preferences },
  'prefs.setTiming': { args: SessionTiming, result: Preferences },
  'shell.openExternal': {
    args: z.strictObject({ url: z.string().max(2048) }),
    result: z.object({ opened: z.boolean() }),
  },
  'auth.getState': { args: NoArgs, result: AuthState },
  'auth.signIn': {
    args: z.strictObject({ serverUrl: z.string().max(2048), email: z.string().max(254), password: z.string().max(1024) }),
    result: SignInResult,
  },
  'auth.signOut': { args: NoArgs, result: AuthState },
  'session.getState': { args: NoArgs, result: SessionState },
  'session.vote': { args: VoteInput, result: z.object({ voteId: z.string(), state: SessionState }) },
  'session.amend': { args: VoteAmendment, result: SessionState },
  'session.undo': { args: z.strictObject({ voteId: z.string().min(1).max(64) }), result: SessionState },
  'session.skip': { args: z.strictObject({ taskId: z.string().min(1).max(128), reason: SkipReason }), result: SessionState },
  'sync.getStatus': { args: NoArgs, result: SyncStatus },
  'sync.now': { args: NoArgs, result: SyncStatus },
  /** Every rejected vote with its reason, as JSONL, for the rater to keep or send to support. */
  'sync.exportRejected': { args: NoArgs, result: z.object({ fileName: z.string(), jsonl: z.string() }) },
  ...leaderboardInvokeContract,
  ...supervisorInvokeContract,
  ...desktopInvokeContract,
} as const satisfies Record<InvokeChannel, { args: z.ZodType; result: z.ZodType }>;

export const eventContract = {
  'backend.status': BackendStatus,
  'auth.state': AuthState,
  'session.state': SessionState,
  'sync.status': SyncStatus,
  ...leaderboardEventContract,
  ...supervisorEventContract,
  ...desktopEventContract,
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
