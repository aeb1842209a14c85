/** The one HTTP contract between the client and the ranking backend, versioned under /v1. */
export * from './health';
export * from './errors';
export * from './primitives';
export * from './auth';
export * from './tasks';
export * from './votes';
export * from './leaderboard';
export * from './supervisor';
