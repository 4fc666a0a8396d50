/**
 * The emulator's state, held in API-shaped JSON (spaces with their members, messages and reactions as the API
 * renders them, plus the extras needed to round-trip: emails, ranks, request ids, uploads, read states, events), so
 * that `dump()` is a deep copy and `load()` restores exactly the same behaviour. Ids are generated from the seed and
 * a counter kept in the state, so a loaded dump goes on producing the same ids the original would have.
 */
import type { DirectoryData } from './directory';

export type SpaceType = 'SPACE' | 'GROUP_CHAT' | 'DIRECT_MESSAGE';
export type Role = 'ROLE_MEMBER' | 'ROLE_ASSISTANT_MANAGER' | 'ROLE_MANAGER' | 'MEMBERSHIP_ROLE_UNSPECIFIED';
export type MemberStateName = 'JOINED' | 'INVITED';

/** A permission setting (`{managersAllowed, assistantManagersAllowed, membersAllowed}`). */
export interface PermissionSettingState {
  managersAllowed?: boolean;
  assistantManagersAllowed?: boolean;
  membersAllowed?: boolean;
}

/** Space permission settings (discovery schema PermissionSettings). */
export interface PermissionSettingsState {
  manageMembersAndGroups: PermissionSettingState;
  modifySpaceDetails: PermissionSettingState;
  toggleHistory: PermissionSettingState;
  useAtMentionAll: PermissionSettingState;
  manageApps: PermissionSettingState;
  manageWebhooks: PermissionSettingState;
  postMessages: PermissionSettingState;
  replyMessages: PermissionSettingState;
}

export interface MemberState {
  name: string;
  member?: { name: string; type: 'HUMAN' | 'BOT' };
  groupMember?: { name: string };
  /** The user's or group's email (state only; never rendered with user auth). */
  email?: string;
  role: Role;
  state: MemberStateName;
  createTime: string;
  rank: number;
}

export interface AttachmentState {
  name: string;
  contentName: string;
  contentType: string;
  attachmentDataRef: { resourceName: string };
  source: 'UPLOADED_CONTENT';
  downloadUri: string;
  thumbnailUri?: string;
}

export interface ReactionState {
  name: string;
  user: { name: string; type: 'HUMAN' };
  emoji: { unicode?: string; customEmoji?: { uid: string } };
  createTime: string;
  rank: number;
}

export interface MessageState {
  name: string;
  text?: string;
  thread: { name: string; threadKey?: string };
  sender: { name: string; type: 'HUMAN' | 'BOT' };
  createTime: string;
  lastUpdateTime?: string;
  deleteTime?: string;
  deletionMetadata?: { deletionType: string };
  clientAssignedMessageId?: string;
  threadReply: boolean;
  attachment?: AttachmentState[];
  reactions: ReactionState[];
  /** Insertion order, to break createTime ties. */
  seq: number;
}

export interface EventState {
  name: string;
  eventType: string;
  eventTime: string;
  /** Resource the event is about (its latest version is rendered in the payload). */
  resource: string;
  /** What to render when the resource no longer exists (deleted events carry only name/state or name/times). */
  snapshot?: Record<string, unknown>;
}

export interface SpaceState {
  name: string;
  displayName?: string;
  spaceType: SpaceType;
  singleUserBotDm?: boolean;
  spaceDetails?: { description?: string; guidelines?: string };
  externalUserAllowed: boolean;
  spaceHistoryState: 'HISTORY_ON' | 'HISTORY_OFF';
  spaceThreadingState: 'THREADED_MESSAGES' | 'GROUPED_MESSAGES' | 'UNTHREADED_MESSAGES';
  accessSettings?: { audience?: string };
  permissionSettings?: PermissionSettingsState;
  predefinedPermissionSettings: 'COLLABORATION_SPACE' | 'ANNOUNCEMENT_SPACE';
  importMode?: boolean;
  importModeExpireTime?: string;
  createTime: string;
  lastActiveTime?: string;
  /** `users/{id}` of the creator. */
  creator?: string;
  rank: number;
  members: MemberState[];
  messages: MessageState[];
  events: EventState[];
}

