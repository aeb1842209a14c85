import type { ServerOptions } from './config';
import type { Db } from './db/open';
import type { LeaderboardService } from './leaderboard/service';
import type { RateLimiters } from './http/rate-limit';
import type { Secrets } from './secrets';
import type { TeamQualityService } from './supervisor/quality-service';

/** What every route handler may use; built once in app.ts. */
export interface AppContext {
  db: Db;
  options: ServerOptions;
  secrets: Secrets;
  limits: RateLimiters;
  leaderboard: LeaderboardService;
  /** Supervisors' team quality, computed in a worker thread and cached by counts version. */
  quality: TeamQualityService;
}
