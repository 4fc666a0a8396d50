/**
 * The handler registry, keyed by discovery method id (the Firebase Auth emulator's `authOperations` pattern). A
 * discovery method without an entry here answers 501 UNIMPLEMENTED; the coverage ledger reads this table.
 */
import type { Handler } from '../backend';
import * as customEmojis from './customEmojis';
import * as media from './media';
import * as members from './members';
import * as messages from './messages';
import * as reactions from './reactions';
import * as spaceEvents from './spaceEvents';
import * as spaces from './spaces';
import * as users from './users';

/** Handlers by method id. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  'chat.customEmojis.create': customEmojis.create,
  'chat.customEmojis.delete': customEmojis.remove,
  'chat.customEmojis.get': customEmojis.get,
  'chat.customEmojis.list': customEmojis.list,
  'chat.media.download': media.download,
  'chat.media.upload': media.upload,
  'chat.spaces.completeImport': spaces.completeImport,
  'chat.spaces.create': spaces.create,
  'chat.spaces.delete': spaces.remove,
  'chat.spaces.findDirectMessage': spaces.findDirectMessage,
  'chat.spaces.get': spaces.get,
  'chat.spaces.list': spaces.list,
  'chat.spaces.patch': spaces.patch,
  'chat.spaces.search': spaces.search,
  'chat.spaces.setup': spaces.setup,
  'chat.spaces.members.create': members.create,
  'chat.spaces.members.delete': members.remove,
  'chat.spaces.members.get': members.get,
  'chat.spaces.members.list': members.list,
  'chat.spaces.members.patch': members.patch,
  'chat.spaces.messages.create': messages.create,
  'chat.spaces.messages.delete': messages.remove,
  'chat.spaces.messages.get': messages.get,
  'chat.spaces.messages.list': messages.list,
  'chat.spaces.messages.patch': messages.patch,
  'chat.spaces.messages.update': messages.update,
  'chat.spaces.messages.attachments.get': messages.getAttachment,
  'chat.spaces.messages.reactions.create': reactions.create,
  'chat.spaces.messages.reactions.delete': reactions.remove,
  'chat.spaces.messages.reactions.list': reactions.list,
  'chat.spaces.spaceEvents.get': spaceEvents.get,
  'chat.spaces.spaceEvents.list': spaceEvents.list,
  'chat.users.spaces.getSpaceReadState': users.getSpaceReadState,
  'chat.users.spaces.updateSpaceReadState': users.updateSpaceReadState,
  'chat.users.spaces.spaceNotificationSetting.get': users.getNotificationSetting,
  'chat.users.spaces.spaceNotificationSetting.patch': users.patchNotificationSetting,
  'chat.users.spaces.threads.getThreadReadState': users.getThreadReadState,
};
