/**
 * The names of every IPC call and event. Kept apart from the zod schemas so
 * the sandboxed preload can allow-list channels without bundling zod.
 */
import { DESKTOP_EVENT_NAMES, DESKTOP_INVOKE_CHANNELS } from './features/desktopChannels';
import { LEADERBOARD_EVENT_NAMES, LEADERBOARD_INVOKE_CHANNELS } from './features/leaderboardChannels';
import { SUPERVISOR_EVENT_NAMES, SUPERVISOR_INVOKE_CHANNELS } from './features/supervisorChannels';

const CORE_INVOKE_CHANNELS = [
  'app.getInfo',
  'backend.getStatus',
  'backend.checkNow',
  'prefs.get',
  'prefs.setLanguage',
  'prefs.setKeyBindings',
  'prefs.setTiming',
  'shell.openExternal',
  'auth.getState',
  'auth.signIn',
  'auth.signOut',
  'session.getState',
  'session.vote',
  'session.amend',
  'session.undo',
  'session.skip',
  'sync.getStatus',
  'sync.now',
  'sync.exportRejected',
] as const;

/** Every call: the core ones here, each feature's in shared/ipc/features/<feature>Channels.ts. */
export const INVOKE_CHANNELS = [...CORE_INVOKE_CHANNELS, ...LEADERBOARD_INVOKE_CHANNELS, ...SUPERVISOR_INVOKE_CHANNELS, ...DESKTOP_INVOKE_CHANNELS] as const;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

const CORE_EVENT_NAMES = ['backend.status', 'auth.state', 'session.state', 'sync.status'] as const;
export const EVENT_NAMES = [...CORE_EVENT_NAMES, ...LEADERBOARD_EVENT_NAMES, ...SUPERVISOR_EVENT_NAMES, ...DESKTOP_EVENT_NAMES] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** Electron carries every call on this one channel, so main has one entry point to guard. */
export const IPC_INVOKE = 'verdict:invoke';
/** Main pushes every event on this one channel; the payload names the event. */
export const IPC_EVENT = 'verdict:event';

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
