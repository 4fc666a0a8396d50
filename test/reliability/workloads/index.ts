/**
 * The workloads the fault soak runs, one per benchmark workload: Spaces apply (onboarding), Members apply (adds and
 * `*` offboarding), Messages send (broadcast to `*` and to a tag) and the messages export. A new workload is one
 * file here implementing SoakWorkload and a line in this list.
 */
import type { SoakWorkload } from '../soak';
import { membersApply } from './membersApply';
import { messagesExport } from './messagesExport';
import { messagesSend } from './messagesSend';
import { spacesApply } from './spacesApply';

export const SOAK_WORKLOADS: readonly SoakWorkload[] = [spacesApply, membersApply, messagesSend, messagesExport];
