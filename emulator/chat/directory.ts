/**
 * The organisation the emulator pretends to be: its domain, its users (internal or external, Chat on or off,
 * auto-accept on or off, admins, who blocks whom), its Google Groups (email ↔ `groups/{id}` as Cloud Identity
 * returns them), and whether the Chat app is configured in the Cloud project. Tests and the runner seed it with a
 * JSON `DirectoryInput` (format in emulator/chat/README.md). Without one, every well-formed address in the org domain
 * is an internal user with Chat on and auto-accept on, any other domain is an external user, and the executing user
 * is `admin@example.com`. User ids are numeric-looking, derived from the seed and the email, so they are stable.
 */

/** A user as seeded. */
export interface DirectoryUserInput {
  email: string;
  /** Numeric-looking id; derived from the seed and the email when absent. */
  id?: string;
  displayName?: string;
  /** Outside the organisation (default: the email's domain differs from the org domain). */
  external?: boolean;
  /** Google Chat turned on for the user (default true). */
  chatEnabled?: boolean;
  /** Auto-accept invitations (default true for internal users, false for external ones). */
  autoAccept?: boolean;
  /** Workspace administrator with the "manage chat and spaces conversations" privilege (useAdminAccess). */
  admin?: boolean;
  /** Custom emoji manager (may delete any custom emoji). */
  emojiManager?: boolean;
  /** Emails of people this user blocks. */
  blocks?: string[];
}

/** A Google Group as seeded. */
export interface DirectoryGroupInput {
  email: string;
  /** Cloud Identity group id (derived when absent). */
  id?: string;
  /** Member emails. */
  members?: string[];
}

/** A membership of a seeded existing space. */
export interface DirectorySpaceMemberInput {
  /** A user's email, or ... */
  email?: string;
  /** ... a group's email. */
  group?: string;
  role?: 'ROLE_MEMBER' | 'ROLE_ASSISTANT_MANAGER' | 'ROLE_MANAGER';
  state?: 'JOINED' | 'INVITED';
}

/** A message of a seeded existing space. */
export interface DirectorySpaceMessageInput {
  sender: string;
  text: string;
  createTime?: string;
  threadKey?: string;
  clientAssignedMessageId?: string;
}

/** An existing space of the organisation (the caller may or may not be in it). */
export interface DirectorySpaceInput {
  displayName?: string;
  spaceType?: 'SPACE' | 'GROUP_CHAT' | 'DIRECT_MESSAGE';
  externalUserAllowed?: boolean;
  spaceHistoryState?: 'HISTORY_ON' | 'HISTORY_OFF';
  description?: string;
  guidelines?: string;
  predefinedPermissionSettings?: 'COLLABORATION_SPACE' | 'ANNOUNCEMENT_SPACE';
  audience?: string;
  createTime?: string;
  members?: DirectorySpaceMemberInput[];
  messages?: DirectorySpaceMessageInput[];
}

/** The JSON a test or the runner seeds the emulator with. Every field is optional. */
export interface DirectoryInput {
  /** Organisation domain (default `example.com`). */
  domain?: string;
  /** Customer id (default `C01234567`). */
  customerId?: string;
  /** Chat app configured in the Cloud project (default true); when false every write is 404 (facts §0 row 7). */
  chatAppConfigured?: boolean;
  /** The executing user when nobody else is named (default `admin@<domain>`). */
  defaultCaller?: string;
  /** Treat every well-formed address as a user (default true). When false only listed users exist. */
  implicitUsers?: boolean;
  /** The org lets spaces toggle history (patch `space_history_state`; default true). */
  historyToggleAllowed?: boolean;
  /** History state of new spaces (default HISTORY_ON). */
  defaultHistoryState?: 'HISTORY_ON' | 'HISTORY_OFF';
  /** Custom emojis turned on for the org (default true). */
  customEmojisEnabled?: boolean;
  /** Emails that are Workspace admins (in addition to users marked `admin`); default `[admin@<domain>]`. */
  admins?: string[];
  users?: DirectoryUserInput[];
  groups?: DirectoryGroupInput[];
  /** Existing spaces of the organisation, created when the directory is seeded. */
  spaces?: DirectorySpaceInput[];
}

