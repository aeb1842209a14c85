import type { SliceShortfall } from '../../../../shared/ipc/features/leaderboardContract';
import { AuthRequiredError } from '../auth/authService';
import { ApiError } from '../backend/apiClient';

/** Why a fetch failed, in the terms the page explains to the rater. */
export function shortfallOf(error: unknown): { shortfall: SliceShortfall; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof AuthRequiredError) return { shortfall: 'reauth_required', detail };
  if (error instanceof ApiError && error.kind === 'network') return { shortfall: 'offline', detail };
  return { shortfall: 'error', detail };
}
