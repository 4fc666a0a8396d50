/**
 * A shared starting point for the scenarios that work on spaces that already exist (broadcast, offboarding,
 * export, sidebar renders): an organisation whose spaces the runner owns, seeded with members and messages, and a
 * Spaces tab whose rows are linked to them (Space ID filled, Status Created), as after an onboarding run.
 */
import type { DirectorySpaceInput } from '../../emulator/chat/directory';
import type { ScenarioSetup } from '../scenario';

export interface ExistingSpacesOptions {
  spaces: number;
  /** People per space besides the runner. */
  members: number;
  /** Messages per space. */
  messages?: number;
  /** The members of space i (default `member{i}.{j}@example.com`). */
  membersOf?: (i: number) => string[];
  /** Extra columns and their value per row (e.g. Team for templates). */
  extra?: Record<string, (i: number) => string>;
}

export const RUNNER = 'admin@example.com';
export const spaceNameOf = (i: number) => `Team ${String(i + 1).padStart(4, '0')}`;

export function existingSpaces(options: ExistingSpacesOptions): ScenarioSetup {
  const membersOf =
    options.membersOf ??
    ((i: number) => Array.from({ length: options.members }, (_, j) => `member${i}.${j}@example.com`));
  const spaces: DirectorySpaceInput[] = Array.from({ length: options.spaces }, (_, i) => ({
    displayName: spaceNameOf(i),
    spaceType: 'SPACE',
    createTime: '2025-12-01T10:00:00Z',
    members: [{ email: RUNNER, role: 'ROLE_MANAGER' as const }, ...membersOf(i).map((email) => ({ email }))],
    messages: Array.from({ length: options.messages ?? 0 }, (_, k) => ({
      sender: membersOf(i)[k % Math.max(1, membersOf(i).length)] ?? RUNNER,
      text: `Update ${k + 1} from ${spaceNameOf(i)}`,
      createTime: new Date(Date.UTC(2025, 11, 2, 9, 0, 0) + k * 60_000).toISOString(),
    })),
  }));
  const extra = Object.entries(options.extra ?? {});
  return {
    directory: { spaces },
    tabs: (chat) => {
      const ids = new Map(chat.snapshot().map((s) => [s.displayName ?? '', s.name]));
      return {
        Spaces: [
          ['Space name', 'Members', 'Space ID', 'Status', ...extra.map(([h]) => h)],
          ...Array.from({ length: options.spaces }, (_, i) => [
            spaceNameOf(i),
            membersOf(i).join(', '),
            ids.get(spaceNameOf(i)) ?? '',
            'Created',
            ...extra.map(([, f]) => f(i)),
          ]),
        ],
      };
    },
  };
}
