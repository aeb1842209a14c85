import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAxiosHttp } from '../../electron/main/adapters/axiosHttp';
import { createFileTokenVault } from '../../electron/main/adapters/fileTokenVault';
import { createJsonFileStore } from '../../electron/main/adapters/jsonFileStore';
import { createMainServices, type MainPorts, type MainServices } from '../../electron/main/composeServices';
import { systemTimers } from '../../electron/main/ports';
import type { InvokeChannel, InvokeResult } from '../../shared/ipc/contract';

export interface TestClient {
  services: MainServices;
  dataDir: string;
  call<C extends InvokeChannel>(channel: C, args?: unknown): Promise<InvokeResult<C>>;
}

/** The real main-process services with Node adapters, as the web host wires them, talking to a real server. */
export async function startTestClient(
  backendUrl: string,
  overrides: Partial<MainPorts> & { dataDir?: string } = {},
): Promise<TestClient> {
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-client-'));
  const services = await createMainServices({
    appInfo: { name: 'Verdict', version: '0.1.0', host: 'web', platform: 'linux', systemLanguages: [], developerLocales: false },
    backendUrl,
    http: createAxiosHttp(),
    preferencesStore: createJsonFileStore(path.join(dataDir, 'preferences.json')),
    tokenVault: createFileTokenVault(path.join(dataDir, 'session.json')),
    links: { confirmAndOpen: async () => false },
    timers: systemTimers,
    log: () => undefined,
    ...overrides,
    dataDir,
  });
  return {
    services,
    dataDir,
    async call(channel, args = {}) {
      const result = await services.dispatch(channel, args);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
  };
}

/** Votes on the task on screen, `count` times; returns the vote ids. */
export async function castVotes(client: TestClient, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const { task } = await client.call('session.getState');
    if (!task) throw new Error(`the queue ran dry after ${index} votes`);
    const { voteId } = await client.call('session.vote', {
      taskId: task.taskId,
      choice: (['first', 'second', 'tie', 'both_bad'] as const)[index % 4],
      activeMs: 5_000,
      shownAt: new Date(Date.now() - 5_000).toISOString(),
    });
    ids.push(voteId);
  }
  return ids;
}
