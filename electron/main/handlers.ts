import type { AppInfo, InvokeHandlers } from '../../shared/ipc/contract';
import { createDesktopHandlers, type DesktopDeps } from './features/desktopHandlers';
import type { FeatureDeps } from './features/featureDeps';
import { createLeaderboardHandlers } from './features/leaderboardHandlers';
import { createSupervisorHandlers } from './features/supervisorHandlers';
import type { ExternalLinkOpener } from './ports';
import type { AuthService } from './services/auth/authService';
import type { BackendHealthMonitor } from './services/backendHealth';
import { parseSafeExternalUrl } from './services/externalLinks';
import type { PreferencesService } from './services/preferences';
import type { VotingSession } from './services/session/votingSession';
import type { SyncEngine } from './services/sync/syncEngine';

export interface HandlerDeps {
  appInfo: AppInfo;
  onLanguageChanged: (language: string) => void;
  health: BackendHealthMonitor;
  preferences: PreferencesService;
  links: ExternalLinkOpener;
  auth: AuthService;
  /** The signed-in account's session and sync engine (each account has its own workspace). */
  session: () => VotingSession;
  sync: () => SyncEngine;
  /** After a successful sign-in: open that account's workspace, point health at the server, sync. */
  onSignedIn: (serverUrl: string) => Promise<void>;
  features: FeatureDeps;
  desktop: DesktopDeps;
}

/**
 * Binds every RendererApi call to the service that answers it. Both hosts
 * (Electron main and the web host) use this one table, so the renderer gets
 * the same behaviour wherever it runs.
 */
export function createInvokeHandlers(deps: HandlerDeps): InvokeHandlers {
  return {
    'app.getInfo': async () => deps.appInfo,
    'backend.getStatus': async () => deps.health.current(),
    'backend.checkNow': () => deps.health.checkNow(),
    'prefs.get': async () => deps.preferences.read(),
    'prefs.setLanguage': async ({ language }) => {
      const preferences = deps.preferences.setLanguage(language);
      deps.onLanguageChanged(language);
      return preferences;
    },
    'prefs.setKeyBindings': async ({ keyBindings }) => deps.preferences.setKeyBindings(keyBindings),
    'prefs.setTiming': async (timing) => deps.preferences.setTiming(timing),
    'shell.openExternal': async ({ url }) => {
      const safe = parseSafeExternalUrl(url);
      if (!safe) return { opened: false };
      return { opened: await deps.links.confirmAndOpen(safe.toString()) };
    },
    'auth.getState': async () => deps.auth.state(),
    'auth.signIn': async ({ serverUrl, email, password }) => {
      const result = await deps.auth.signIn(serverUrl, email, password);
      if (!result.ok) return result;
      await deps.onSignedIn(serverUrl);
      return { ok: true, state: deps.auth.state() };
    },
    'auth.signOut': async () => {
      await deps.auth.signOut();
      return deps.auth.state();
    },
    'session.getState': async () => deps.session().state(),
    'session.vote': async (input) => deps.session().vote(input),
    'session.amend': async (amendment) => deps.session().amend(amendment),
    'session.undo': async ({ voteId }) => deps.session().undo(voteId),
    'session.skip': async ({ taskId, reason }) => deps.session().skip(taskId, reason),
    'sync.getStatus': async () => deps.sync().status(),
    'sync.exportRejected': async () => ({
      fileName: `verdict-rejected-votes-${new Date().toISOString().slice(0, 10)}.jsonl`,
      jsonl: deps
        .sync()
        .status()
        .rejected.map((vote) => JSON.stringify(vote))
        .join('\n'),
    }),
    'sync.now': async () => {
      deps.sync().kick();
      await deps.sync().settle();
      return deps.sync().status();
    },
    ...createLeaderboardHandlers(deps.features),
    ...createSupervisorHandlers(deps.features),
    ...createDesktopHandlers(deps.desktop),
  };
}
