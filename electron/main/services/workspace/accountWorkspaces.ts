import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { KeyValueStore } from '../../ports';
import { installationIdFrom } from '../installation';
import { VoteJournal } from '../journal/voteJournal';
import type { SyncEngine } from '../sync/syncEngine';
import type { VotingSession } from '../session/votingSession';
import { TaskCache } from '../tasks/taskCache';

/**
 * One account's working state on this installation: its vote journal, its
 * task cache, its installation id (the server keeps one seq cursor per
 * installation id, bound to one account) and the session and sync engine
 * built on them.
 */
export interface AccountWorkspace {
  /** `${serverUrl} ${accountId}`, or null before anyone has signed in. */
  owner: string | null;
  dir: string;
  installationId: string;
  journal: VoteJournal;
  cache: TaskCache;
  session: VotingSession;
  sync: SyncEngine;
}

export interface WorkspaceParts {
  journal: VoteJournal;
  cache: TaskCache;
  installationId: string;
}

export interface AccountWorkspacesDeps {
  dataDir: string;
  store: KeyValueStore;
  log: (message: string) => void;
  /** Builds the session and the sync engine on a workspace's journal and cache. */
  build(parts: WorkspaceParts): { session: VotingSession; sync: SyncEngine };
  /** Told after every switch, so the renderer sees the new account's queue and votes. */
  onSwitch(workspace: AccountWorkspace): void;
}

const WorkspaceFile = z.object({ owner: z.string(), installationId: z.uuid() });

/**
 * Every account that signs in on this installation gets a workspace of its
 * own, so a second account can sign in while the first one still has votes
 * waiting, and those votes go out when the first account signs in again.
 *
 * Layout: the first account keeps the data folder's root (journal/,
 * tasks.json, the installationId preference) — exactly where a single-account
 * installation always kept it, so nothing moves on upgrade. Every other
 * account lives in accounts/<sha256(owner)[0..16]>/ with its own
 * workspace.json (owner, installation id). Only one workspace is open at a
 * time: the signed-in account's, or after signing out the last one used, so
 * its unsent votes stay in view.
 */
export class AccountWorkspaces {
  private current: AccountWorkspace;

  constructor(private readonly deps: AccountWorkspacesDeps) {
    const last = deps.store.get('activeOwner');
    this.current = this.open(typeof last === 'string' ? last : this.rootOwner());
  }

  active(): AccountWorkspace {
    return this.current;
  }

  /**
   * Makes `owner`'s workspace the open one (creating it on first sign-in); a
   * no-op if it already is. The old one's sync run is allowed to finish first,
   * so no answer from the server is ever recorded into a closed journal.
   */
  async activate(owner: string): Promise<AccountWorkspace> {
    if (this.current.owner === owner) return this.current;
    if (this.current.owner === null && this.rootOwner() === null && this.current.journal.all().length === 0) {
      // A fresh installation: the first account to sign in takes the root.
      this.deps.store.set('installationOwner', owner);
      this.current = { ...this.current, owner };
    } else {
      const old = this.current;
      old.sync.stop();
      await old.sync.settle();
      this.close(old);
      this.current = this.open(owner);
    }
    this.deps.store.set('activeOwner', owner);
    this.deps.onSwitch(this.current);
    return this.current;
  }

  /** Stops the open workspace's timers and writes its cache (on quit). */
  stop(): void {
    this.current.sync.stop();
    this.current.cache.flush();
  }

  private rootOwner(): string | null {
    const owner = this.deps.store.get('installationOwner');
    return typeof owner === 'string' ? owner : null;
  }

  private open(owner: string | null): AccountWorkspace {
    const atRoot = owner === null || owner === this.rootOwner();
    const dir = atRoot ? this.deps.dataDir : path.join(this.deps.dataDir, 'accounts', folderName(owner));
    const installationId = atRoot ? installationIdFrom(this.deps.store) : this.workspaceId(dir, owner);
    const { journal, report } = VoteJournal.open(path.join(dir, 'journal'));
    for (const warning of report.warnings) this.deps.log(`journal: ${warning}`);
    const cache = new TaskCache(path.join(dir, 'tasks.json'), this.deps.log);
    const parts = { journal, cache, installationId };
    return { owner: atRoot ? this.rootOwner() : owner, dir, ...parts, ...this.deps.build(parts) };
  }

  /** The workspace's own installation id, made once and kept beside its journal. */
  private workspaceId(dir: string, owner: string): string {
    const file = path.join(dir, 'workspace.json');
    try {
      const stored = WorkspaceFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (stored.success && stored.data.owner === owner) return stored.data.installationId;
    } catch {
      // Missing or unreadable: a new id only costs the server a fresh cursor, never a vote.
    }
    const installationId = randomUUID();
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify({ owner, installationId }), { mode: 0o600 });
    return installationId;
  }

  private close(workspace: AccountWorkspace): void {
    workspace.sync.stop();
    workspace.cache.flush();
    workspace.journal.close();
  }
}

/**
 * The same account on the same server at a new address (the bundled demo
 * backend moved port): its workspace goes with it — the root's owner, or the
 * accounts/ folder (renamed) and its workspace.json — and so does activeOwner.
 * Call before AccountWorkspaces is constructed.
 */
export function renameWorkspaceOwner(dataDir: string, store: KeyValueStore, from: string, to: string): void {
  if (store.get('installationOwner') === from) store.set('installationOwner', to);
  const oldDir = path.join(dataDir, 'accounts', folderName(from));
  const file = path.join(oldDir, 'workspace.json');
  if (fs.existsSync(file)) {
    const stored = WorkspaceFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    const newDir = path.join(dataDir, 'accounts', folderName(to));
    if (stored.success && !fs.existsSync(newDir)) {
      fs.writeFileSync(file, JSON.stringify({ owner: to, installationId: stored.data.installationId }), { mode: 0o600 });
      fs.renameSync(oldDir, newDir);
    }
  }
  if (store.get('activeOwner') === from) store.set('activeOwner', to);
}

function folderName(owner: string): string {
  return createHash('sha256').update(owner).digest('hex').slice(0, 16);
}
