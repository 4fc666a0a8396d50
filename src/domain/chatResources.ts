/**
 * Chat API resources as the add-on reads them: the fields it uses, named as in the discovery document. Shared by
 * the exports and the Members run; types only.
 */

/** The fields of a Space the export reads (discovery Space). */
export interface ChatSpace {
  name?: string;
  displayName?: string;
  spaceType?: string;
  spaceDetails?: { description?: string; guidelines?: string };
  spaceHistoryState?: string;
  externalUserAllowed?: boolean;
  accessSettings?: { accessState?: string };
  membershipCount?: { joinedDirectHumanUserCount?: number; joinedGroupCount?: number };
  spaceUri?: string;
  createTime?: string;
  lastActiveTime?: string;
}

/** discovery Membership. */
export interface ChatMembership {
  name?: string;
  state?: string;
  role?: string;
  member?: { name?: string; type?: string };
  groupMember?: { name?: string };
  createTime?: string;
}

/** discovery Message (the fields exported). */
export interface ChatMessage {
  name?: string;
  sender?: { name?: string; type?: string };
  createTime?: string;
  lastUpdateTime?: string;
  text?: string;
  thread?: { name?: string };
  attachment?: {
    name?: string;
    contentName?: string;
    contentType?: string;
    attachmentDataRef?: { resourceName?: string };
  }[];
  emojiReactionSummaries?: { reactionCount?: number }[];
}

/** discovery SpaceEvent (the fields exported) with its payload left open. */
export interface ChatSpaceEvent {
  name?: string;
  eventTime?: string;
  eventType?: string;
  [payload: string]: unknown;
}

/** discovery Reaction. */
export interface ChatReaction {
  name?: string;
  user?: { name?: string };
  emoji?: { unicode?: string; customEmoji?: { uid?: string; emojiName?: string } };
}
