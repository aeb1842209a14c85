/** IPC names of the leaderboard feature (see ../channels.ts). Zod-free: the preload imports it. */
export const LEADERBOARD_INVOKE_CHANNELS = ['leaderboard.getSlice', 'leaderboard.getCatalog', 'leaderboard.getOwnVotes'] as const;
export const LEADERBOARD_EVENT_NAMES = ['leaderboard.ownVotes'] as const;
