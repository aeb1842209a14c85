import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore } from '../../server/db/open';
import { seedDemoIfEmpty } from '../../server/demo/seed';
import { createDatabase, databaseUrl, dropDatabase, postgresBinDir, startCluster, type Cluster } from './postgres';

export const TEMPLATE_DATABASE = 'verdict_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    /** Holds demo-accounts.json of the template database. */
    pgTemplateDir: string;
  }
}

/**
 * For the PostgreSQL run of the server suite: a server (VERDICT_TEST_PG_URL, a
 * superuser URL, or a throwaway cluster), and the demo seed made once into a
 * template database that each test server copies.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let cluster: Cluster | null = null;
  let adminUrl = process.env.VERDICT_TEST_PG_URL;
  if (!adminUrl) {
    const bin = postgresBinDir();
    if (!bin)
      throw new Error('no PostgreSQL for the postgres test project: set VERDICT_TEST_PG_URL or install initdb/pg_ctl');
    cluster = await startCluster(bin);
    adminUrl = cluster.adminUrl;
  }
  const templateDir = mkdtempSync(join(tmpdir(), 'verdict-pg-template-'));
  try {
    await dropDatabase(adminUrl, TEMPLATE_DATABASE);
    await createDatabase(adminUrl, TEMPLATE_DATABASE);
    const url = databaseUrl(adminUrl, TEMPLATE_DATABASE);
    const store = await openStore({ dataDir: templateDir, databaseUrl: url, poolSize: 2 });
    try {
      await seedDemoIfEmpty(store, templateDir, undefined, 12);
    } finally {
      await store.close();
    }
  } catch (error) {
    // No teardown runs when setup fails: leave no cluster behind.
    rmSync(templateDir, { recursive: true, force: true });
    cluster?.stop();
    throw error;
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplateDir', templateDir);
  return async () => {
    rmSync(templateDir, { recursive: true, force: true });
    if (cluster) cluster.stop();
    else await dropDatabase(adminUrl, TEMPLATE_DATABASE);
  };
}
