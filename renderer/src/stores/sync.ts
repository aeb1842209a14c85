import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/ipc/contract';
import { call, subscribe } from '../bridge';

interface SyncStore {
  status: SyncStatus | null;
  syncNow(): Promise<void>;
}

/** The sync engine's status, pushed by main on every change. */
export const useSync = create<SyncStore>((set) => ({
  status: null,
  async syncNow() {
    set({ status: await call('sync.now', {}) });
  },
}));

export async function startSyncStatusSync(): Promise<() => void> {
  const unsubscribe = subscribe('sync.status', (status) => useSync.setState({ status }));
  useSync.setState({ status: await call('sync.getStatus', {}) });
  return unsubscribe;
}
