/** IPC names of the desktop feature: network (proxy, connection test) and updates. Zod-free: the preload imports it. */
export const DESKTOP_INVOKE_CHANNELS = [
  'network.getProxy',
  'network.setProxy',
  'network.testConnection',
  'updates.getStatus',
  'updates.checkNow',
] as const;
export const DESKTOP_EVENT_NAMES = ['updates.status'] as const;
