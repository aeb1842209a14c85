import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../../../../electron/main/ports';
import type { SyncEngine } from '../../../../electron/main/services/sync/syncEngine';
import type { VotingSession } from '../../../../electron/main/services/session/votingSession';
import { AccountWorkspaces, renameWorkspaceOwner } from '../../../../electron/main/services/workspace/accountWorkspaces';

function memoryStore(): KeyValueStore & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return { data, get: (key) => data[key], set: (key, value) => void (data[key] = value) };
}

function workspaces(dataDir: string, store: KeyValueStore) {
  const switched: Array<string | null> = [];
  const manager = new AccountWorkspaces({
    dataDir,
    store,
    log: () => undefined,
    build: () => ({
      session: {} as VotingSession,
      sync: { stop: () => undefined, settle: async () => undefined } as unknown as SyncEngine,
    }),
    onSwitch: (workspace) => switched.push(workspace.owner),
  });
  return { manager, switched };
}

describe('one workspace per account on an installation', () => {
  const A = 'http://127.0.0.1:8787 account-a';
  const B = 'http://127.0.0.1:8787 account-b';

  it('lets the first account take the data folder root, exactly where a single-account install kept it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-ws-'));
    const store = memoryStore();
    const { manager } = workspaces(dir, store);
    const a = await manager.activate(A);
    expect(a.dir).toBe(dir);
    expect(store.data.installationOwner).toBe(A);
    expect(a.installationId).toBe(store.data.installationId);
  });

  it('gives a second account its own folder, journal and installation id, and the first its own back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-ws-'));
    const store = memoryStore();
    const { manager, switched } = workspaces(dir, store);
    const a = await manager.activate(A);
    const b = await manager.activate(B);
    expect(b.dir).not.toBe(a.dir);
    expect(b.dir.startsWith(path.join(dir, 'accounts'))).toBe(true);
    expect(b.installationId).not.toBe(a.installationId);
    const again = await manager.activate(B);
    expect(again).toBe(b);
    const back = await manager.activate(A);
    expect(back.dir).toBe(dir);
    expect(back.installationId).toBe(a.installationId);
    const bAgain = await manager.activate(B);
    expect(bAgain.installationId).toBe(b.installationId);
    expect(switched).toEqual([A, B, A, B]);
  });

  it('opens the last account used at start-up, so its unsent votes stay in view after signing out', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-ws-'));
    const store = memoryStore();
    await workspaces(dir, store).manager.activate(A);
    const b = await workspaces(dir, store).manager.activate(B);
    expect(workspaces(dir, store).manager.active().installationId).toBe(b.installationId);
  });

  it('follows an account to a new server address, folder and all', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-ws-'));
    const store = memoryStore();
    const first = workspaces(dir, store).manager;
    await first.activate(A);
    const b = await first.activate(B);
    const moved = 'http://127.0.0.1:9999 account-b';
    renameWorkspaceOwner(dir, store, B, moved);
    const after = workspaces(dir, store).manager;
    expect(after.active().owner).toBe(moved);
    expect(after.active().installationId).toBe(b.installationId);
  });
});
