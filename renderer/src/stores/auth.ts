import { create } from 'zustand';
import type { AuthState, SignInFailure } from '../../../shared/ipc/contract';
import { call, subscribe } from '../bridge';
import { canSupervise } from '../features/supervisor/access';
import { useNavigation } from './navigation';

/** A supervisor or admin starts in the console: their work is there, and they have no rating queue. */
function landWhereTheWorkIs(auth: AuthState): void {
  if (canSupervise(auth.account?.role) && useNavigation.getState().section === 'session') {
    useNavigation.getState().go('supervisor');
  }
}

interface AuthStore {
  auth: AuthState | null;
  signingIn: boolean;
  failure: SignInFailure | null;
  signIn(serverUrl: string, email: string, password: string): Promise<boolean>;
  signOut(): Promise<void>;
}

/** Who is signed in, as main reports it. Tokens never come here: main keeps them. */
export const useAuth = create<AuthStore>((set) => ({
  auth: null,
  signingIn: false,
  failure: null,
  async signIn(serverUrl, email, password) {
    set({ signingIn: true, failure: null });
    try {
      const result = await call('auth.signIn', { serverUrl, email, password });
      if (result.ok) {
        set({ auth: result.state });
        landWhereTheWorkIs(result.state);
      }
      else set({ failure: result.failure });
      return result.ok;
    } finally {
      set({ signingIn: false });
    }
  },
  async signOut() {
    set({ auth: await call('auth.signOut', {}) });
  },
}));

export async function startAuthSync(): Promise<() => void> {
  const unsubscribe = subscribe('auth.state', (auth) => useAuth.setState({ auth }));
  const auth = await call('auth.getState', {});
  useAuth.setState({ auth });
  landWhereTheWorkIs(auth);
  return unsubscribe;
}