/** A resolved user. */
export interface DirectoryUser {
  id: string;
  email: string;
  displayName: string;
  external: boolean;
  chatEnabled: boolean;
  autoAccept: boolean;
  admin: boolean;
  emojiManager: boolean;
  blocks: string[];
}

/** A resolved group. */
export interface DirectoryGroup {
  id: string;
  email: string;
  members: string[];
}

/** The serialisable directory (part of the emulator dump). */
export interface DirectoryData {
  domain: string;
  customerId: string;
  chatAppConfigured: boolean;
  defaultCaller: string;
  implicitUsers: boolean;
  historyToggleAllowed: boolean;
  defaultHistoryState: 'HISTORY_ON' | 'HISTORY_OFF';
  customEmojisEnabled: boolean;
  admins: string[];
  /** Users known so far: seeded ones plus implicit ones met in requests. */
  users: DirectoryUser[];
  groups: DirectoryGroup[];
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** True for a syntactically valid email address. */
export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** 64-bit FNV-1a over a string, as a BigInt (deterministic id derivation). */
function fnv64(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h;
}

/** A 21-digit numeric id like Google's People/Directory ids, derived from seed and key. */
export function numericId(seed: number, key: string): string {
  const n = fnv64(`${seed}:${key}`) % 100000000000000000000n;
  return '1' + n.toString().padStart(20, '0');
}

/** A 15-character Cloud Identity group id (`03x8tuzt3c7hgjv` style), derived from seed and key. */
export function groupId(seed: number, key: string): string {
  return ('0' + fnv64(`${seed}:group:${key}`).toString(36)).padEnd(15, '0').slice(0, 15);
}

/** The organisation directory. */
export class Directory {
  private data: DirectoryData;
  private readonly byEmail = new Map<string, DirectoryUser>();
  private readonly byId = new Map<string, DirectoryUser>();

  constructor(
    private readonly seed: number,
    input: DirectoryInput = {},
  ) {
    this.data = Directory.build(seed, input);
    this.index();
  }

  /** Builds serialisable directory data from an input. */
  static build(seed: number, input: DirectoryInput): DirectoryData {
    const domain = (input.domain ?? 'example.com').toLowerCase();
    const admins = (input.admins ?? [`admin@${domain}`]).map((e) => e.toLowerCase());
    const data: DirectoryData = {
      domain,
      customerId: input.customerId ?? 'C01234567',
      chatAppConfigured: input.chatAppConfigured ?? true,
      defaultCaller: (input.defaultCaller ?? `admin@${domain}`).toLowerCase(),
      implicitUsers: input.implicitUsers ?? true,
      historyToggleAllowed: input.historyToggleAllowed ?? true,
      defaultHistoryState: input.defaultHistoryState ?? 'HISTORY_ON',
      customEmojisEnabled: input.customEmojisEnabled ?? true,
      admins,
      users: [],
      groups: [],
    };
    for (const u of input.users ?? []) {
      const email = u.email.toLowerCase();
      const external = u.external ?? email.split('@')[1] !== domain;
      data.users.push({
        id: u.id ?? numericId(seed, email),
        email,
        displayName: u.displayName ?? email.split('@')[0],
        external,
        chatEnabled: u.chatEnabled ?? true,
        autoAccept: u.autoAccept ?? !external,
        admin: u.admin ?? admins.includes(email),
        emojiManager: u.emojiManager ?? false,
        blocks: (u.blocks ?? []).map((b) => b.toLowerCase()),
      });
    }
    for (const g of input.groups ?? []) {
      const email = g.email.toLowerCase();
      data.groups.push({
        id: g.id ?? groupId(seed, email),
        email,
        members: (g.members ?? []).map((m) => m.toLowerCase()),
      });
    }
    return data;
  }

