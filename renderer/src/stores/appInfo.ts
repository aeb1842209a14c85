import { create } from 'zustand';
import type { AppInfo } from '../../../shared/ipc/contract';
import { call } from '../bridge';

interface AppInfoState {
  info: AppInfo | null;
  load(): Promise<void>;
}

export const useAppInfo = create<AppInfoState>((set) => ({
  info: null,
  async load() {
    set({ info: await call('app.getInfo', {}) });
  },
}));
