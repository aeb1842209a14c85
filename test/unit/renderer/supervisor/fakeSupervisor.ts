import type { AuthState } from '../../../../shared/ipc/contract';
import type { Flag, ItemMark, RatersResponse, RaterVote } from '../../../../shared/protocol/supervisor';
import { setRendererApi } from '../../../../renderer/src/bridge';
import { createFakeRendererApi } from '../../../support/fakeRendererApi';

export function signedIn(role: 'rater' | 'supervisor' | 'admin'): AuthState {
  return {
    status: 'signed_in',
    serverUrl: `http://127.0.0.1/${role}`,
    account: { displayName: 'Pat', email: `${role}@example.org`, role, languages: ['en'] },
  };
}

/** Main as the console sees it: the team, paged votes, and flags that grow as the supervisor adds them. */
export function fakeSupervisorApi(
  team: RatersResponse,
  votes: readonly RaterVote[],
  options: { forbidden?: boolean } = {},
) {
  const flags: Flag[] = [];
  const marks: ItemMark[] = [];
  const store = (raterId: string, kind: Flag['kind'], note: string) => {
    const flag: Flag = {
      id: flags.length + 1,
      raterId,
      voteId: null,
      note,
      kind,
      source: 'supervisor',
      createdBy: 'me',
      createdByName: 'Me',
      createdAt: '2026-11-27T10:00:00.000Z',
    };
    flags.push(flag);
    return { ok: true, data: flag };
  };
  const fake = createFakeRendererApi({
    'supervisor.raters': () =>
      options.forbidden ? { ok: false, failure: { reason: 'forbidden', detail: '403' } } : { ok: true, data: team },
    'supervisor.flags': () => ({ ok: true, data: { flags: [...flags] } }),
    'supervisor.marks': () => ({ ok: true, data: { marks: [...marks] } }),
    'supervisor.teamVotes': () => ({ ok: true, data: { votes: [...votes], nextCursor: null } }),
    'supervisor.disagreements': () => ({ ok: true, data: { disagreements: [] } }),
    'supervisor.flag': (args) => store((args as { raterId: string }).raterId, 'flag', (args as { note: string }).note),
    'supervisor.markVote': (args) => {
      const { voteId, mark, note } = args as { voteId: string; mark: ItemMark['mark']; note: string };
      const vote = votes.find((v) => v.voteId === voteId)!;
      const record: ItemMark = {
        id: marks.length + 1,
        mark,
        voteId,
        itemId: vote.itemId,
        raterId: vote.raterId,
        note,
        createdBy: 'me',
        createdByName: 'Me',
        createdAt: '2026-11-27T10:00:00.000Z',
      };
      marks.push(record);
      return { ok: true, data: record };
    },
  });
  setRendererApi(fake.api);
  return fake;
}

/** jsdom lays nothing out: give the console's scroll boxes a size so the virtualised lists render rows. */
export function sizeScrollBoxes(): void {
  const scroller = (element: HTMLElement) =>
    element.classList.contains('vtable') || element.classList.contains('vlist');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return scroller(this) ? 600 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return scroller(this) ? 1000 : 0;
    },
  });
}