  /** Loads serialisable data (from a dump). */
  load(data: DirectoryData): void {
    this.data = JSON.parse(JSON.stringify(data)) as DirectoryData;
    this.index();
  }

  /** The serialisable data. */
  toJSON(): DirectoryData {
    return JSON.parse(JSON.stringify(this.data)) as DirectoryData;
  }

  private index(): void {
    this.byEmail.clear();
    this.byId.clear();
    for (const u of this.data.users) {
      this.byEmail.set(u.email, u);
      this.byId.set(u.id, u);
    }
  }

  get domain(): string {
    return this.data.domain;
  }
  get customerId(): string {
    return this.data.customerId;
  }
  get chatAppConfigured(): boolean {
    return this.data.chatAppConfigured;
  }
  set chatAppConfigured(value: boolean) {
    this.data.chatAppConfigured = value;
  }
  get defaultCaller(): string {
    return this.data.defaultCaller;
  }
  get historyToggleAllowed(): boolean {
    return this.data.historyToggleAllowed;
  }
  get defaultHistoryState(): 'HISTORY_ON' | 'HISTORY_OFF' {
    return this.data.defaultHistoryState;
  }
  get customEmojisEnabled(): boolean {
    return this.data.customEmojisEnabled;
  }

  /** All users known so far (seeded and implicit). */
  users(): DirectoryUser[] {
    return [...this.data.users];
  }

  /** All groups. */
  groups(): DirectoryGroup[] {
    return [...this.data.groups];
  }

  /**
   * The user with this email, creating an implicit one when `implicitUsers` is on. Undefined for malformed addresses
   * and, with implicit users off, for unlisted ones.
   */
  userByEmail(email: string): DirectoryUser | undefined {
    const key = email.trim().toLowerCase();
    const known = this.byEmail.get(key);
    if (known) return known;
    if (!this.data.implicitUsers || !isEmail(key)) return undefined;
    const external = key.split('@')[1] !== this.data.domain;
    const user: DirectoryUser = {
      id: numericId(this.seed, key),
      email: key,
      displayName: key.split('@')[0],
      external,
      chatEnabled: true,
      autoAccept: !external,
      admin: this.data.admins.includes(key),
      emojiManager: false,
      blocks: [],
    };
    this.data.users.push(user);
    this.byEmail.set(key, user);
    this.byId.set(user.id, user);
    return user;
  }

  /** The user with this numeric id, if known. */
  userById(id: string): DirectoryUser | undefined {
    return this.byId.get(id);
  }

  /**
   * Resolves the `{user}` part of `users/{user}`: an email alias or an id. `external` users must be named by email
   * when the caller uses an id they do not know (facts §2.4), which the caller checks.
   */
  resolveUser(segment: string): DirectoryUser | undefined {
    if (segment.includes('@')) return this.userByEmail(segment);
    return this.userById(segment);
  }

  /** True when `a` blocks `b` or `b` blocks `a`. */
  blocked(a: DirectoryUser, b: DirectoryUser): boolean {
    return a.blocks.includes(b.email) || b.blocks.includes(a.email);
  }

  /** The group with this Cloud Identity id. */
  groupById(id: string): DirectoryGroup | undefined {
    return this.data.groups.find((g) => g.id === id);
  }

  /** The group with this email. */
  groupByEmail(email: string): DirectoryGroup | undefined {
    const key = email.trim().toLowerCase();
    return this.data.groups.find((g) => g.email === key);
  }

  /** True when `email` is a Workspace admin. */
  isAdmin(email: string): boolean {
    const user = this.userByEmail(email);
    return !!user && !user.external && (user.admin || this.data.admins.includes(user.email));
  }
}
