/**
 * The `filter` / `query` grammars the list methods accept, parsed per AIP-160 (comparisons `=`, `!=`, `<`, `>`,
 * `<=`, `>=`, has `:`, `AND`, `OR` binding tighter than `AND`, `NOT`, parentheses, function calls) and then checked
 * against each method's documented rules (discovery parameter descriptions: spaces.list `space_type`, members.list
 * `role`/`member.type` with the AND/OR rules, messages.list `create_time`/`thread.name`, reactions.list emoji/user
 * groups, spaceEvents.list `event_types`/`start_time`/`end_time`, customEmojis.list `creator("users/me")`,
 * spaces.search). Anything else is INVALID_ARGUMENT, as "Invalid queries are rejected by the server".
 */
import { ApiError } from './errors';
import { camel, parseTimestamp } from './validate';

/** A filter expression. */
export type Expr =
  | { kind: 'and'; items: Expr[] }
  | { kind: 'or'; items: Expr[]; parenthesized: boolean }
  | { kind: 'not'; item: Expr }
  | { kind: 'cmp'; field: string; op: string; value: string }
  | { kind: 'call'; fn: string; args: string[] };

type Token = { t: 'str' | 'word' | 'op' | 'lp' | 'rp' | 'comma'; v: string };

function invalid(message = 'Invalid filter.'): ApiError {
  return new ApiError('INVALID_ARGUMENT', message);
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
        j++;
      }
      if (j >= text.length) throw invalid('Invalid filter: unterminated string.');
      out.push({ t: 'str', v: value });
      i = j + 1;
    } else if (c === '(') {
      out.push({ t: 'lp', v: c });
      i++;
    } else if (c === ')') {
      out.push({ t: 'rp', v: c });
      i++;
    } else if (c === ',') {
      out.push({ t: 'comma', v: c });
      i++;
    } else if (/[<>=!:]/.test(c)) {
      const two = text.slice(i, i + 2);
      if (two === '<=' || two === '>=' || two === '!=') {
        out.push({ t: 'op', v: two });
        i += 2;
      } else if (c === '!') {
        throw invalid();
      } else {
        out.push({ t: 'op', v: c });
        i++;
      }
    } else {
      let j = i;
      while (j < text.length && !/[\s()<>=!:,"']/.test(text[j])) j++;
      // A bare value may itself contain ':' only when it is a resource name or timestamp; keep it simple: words
      // stop at ':' so `event_types:"x"` tokenizes as word, op, str.
      out.push({ t: 'word', v: text.slice(i, j) });
      i = j;
    }
  }
  return out;
}

