import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuthRoutes } from './auth/routes';
import { resolveOptions, type ServerOptions } from './config';
import type { AppContext } from './context';
import { openStore } from './db/open';
import { seedDemoIfEmpty } from './demo/seed';
import { installErrorHandling } from './http/errors';
import { createRateLimiters, createStoredRateLimiters } from './http/rate-limit';
import { RouteTable } from './http/route';
import { registerSystemRoutes } from './http/system-routes';
import { loadCube } from './leaderboard/load';
import { LeaderboardService, readCountsVersion } from './leaderboard/service';
import { registerLeaderboardRoutes } from './leaderboard/routes';
import { startAnomalyScans } from './safeguards/anomaly-scan';
import { loadSecretsFor } from './secrets';
import { TeamQualityService } from './supervisor/quality-service';
import { registerSupervisorRoutes } from './supervisor/routes';
import { registerTaskRoutes } from './tasks/routes';
import { registerVoteRoutes } from './votes/routes';

export interface RunningServer {
  url: string;
  port: number;
  /** For tests and the benchmark: the live context (database, options, services). */
  context: AppContext;
  close(): Promise<void>;
}

function buildApp(ctx: AppContext): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: ctx.options.bodyLimitBytes,
    onProtoPoisoning: 'error',
    trustProxy: ctx.options.trustProxy ?? false,
    onConstructorPoisoning: 'error',
  });
  installErrorHandling(app, ctx.options.bodyLimitBytes);
  // Fastify parses text/plain into a string by default; every body here is JSON, and
  // fetch() sends a string body as text/plain, so say 415 plainly instead of "validation failed".
  app.removeContentTypeParser('text/plain');
  const routes = new RouteTable(app, ctx);
  registerSystemRoutes(routes, { minActiveMs: ctx.options.minActiveMs });
  registerAuthRoutes(routes, ctx);
  registerTaskRoutes(routes, ctx);
  registerVoteRoutes(routes, ctx);
  registerLeaderboardRoutes(routes, ctx);
  registerSupervisorRoutes(routes, ctx);
  return app;
}

/**
 * Opens (and if asked, seeds) the data dir and serves the API. Listens on
 * 127.0.0.1 unless told otherwise: the reference server is not meant to
 * face the internet without a TLS proxy in front.
 */
export async function startServer(partial: Partial<ServerOptions> & { dataDir: string }): Promise<RunningServer> {
  const options = resolveOptions(partial);
  const db = await openStore(options);
  try {
    if (options.demo) await seedDemoIfEmpty(db, options.dataDir, options.demoAssetsDir);
    // The version first: votes committed meanwhile make the cube look newer, never older, than it claims.
    const countsVersion = await readCountsVersion(db);
    const leaderboard = new LeaderboardService(await loadCube(db), options, countsVersion);
    const ctx: AppContext = {
      db,
      options,
      secrets: await loadSecretsFor(db, options.dataDir),
      // Several processes on one PostgreSQL database share their limits; one SQLite process keeps them in memory.
      limits: db.dialect === 'postgres' ? createStoredRateLimiters(db, options) : createRateLimiters(options),
      leaderboard,
      quality: new TeamQualityService(options, () => leaderboard.countsVersion),
    };
    const app = buildApp(ctx);
    await app.listen({ port: options.port, host: options.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const stopScans = startAnomalyScans(ctx);
    return {
      url: `http://${options.host}:${port}`,
      port,
      context: ctx,
      close: async () => {
        stopScans();
        await app.close();
        await ctx.quality.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
