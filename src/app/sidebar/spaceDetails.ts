/**
 * Editing a space's details from the sidebar: name, description, guidelines and history. Input is checked against
 * Chat's limits (the same limits the Spaces tab enforces) before any call; only what changed is sent, as Chat
 * requires — `display_name` and `space_details` together (space_details always carries both description and
 * guidelines), and `space_history_state` alone in its own request.
 */
import type { SpaceType } from '../../domain/model';
import { SPACE_LIMITS } from '../../domain/spaceRows';
import { charLength, formatCount, humanList, trimCell } from '../../domain/text';
import { readSpace, type ChatSpace } from './chatValues';
import { failed, succeeded, type ActionOutcome, type SidebarDeps } from './deps';

export interface DetailsInput {
  space: string;
  displayName: string;
  description: string;
  guidelines: string;
  /** 'on', 'off', or '' to leave as is. */
  history: string;
}

/** One space. Scope: chat.spaces.readonly or chat.spaces. */
export function getSpace(deps: SidebarDeps, name: string): { space?: ChatSpace; error?: string } {
  const r = deps.chat.call({ method: 'chat.spaces.get', resource: name });
  return r.ok ? { space: readSpace(r.value) } : { error: deps.explain(r.failure, 'read the space') };
}

/** Sentences about what is wrong with the typed details, for a space of `type`. */
export function checkDetails(input: DetailsInput, type: SpaceType): string[] {
  const problems: string[] = [];
  const name = trimCell(input.displayName);
  if (type === 'SPACE') {
    if (name === '') problems.push('Space name is empty; a named space needs a name.');
    else if (/[\r\n]/.test(name)) problems.push('Space name must fit on one line.');
    else if (charLength(name) > SPACE_LIMITS.displayName) {
      problems.push(
        `Space name has ${formatCount(charLength(name))} characters; Chat allows at most ${SPACE_LIMITS.displayName}.`,
      );
    }
    if (charLength(input.description) > SPACE_LIMITS.description) {
      problems.push(
        `Description has ${formatCount(charLength(input.description))} characters; Chat allows at most ${SPACE_LIMITS.description}.`,
      );
    }
    if (charLength(input.guidelines) > SPACE_LIMITS.guidelines) {
      problems.push(
        `Guidelines have ${formatCount(charLength(input.guidelines))} characters; Chat allows at most ${formatCount(SPACE_LIMITS.guidelines)}.`,
      );
    }
  }
  if (input.history !== '' && input.history !== 'on' && input.history !== 'off')
    problems.push('History must be On or Off.');
  return problems;
}

/** Saves what changed. At most three requests (read, details, history). Scope: chat.spaces. */
export function saveDetails(deps: SidebarDeps, input: DetailsInput): ActionOutcome {
  const current = getSpace(deps, input.space);
  if (!current.space) return failed(current.error ?? 'The space could not be read.');
  const space = current.space;
  const problems = checkDetails(input, space.type);
  if (problems.length) return failed(problems.join(' '));

  const changed: string[] = [];
  const errors: string[] = [];
  if (space.type === 'SPACE') {
    const name = trimCell(input.displayName);
    const masks: string[] = [];
    const body: Record<string, unknown> = {};
    if (name !== space.displayName) {
      masks.push('display_name');
      body.displayName = name;
      changed.push('name');
    }
    if (input.description !== space.description || input.guidelines !== space.guidelines) {
      masks.push('space_details');
      body.spaceDetails = { description: input.description, guidelines: input.guidelines };
      if (input.description !== space.description) changed.push('description');
      if (input.guidelines !== space.guidelines) changed.push('guidelines');
    }
    if (masks.length) {
      const r = deps.chat.call({
        method: 'chat.spaces.patch',
        resource: space.name,
        query: { updateMask: masks.join(',') },
        body,
      });
      if (!r.ok) {
        errors.push(deps.explain(r.failure, `change the ${humanList(changed, 'and')}`));
        changed.length = 0;
      }
    }
  }
  const wantOn = input.history === 'on' ? true : input.history === 'off' ? false : undefined;
  if (wantOn !== undefined && wantOn !== space.historyOn) {
    const r = deps.chat.call({
      method: 'chat.spaces.patch',
      resource: space.name,
      query: { updateMask: 'space_history_state' },
      body: { spaceHistoryState: wantOn ? 'HISTORY_ON' : 'HISTORY_OFF' },
    });
    if (r.ok) changed.push(wantOn ? 'history (now on)' : 'history (now off)');
    else errors.push(deps.explain(r.failure, `turn history ${wantOn ? 'on' : 'off'}`));
  }
  if (errors.length)
    return failed(
      [changed.length ? `Saved the ${humanList(changed, 'and')}.` : '', ...errors].filter(Boolean).join(' '),
    );
  return succeeded(changed.length ? `Saved the ${humanList(changed, 'and')}.` : 'Nothing changed.');
}