/** Parses a filter string into an expression (AIP-160 precedence: OR binds tighter than AND). */
export function parseFilter(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (w: string): boolean => peek()?.t === 'word' && peek()?.v === w;

  const parseAnd = (): Expr => {
    const items = [parseOr()];
    while (isWord('AND')) {
      pos++;
      items.push(parseOr());
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  };
  const parseOr = (): Expr => {
    const items = [parseUnary()];
    while (isWord('OR')) {
      pos++;
      items.push(parseUnary());
    }
    return items.length === 1 ? items[0] : { kind: 'or', items, parenthesized: false };
  };
  const parseUnary = (): Expr => {
    if (isWord('NOT') || (peek()?.t === 'word' && peek()?.v === '-')) {
      pos++;
      return { kind: 'not', item: parseUnary() };
    }
    const tok = peek();
    if (!tok) throw invalid('Invalid filter: unexpected end of query.');
    if (tok.t === 'lp') {
      pos++;
      const inner = parseAnd();
      if (peek()?.t !== 'rp') throw invalid('Invalid filter: missing ).');
      pos++;
      return inner.kind === 'or' ? { ...inner, parenthesized: true } : inner;
    }
    if (tok.t !== 'word') throw invalid();
    pos++;
    const next = peek();
    if (next?.t === 'lp') {
      pos++;
      const args: string[] = [];
      while (peek() && peek()?.t !== 'rp') {
        const a = peek() as Token;
        if (a.t === 'comma') {
          pos++;
          continue;
        }
        if (a.t !== 'str' && a.t !== 'word') throw invalid();
        args.push(a.v);
        pos++;
      }
      if (peek()?.t !== 'rp') throw invalid('Invalid filter: missing ).');
      pos++;
      return { kind: 'call', fn: tok.v, args };
    }
    if (next?.t !== 'op') throw invalid(`Invalid filter: expected an operator after "${tok.v}".`);
    pos++;
    const value = peek();
    if (!value || (value.t !== 'str' && value.t !== 'word')) throw invalid('Invalid filter: expected a value.');
    pos++;
    let v = value.v;
    // Unquoted values such as spaces/AAA/threads/123 or timestamps with ':' are re-joined.
    if (value.t === 'word') {
      while (peek()?.t === 'op' && peek()?.v === ':' && tokens[pos + 1]?.t === 'word') {
        v += ':' + tokens[pos + 1].v;
        pos += 2;
      }
    }
    return { kind: 'cmp', field: tok.v, op: next.v, value: v };
  };

  if (tokens.length === 0) throw invalid('Invalid filter: empty query.');
  const expr = parseAnd();
  if (pos !== tokens.length) throw invalid(`Invalid filter near "${tokens[pos].v}".`);
  return expr;
}

/** Evaluates an expression; `cmp` and `call` decide leaves. */
export function evaluate(expr: Expr, leaf: (e: Extract<Expr, { kind: 'cmp' | 'call' }>) => boolean): boolean {
  switch (expr.kind) {
    case 'and':
      return expr.items.every((e) => evaluate(e, leaf));
    case 'or':
      return expr.items.some((e) => evaluate(e, leaf));
    case 'not':
      return !evaluate(expr.item, leaf);
    default:
      return leaf(expr);
  }
}

/** The comparisons of an expression, flattened. */
function leaves(expr: Expr): Array<Extract<Expr, { kind: 'cmp' | 'call' }>> {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.items.flatMap(leaves);
    case 'not':
      return leaves(expr.item);
    default:
      return [expr];
  }
}

function normField(field: string): string {
  return camel(field);
}

