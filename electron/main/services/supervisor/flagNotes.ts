import type { FlagEntry, FlagKind } from '../../../../shared/ipc/features/supervisorContract';
import type { Flag } from '../../../../shared/protocol/supervisor';

/**
 * The server keeps one free-text note per flag. Unflagging and item marks
 * ride on it as a `[kind] ` prefix, written and read only here, so the
 * renderer sees typed entries and nothing else changes once the server has
 * endpoints of its own for them.
 */
const PREFIX = /^\[(flag|unflag|ambiguous|vote_wrong)\] ?/;

export function encodeFlagNote(kind: FlagKind, text: string): string {
  return `[${kind}] ${text.trim()}`;
}

/** Notes without a prefix (the anomaly scan's, other clients') are plain flags. */
export function decodeFlag(flag: Flag): FlagEntry {
  const match = PREFIX.exec(flag.note);
  const kind = (match?.[1] as FlagKind | undefined) ?? 'flag';
  return { ...flag, kind, text: match ? flag.note.slice(match[0].length) : flag.note };
}
