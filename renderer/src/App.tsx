import { useEffect } from 'react';
import { AppShell } from './features/shell/AppShell';
import { useAppInfo } from './stores/appInfo';
import { startAuthSync } from './stores/auth';
import { startBackendStatusSync } from './stores/backendStatus';
import { startSessionSync } from './stores/session';
import { startSyncStatusSync } from './stores/sync';

export function App() {
  useEffect(() => {
    void useAppInfo.getState().load();
    const subscriptions = [startBackendStatusSync(), startAuthSync(), startSessionSync(), startSyncStatusSync()];
    return () => subscriptions.forEach((subscription) => void subscription.then((unsubscribe) => unsubscribe()));
  }, []);
  return <AppShell />;
}
