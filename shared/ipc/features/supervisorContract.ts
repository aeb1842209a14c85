import type { z } from 'zod';

/** Schemas of the supervisor feature's IPC calls and events, merged into ../contract.ts. */
export const supervisorInvokeContract = {} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
export const supervisorEventContract = {} as const satisfies Record<string, z.ZodType>;
