import type { InvokeHandlers } from '../../../shared/ipc/contract';
import type { SUPERVISOR_INVOKE_CHANNELS } from '../../../shared/ipc/features/supervisorChannels';
import { SupervisorClient } from '../services/supervisor/supervisorClient';
import { createSupervisorService } from '../services/supervisor/supervisorService';
import type { FeatureDeps } from './featureDeps';

type SupervisorChannel = (typeof SUPERVISOR_INVOKE_CHANNELS)[number];

/** Main-process handlers of the supervisor feature's IPC calls, merged into ../handlers.ts. */
export function createSupervisorHandlers(deps: FeatureDeps): Pick<InvokeHandlers, SupervisorChannel> {
  const sleep = (ms: number) => new Promise<void>((resolve) => deps.timers.setTimeout(resolve, ms));
  const supervisor = createSupervisorService(new SupervisorClient({ api: deps.api, auth: deps.auth, sleep }));
  return {
    'supervisor.raters': async () => supervisor.raters(),
    'supervisor.raterVotes': async ({ raterId, cursor, limit }) => supervisor.raterVotes(raterId, { cursor, limit }),
    'supervisor.teamVotes': async ({ cursor, limit }) => supervisor.teamVotes({ cursor, limit }),
    'supervisor.disagreements': async ({ raterId }) => supervisor.disagreements(raterId),
    'supervisor.item': async ({ itemId }) => supervisor.item(itemId),
    'supervisor.flags': async ({ raterId }) => supervisor.flags(raterId),
    'supervisor.flag': async ({ raterId, note }) => supervisor.flag(raterId, note),
    'supervisor.unflag': async ({ raterId, note }) => supervisor.unflag(raterId, note),
    'supervisor.marks': async ({ raterId }) => supervisor.marks(raterId),
    'supervisor.markVote': async ({ voteId, mark, note }) => supervisor.markVote(voteId, mark, note),
    'supervisor.export': async ({ format, raterId }) => supervisor.export(format, raterId),
  };
}
