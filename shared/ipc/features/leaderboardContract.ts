import type { z } from 'zod';

/** Schemas of the leaderboard feature's IPC calls and events, merged into ../contract.ts. */
export const leaderboardInvokeContract = {} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
export const leaderboardEventContract = {} as const satisfies Record<string, z.ZodType>;