export interface CustomEmojiState {
  name: string;
  uid: string;
  emojiName: string;
  creator: string;
  createTime: string;
  contentType: string;
  bytesB64: string;
  rank: number;
}

export interface UploadState {
  token: string;
  space: string;
  uploader: string;
  filename: string;
  contentType: string;
  resourceName: string;
  createTime: string;
}

export interface MediaState {
  resourceName: string;
  space: string;
  filename: string;
  contentType: string;
  bytesB64: string;
}

export interface RequestIdState {
  kind: 'space' | 'message';
  requestId: string;
  /** `users/{id}` of the caller who used it. */
  user: string;
  /** For messages: the space the request was scoped to. */
  scope?: string;
  resource: string;
  time: string;
}

export interface ReadStateEntry {
  user: string;
  space: string;
  lastReadTime: string;
}

export interface NotificationSettingEntry {
  user: string;
  space: string;
  notificationSetting: string;
  muteSetting: string;
}

/** Everything the emulator holds; JSON-serialisable. */
export interface ChatState {
  format: 'chat-emulator-state';
  version: 1;
  discoveryRevision: string;
  seed: number;
  /** Ids generated so far (the id generator's position). */
  idCounter: number;
  /** Requests handled so far. */
  requests: number;
  directory: DirectoryData;
  spaces: SpaceState[];
  customEmojis: CustomEmojiState[];
  uploads: UploadState[];
  media: MediaState[];
  requestIds: RequestIdState[];
  readStates: ReadStateEntry[];
  notificationSettings: NotificationSettingEntry[];
  /** Optional quota windows (timestamps of charged calls per bucket key). */
  quota?: Record<string, number[]>;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function mix(seed: number, counter: number, salt: number): number {
  let h = (seed ^ Math.imul(counter + 1, 0x9e3779b1) ^ Math.imul(salt + 7, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Deterministic id generation from (seed, counter). */
export class IdGenerator {
  constructor(private readonly state: ChatState) {}

  /** `length` id characters (base64url alphabet). */
  chars(length: number, alphabet = ID_ALPHABET): string {
    const counter = this.state.idCounter++;
    let out = '';
    for (let i = 0; i < length; i++) {
      out += alphabet[mix(this.state.seed, counter, i) % alphabet.length];
    }
    return out;
  }

  /** A space id like `AAAAlb5uQ3M`. */
  space(): string {
    return 'AAAA' + this.chars(7);
  }

  /** A message/thread id segment like `UBHHVc_AY6A`. */
  segment(): string {
    return this.chars(11);
  }

  /** A numeric rank for seeded ordering. */
  rank(): number {
    const counter = this.state.idCounter++;
    return mix(this.state.seed, counter, 99);
  }
}

/** An empty state. */
export function emptyState(seed: number, revision: string, directory: DirectoryData): ChatState {
  return {
    format: 'chat-emulator-state',
    version: 1,
    discoveryRevision: revision,
    seed,
    idCounter: 0,
    requests: 0,
    directory,
    spaces: [],
    customEmojis: [],
    uploads: [],
    media: [],
    requestIds: [],
    readStates: [],
    notificationSettings: [],
  };
}

/** Deep copy through JSON (the state is JSON by construction). */
export function cloneState<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Default permission settings for a new named space (C10). */
export function defaultPermissions(
  preset: 'COLLABORATION_SPACE' | 'ANNOUNCEMENT_SPACE',
  collaboration: 'all-members' | 'managers',
): PermissionSettingsState {
  const all = (): PermissionSettingState => ({
    managersAllowed: true,
    assistantManagersAllowed: true,
    membersAllowed: true,
  });
  const managers = (): PermissionSettingState => ({ managersAllowed: true, assistantManagersAllowed: true });
  const base = collaboration === 'all-members' && preset === 'COLLABORATION_SPACE' ? all : managers;
  return {
    manageMembersAndGroups: base(),
    modifySpaceDetails: base(),
    toggleHistory: base(),
    useAtMentionAll: base(),
    manageApps: base(),
    manageWebhooks: base(),
    // An announcement space lets only managers post (facts §2.2, predefinedPermissionSettings enum description).
    postMessages: preset === 'ANNOUNCEMENT_SPACE' ? managers() : all(),
    replyMessages: all(),
  };
}
