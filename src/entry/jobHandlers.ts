/**
 * Every job kind the add-on runs, in one list: the menu, the sidebar, scheduled runs and continuation triggers all
 * build their JobRunner from it, so a continuation can resume any kind of job whichever entry point started it.
 */
import type { JobKindHandler } from '../app/jobs/jobRunner';
import { APPLY_MEMBERS, MembersJobHandler, PREVIEW_MEMBERS } from '../app/members/membersJob';
import { APPLY_SPACES, PREVIEW_SPACES, SpacesJobHandler } from '../app/spaces/spacesJob';
import { EXPORT_KINDS, ExportJobHandler } from '../app/exports/exportJob';
import { GasDriveFiles } from '../adapters/gas/driveFiles';
import { DELETE_SPACES, LOCK_SPACES, RetireJobHandler } from '../app/retire/retireJob';
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
    new MembersJobHandler(APPLY_MEMBERS),
    new MembersJobHandler(PREVIEW_MEMBERS),

    // Messages tab
    ...([PREVIEW_MESSAGES, SEND_MESSAGES, UPDATE_MESSAGES, DELETE_MESSAGES] as const).map(
      (kind) =>
        new MessagesJobHandler(kind, { files: new UrlFetchFiles(), scheduleHandler: MESSAGES_SCHEDULE.handler }),
    ),

    // Exports
    ...EXPORT_KINDS.map((kind) => new ExportJobHandler(kind, () => new GasDriveFiles())),

    // Retiring spaces
    new RetireJobHandler(DELETE_SPACES),
    new RetireJobHandler(LOCK_SPACES),
  ];
}
