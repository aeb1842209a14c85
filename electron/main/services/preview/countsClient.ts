import type { z } from 'zod';
import { Account, ME_PATH, type Profile } from '../../../../shared/protocol/auth';
import { CountsResponse, LEADERBOARD_COUNTS_PATH, type SegmentField, type SegmentFilter } from '../../../../shared/protocol/leaderboard';
import { AuthRequiredError, type AuthService } from '../auth/authService';
import { ApiError, type ApiClient } from '../backend/apiClient';
import { countsQuery } from './sliceFilter';

export interface CountsClientDeps {
  api: ApiClient;
  auth: AuthService;
}

/** Counts of a whole network can be a few megabytes: allow longer than a vote push. */
const COUNTS_TIMEOUT_MS = 30_000;

/** The preview's backend calls, with the same token handling as sync: one refresh and retry on a 401. */
export class CountsClient {
  constructor(private readonly deps: CountsClientDeps) {}

  counts(filter: SegmentFilter, by?: SegmentField): Promise<CountsResponse> {
    const path = `${LEADERBOARD_COUNTS_PATH}${countsQuery(filter, by)}`;
    return this.get(path, CountsResponse, COUNTS_TIMEOUT_MS);
  }

  /**
   * One slice's counts with its style rows (`style=on`). A server from before style control
   * refuses the unknown parameter with a 400: the plain counts are asked for then.
   */
  async countsWithStyle(filter: SegmentFilter): Promise<CountsResponse> {
    try {
      return await this.get(`${LEADERBOARD_COUNTS_PATH}${countsQuery(filter, undefined, 'on')}`, CountsResponse, COUNTS_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) return this.counts(filter);
      throw error;
    }
  }

  async profile(): Promise<Profile> {
    return (await this.get(ME_PATH, Account)).profile;
  }

  private async get<T>(path: string, schema: z.ZodType<T>, timeoutMs?: number): Promise<T> {
    const serverUrl = this.deps.auth.serverUrl();
    if (!serverUrl) throw new AuthRequiredError('not signed in');
    const once = async () =>
      this.deps.api.call(serverUrl, { method: 'GET', path, accessToken: await this.deps.auth.accessToken(), schema, timeoutMs });
    try {
      return await once();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      this.deps.auth.invalidateAccessToken();
      return once();
    }
  }
}