function hasNot(expr: Expr): boolean {
  if (expr.kind === 'not') return true;
  if (expr.kind === 'and' || expr.kind === 'or') return expr.items.some(hasNot);
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// spaces.list: `space_type = "SPACE"` joined with OR.

/** spaces.list filter → allowed space types. */
export function spacesListFilter(text: string): Set<string> {
  const expr = parseFilter(text);
  const types = new Set<string>();
  const items = expr.kind === 'or' ? expr.items : [expr];
  for (const item of items) {
    if (item.kind !== 'cmp' || normField(item.field) !== 'spaceType' || item.op !== '=') throw invalid();
    if (!['SPACE', 'GROUP_CHAT', 'DIRECT_MESSAGE'].includes(item.value)) throw invalid();
    types.add(item.value);
  }
  return types;
}

// ---------------------------------------------------------------------------------------------------------------
// members.list: role / member.type.

/** A membership as the members.list filter sees it. */
export interface MemberFacts {
  role: string;
  type: string;
}

/** members.list filter → predicate. `requireHuman` enforces the useAdminAccess rule. */
export function membersListFilter(
  text: string,
  options: { extensions: boolean; requireHuman: boolean },
): (m: MemberFacts) => boolean {
  const expr = parseFilter(text);
  if (hasNot(expr)) throw invalid();
  const roles = options.extensions
    ? ['ROLE_MEMBER', 'ROLE_MANAGER', 'ROLE_ASSISTANT_MANAGER']
    : ['ROLE_MEMBER', 'ROLE_MANAGER'];
  for (const leaf of leaves(expr)) {
    if (leaf.kind !== 'cmp') throw invalid();
    const field = normField(leaf.field);
    if (field === 'role') {
      if (leaf.op !== '=' || !roles.includes(leaf.value)) throw invalid();
    } else if (field === 'member.type') {
      if ((leaf.op !== '=' && leaf.op !== '!=') || !['HUMAN', 'BOT'].includes(leaf.value)) throw invalid();
    } else {
      throw invalid();
    }
  }
  // "member.type = HUMAN AND member.type = BOT" and "role = A AND role = B" are invalid: AND joins different fields.
  const checkAnd = (e: Expr): void => {
    if (e.kind === 'and') {
      const fields = e.items.filter((i) => i.kind === 'cmp').map((i) => normField((i as { field: string }).field));
      if (new Set(fields).size !== fields.length) throw invalid();
    }
    if (e.kind === 'and' || e.kind === 'or') e.items.forEach(checkAnd);
  };
  checkAnd(expr);
  if (options.requireHuman) {
    const tops = expr.kind === 'and' ? expr.items : [expr];
    const ok = tops.some(
      (t) =>
        t.kind === 'cmp' &&
        normField(t.field) === 'member.type' &&
        ((t.op === '=' && t.value === 'HUMAN') || (t.op === '!=' && t.value === 'BOT')),
    );
    if (!ok) {
      throw invalid(
        'When use_admin_access is true, the filter must contain member.type = "HUMAN" or member.type != "BOT".',
      );
    }
  }
  return (m) =>
    evaluate(expr, (leaf) => {
      if (leaf.kind !== 'cmp') return false;
      const actual = normField(leaf.field) === 'role' ? m.role : m.type;
      return leaf.op === '!=' ? actual !== leaf.value : actual === leaf.value;
    });
}

// ---------------------------------------------------------------------------------------------------------------
// messages.list: create_time > / < and thread.name =, AND only.

/** messages.list filter. */
export interface MessagesFilter {
  after?: number;
  before?: number;
  thread?: string;
}

/** Parses a messages.list filter. */
export function messagesListFilter(text: string): MessagesFilter {
  const expr = parseFilter(text);
  const items = expr.kind === 'and' ? expr.items : [expr];
  const out: MessagesFilter = {};
  for (const item of items) {
    if (item.kind !== 'cmp') throw invalid();
    const field = normField(item.field);
    if (field === 'createTime') {
      const ms = parseTimestamp(item.value);
      if (Number.isNaN(ms)) throw invalid('Invalid filter: create_time must be an RFC-3339 timestamp.');
      if (item.op === '>') out.after = Math.max(out.after ?? -Infinity, ms);
      else if (item.op === '<') out.before = Math.min(out.before ?? Infinity, ms);
      else throw invalid();
    } else if (field === 'thread.name') {
      if (item.op !== '=' || out.thread !== undefined)
        throw invalid('Invalid filter: only one thread.name is allowed.');
      if (!/^spaces\/[^/]+\/threads\/[^/]+$/.test(item.value)) throw invalid();
      out.thread = item.value;
    } else {
      throw invalid();
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// reactions.list: (emoji group) AND (user group), groups are ORs of one category.

/** reactions.list filter: each list is an OR; both present means AND. */
export interface ReactionsFilter {
  emojis?: Array<{ unicode?: string; customEmojiUid?: string }>;
  users?: string[];
}

/** Parses a reactions.list filter with its documented validity rules. */
export function reactionsListFilter(text: string): ReactionsFilter {
  const expr = parseFilter(text);
  if (hasNot(expr)) throw invalid();
  const category = (e: Expr): 'emoji' | 'user' => {
    if (e.kind !== 'cmp' || e.op !== '=') throw invalid();
    const f = normField(e.field);
    if (f === 'emoji.unicode' || f === 'emoji.customEmoji.uid') return 'emoji';
    if (f === 'user.name') return 'user';
    throw invalid();
  };
  const group = (e: Expr): { cat: 'emoji' | 'user'; items: Array<Extract<Expr, { kind: 'cmp' }>> } => {
    const items = (e.kind === 'or' ? e.items : [e]) as Array<Extract<Expr, { kind: 'cmp' }>>;
    const cats = new Set(items.map(category));
    if (cats.size !== 1) throw invalid();
    return { cat: [...cats][0], items };
  };
  const groups =
    expr.kind === 'and'
      ? expr.items.map((item) => {
          // Mixing AND and OR needs parentheses.
          if (item.kind === 'or' && !item.parenthesized) throw invalid();
          return group(item);
        })
      : [group(expr)];
  const out: ReactionsFilter = {};
  for (const g of groups) {
    if (g.cat === 'emoji') {
      if (out.emojis) throw invalid();
      out.emojis = g.items.map((i) =>
        normField(i.field) === 'emoji.unicode' ? { unicode: i.value } : { customEmojiUid: i.value },
      );
    } else {
      if (out.users) throw invalid();
      out.users = g.items.map((i) => i.value);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// spaceEvents.list.

/** The event types spaceEvents.list accepts in a filter (SpaceEvent.eventType description; batch types excluded). */
export const FILTERABLE_EVENT_TYPES = [
  'google.workspace.chat.message.v1.created',
  'google.workspace.chat.message.v1.updated',
  'google.workspace.chat.message.v1.deleted',
  'google.workspace.chat.membership.v1.created',
  'google.workspace.chat.membership.v1.updated',
  'google.workspace.chat.membership.v1.deleted',
  'google.workspace.chat.reaction.v1.created',
  'google.workspace.chat.reaction.v1.deleted',
  'google.workspace.chat.space.v1.updated',
] as const;

/** spaceEvents.list filter. */
export interface SpaceEventsFilter {
  eventTypes: string[];
  startTime?: number;
  endTime?: number;
}

/** Parses a spaceEvents.list filter (required; ≥1 event type; start/end with `=`; OR only between types). */
export function spaceEventsFilter(text: string | undefined): SpaceEventsFilter {
  if (!text || text.trim() === '') throw invalid('Invalid filter: at least one event type is required.');
  const expr = parseFilter(text);
  const items = expr.kind === 'and' ? expr.items : [expr];
  const out: SpaceEventsFilter = { eventTypes: [] };
  let typeGroups = 0;
  for (const item of items) {
    if (item.kind === 'cmp' && ['startTime', 'endTime'].includes(normField(item.field))) {
      const field = normField(item.field) as 'startTime' | 'endTime';
      if (item.op !== '=' || out[field] !== undefined) throw invalid();
      const ms = parseTimestamp(item.value);
      if (Number.isNaN(ms))
        throw invalid(`Invalid filter: ${field === 'startTime' ? 'start_time' : 'end_time'} must be RFC-3339.`);
      out[field] = ms;
      continue;
    }
    const types = item.kind === 'or' ? item.items : [item];
    for (const t of types) {
      if (t.kind !== 'cmp' || normField(t.field) !== 'eventTypes' || t.op !== ':') throw invalid();
      if (!(FILTERABLE_EVENT_TYPES as readonly string[]).includes(t.value)) {
        throw invalid(`Invalid filter: unsupported event type "${t.value}".`);
      }
      out.eventTypes.push(t.value);
    }
    typeGroups++;
  }
  if (typeGroups !== 1) throw invalid('Invalid filter: specify event types once, joined with OR.');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// customEmojis.list.

/** customEmojis.list filter → `mine` (creator("users/me")) or `others` (NOT creator("users/me")). */
export function customEmojisFilter(text: string): 'mine' | 'others' {
  const expr = parseFilter(text);
  const isCreatorMe = (e: Expr): boolean =>
    e.kind === 'call' && e.fn === 'creator' && e.args.length === 1 && e.args[0] === 'users/me';
  if (isCreatorMe(expr)) return 'mine';
  if (expr.kind === 'not' && isCreatorMe(expr.item)) return 'others';
  throw invalid();
}

// ---------------------------------------------------------------------------------------------------------------
// spaces.search (admin).

/** What spaces.search evaluates a query against. */
export interface SearchFacts {
  createTime: number;
  lastActiveTime: number;
  displayName: string;
  externalUserAllowed: boolean;
  spaceHistoryState: string;
  spaceType: string;
}

/** Parses a spaces.search query (discovery `query` description) into a predicate. */
export function spacesSearchQuery(text: string | undefined): (s: SearchFacts) => boolean {
  if (!text || text.trim() === '') throw invalid('Invalid query: query is required.');
  const expr = parseFilter(text);
  if (hasNot(expr)) throw invalid();
  const groups = expr.kind === 'and' ? expr.items : [expr];
  let customer = false;
  let spaceType = false;
  for (const group of groups) {
    const ls = leaves(group);
    const fields = new Set(ls.map((l) => (l.kind === 'cmp' ? normField(l.field) : '?')));
    if (fields.size !== 1) throw invalid('Invalid query: only AND is supported across different fields.');
    const field = [...fields][0];
    for (const l of ls) {
      if (l.kind !== 'cmp') throw invalid();
      switch (field) {
        case 'customer':
          if (l.op !== '=' || l.value !== 'customers/my_customer')
            throw invalid('Invalid query: customer must be "customers/my_customer".');
          customer = true;
          break;
        case 'spaceType':
          if (l.op !== '=' || l.value !== 'SPACE' || group.kind !== 'cmp')
            throw invalid('Invalid query: space_type must be "SPACE".');
          spaceType = true;
          break;
        case 'displayName':
          if (l.op !== ':' || hasAnd(group)) throw invalid();
          break;
        case 'externalUserAllowed':
          if (l.op !== '=' || !['true', 'false'].includes(l.value) || hasAnd(group)) throw invalid();
          break;
        case 'spaceHistoryState':
          if (l.op !== '=' || !['HISTORY_ON', 'HISTORY_OFF'].includes(l.value) || hasAnd(group)) throw invalid();
          break;
        case 'createTime':
        case 'lastActiveTime':
          if (!['=', '<', '>', '<=', '>='].includes(l.op) || Number.isNaN(parseTimestamp(l.value))) throw invalid();
          break;
        default:
          throw invalid(`Invalid query: unsupported field "${l.field}".`);
      }
    }
  }
  if (!customer) throw invalid('Invalid query: customer is required.');
  if (!spaceType) throw invalid('Invalid query: space_type is required.');
  return (s) =>
    evaluate(expr, (leaf) => {
      if (leaf.kind !== 'cmp') return false;
      switch (normField(leaf.field)) {
        case 'customer':
          return true;
        case 'spaceType':
          return s.spaceType === leaf.value;
        case 'displayName': {
          // Each token prefix-matches, case-insensitively, a word start anywhere in the display name.
          const words = s.displayName
            .toLowerCase()
            .split(/[^\p{L}\p{N}]+/u)
            .filter(Boolean);
          return leaf.value
            .toLowerCase()
            .split(/\s+/)
            .filter(Boolean)
            .every((tok) => words.some((w) => w.startsWith(tok)));
        }
        case 'externalUserAllowed':
          return String(s.externalUserAllowed) === leaf.value;
        case 'spaceHistoryState':
          return s.spaceHistoryState === leaf.value;
        default: {
          const actual = normField(leaf.field) === 'createTime' ? s.createTime : s.lastActiveTime;
          const v = parseTimestamp(leaf.value);
          switch (leaf.op) {
            case '<':
              return actual < v;
            case '>':
              return actual > v;
            case '<=':
              return actual <= v;
            case '>=':
              return actual >= v;
            default:
              return actual === v;
          }
        }
      }
    });
}

function hasAnd(expr: Expr): boolean {
  if (expr.kind === 'and') return true;
  if (expr.kind === 'or') return expr.items.some(hasAnd);
  return false;
}
