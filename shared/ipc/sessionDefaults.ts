/**
 * Plain constants the renderer needs at run time. Kept out of contract.ts so
 * that importing them does not pull zod and every schema into the renderer's
 * first bundle (the renderer imports contract.ts for types only).
 */

/** What a key can do in a session. Left/right are visual sides, so the keys follow the layout in RTL. */
export const KEY_ACTIONS = ['pickLeft', 'pickRight', 'tie', 'bothBad', 'cantRead', 'skip', 'undo', 'guidelines', 'shortcuts'] as const;

export const DEFAULT_SESSION_TIMING = { breakReminderMinutes: 50, idleCutoffSeconds: 60 } as const;
