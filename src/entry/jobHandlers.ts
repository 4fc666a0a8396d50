/**
 * Every job kind the add-on runs, in one list: the menu, the sidebar, scheduled runs and continuation triggers all
 * build their JobRunner from it, so a continuation can resume any kind of job whichever entry point started it.
 */
import type { JobKindHandler } from '../app/jobs/jobRunner';
import { APPLY_SPACES, PREVIEW_SPACES, SpacesJobHandler } from '../app/spaces/spacesJob';
import {
  DELETE_MESSAGES,
  MessagesJobHandler,
  PREVIEW_MESSAGES,
  SEND_MESSAGES,
  UPDATE_MESSAGES,
} from '../app/messages/messagesJob';
import { UrlFetchFiles } from '../adapters/gas/urlFetchFiles';
import { MESSAGES_SCHEDULE } from './messageSchedule';

/** The handlers of every job kind. */
export function jobHandlers(): JobKindHandler[] {
  return [
    new SpacesJobHandler(APPLY_SPACES),
    new SpacesJobHandler(PREVIEW_SPACES),
    // Members tab

    // Messages tab
    ...([PREVIEW_MESSAGES, SEND_MESSAGES, UPDATE_MESSAGES, DELETE_MESSAGES] as const).map(
      (kind) =>
        new MessagesJobHandler(kind, { files: new UrlFetchFiles(), scheduleHandler: MESSAGES_SCHEDULE.handler }),
    ),

    // Exports

    // Retiring spaces
  ];
}
