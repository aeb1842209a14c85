import { useEffect } from 'react';
import { AppShell } from './features/shell/AppShell';
import { useAppInfo } from './stores/appInfo';
import { startBackendStatusSync } from './stores/backendStatus';

export function App() {
  useEffect(() => {
    void useAppInfo.getState().load();
    const stop = startBackendStatusSync();
    return () => void stop.then((unsubscribe) => unsubscribe());
  }, []);
  return <AppShell />;
}
