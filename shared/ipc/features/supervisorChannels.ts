/** IPC names of the supervisor feature (see ../channels.ts). Zod-free: the preload imports it. */
export const SUPERVISOR_INVOKE_CHANNELS = [
  'supervisor.raters',
  'supervisor.raterVotes',
  'supervisor.teamVotes',
  'supervisor.disagreements',
  'supervisor.flags',
  'supervisor.flag',
  'supervisor.unflag',
  'supervisor.marks',
  'supervisor.markVote',
  'supervisor.export',
  'supervisor.item',
] as const;
export const SUPERVISOR_EVENT_NAMES = [] as const;
