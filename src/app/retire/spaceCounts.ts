/**
 * What the retire confirmations show: each selected space's name and how many people and groups joined it, read
 * with one batch of spaces.get before anything is changed (reads only; declining the confirmation then leaves Chat
 * untouched). A space that cannot be read is listed with the reason.
 */
import type { SpaceCount } from '../../domain/retire';
import type { ChatGateway } from '../../ports/chat';
import { explainFailure } from '../../domain/apiErrors';

interface SpaceValue {
  displayName?: string;
  membershipCount?: { joinedDirectHumanUserCount?: number; joinedGroupCount?: number };
}

/** Reads the spaces in one batch. Scope: chat.spaces.readonly. */
export function countMembers(
  chat: ChatGateway,
  spaces: readonly { space: string; displayName: string }[],
): SpaceCount[] {
  const results = chat.callAll(spaces.map((s) => ({ method: 'chat.spaces.get' as const, resource: s.space })));
  return spaces.map((s, i) => {
    const r = results[i];
    if (!r.ok)
      return {
        name: s.space,
        displayName: s.displayName,
        missing: r.failure.httpStatus === 404,
        problem:
          r.failure.httpStatus === 404
            ? 'not found (already deleted, or you are not a member)'
            : explainFailure(r.failure, 'read the space'),
      };
    const v = r.value as SpaceValue;
    return {
      name: s.space,
      displayName: v.displayName ?? s.displayName,
      members: v.membershipCount?.joinedDirectHumanUserCount ?? 0,
      groups: v.membershipCount?.joinedGroupCount ?? 0,
    };
  });
}
