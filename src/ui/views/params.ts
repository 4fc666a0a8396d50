/**
 * Names of the action parameters and form fields the cards and the entry points share, in one place so a card and
 * its handler cannot disagree. Parameter values are strings (Action.setParameters); form fields arrive in
 * `commonEventObject.formInputs` under these names.
 */

/** Action parameters. */
export const PARAM = {
  space: 'space',
  spaceType: 'type',
  membersToken: 'mt',
  messagesToken: 'gt',
  membership: 'membership',
  label: 'label',
  role: 'role',
  self: 'self',
  message: 'message',
  emoji: 'emoji',
  draft: 'draft',
  confirmed: 'confirmed',
  job: 'job',
  schedule: 'schedule',
  query: 'q',
  sheetOffset: 'so',
  spacesToken: 'st',
  /** How to show the card: `push` (default for opening), `update` (refresh, paging). */
  nav: 'nav',
} as const;

/** Form fields. */
export const FIELD = {
  query: 'query',
  people: 'people',
  groups: 'groups',
  role: 'role',
  messageText: 'messageText',
  threadKey: 'threadKey',
  editText: 'editText',
  displayName: 'displayName',
  description: 'description',
  guidelines: 'guidelines',
  history: 'history',
  memberSyncDefault: 'memberSyncDefault',
  sendAtTimeZone: 'sendAtTimeZone',
  confirmDestructive: 'confirmDestructive',
  /** Interval of a schedule: `every_<schedule id>`. */
  everyPrefix: 'every_',
} as const;

export const YES = 'yes';
