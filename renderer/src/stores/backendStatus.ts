import { create } from 'zustand';
import type { BackendStatus } from '../../../shared/ipc/contract';
import { call, subscribe } from '../bridge';

interface BackendStatusState {
  status: BackendStatus | null;
  checking: boolean;
  setStatus(status: BackendStatus): void;
  checkNow(): Promise<void>;
}

/** The backend's health as main sees it; main pushes every change. */
export const useBackendStatus = create<BackendStatusState>((set) => ({
  status: null,
  checking: false,
  setStatus: (status) => set({ status }),
  async checkNow() {
    set({ checking: true });
    try {
      set({ status: await call('backend.checkNow', {}) });
    } finally {
      set({ checking: false });
    }
  },
}));

export async function startBackendStatusSync(): Promise<() => void> {
  const unsubscribe = subscribe('backend.status', (status) => useBackendStatus.getState().setStatus(status));
  useBackendStatus.getState().setStatus(await call('backend.getStatus', {}));
  return unsubscribe;
}
