/**
 * The user's own spaces for the homepage: one page of `spaces.list` at a time, or a search by name. Chat has no
 * name filter for a user's spaces (`spaces.search` needs admin access), so a search reads a bounded number of
 * pages and keeps the spaces whose name contains the words typed; when more spaces remain unread it hands back the
 * token to search further. Every call here is a fixed number of requests, whatever the number of spaces.
 */
import { nameKey } from '../../domain/text';
import { readPage, readSpace, type ChatSpace } from './chatValues';
import type { SidebarDeps } from './deps';

/** Spaces per homepage page. */
export const SPACES_PAGE_SIZE = 20;
/** Pages a search reads per click, and their size: at most 3 requests. */
export const SEARCH_PAGES_PER_CLICK = 3;
export const SEARCH_PAGE_SIZE = 200;
/** Matches shown per search click. */
export const SEARCH_RESULTS_SHOWN = 30;

export interface YourSpacesPage {
  spaces: ChatSpace[];
  /** Token of the next page (or where a search goes on); '' when everything was read. */
  nextPageToken: string;
  /** The search words, '' when listing. */
  query: string;
  /** Spaces read by this search click. */
  scanned: number;
  /** Matches beyond those shown. */
  hiddenMatches: number;
  /** Sentence when Chat refused; spaces is then empty. */
  error?: string;
}

/**
 * One page of the user's spaces, or one click of a search by name.
 * Scope: chat.spaces.readonly or chat.spaces.
 */
export function yourSpaces(
  { chat, explain }: Pick<SidebarDeps, 'chat' | 'explain'>,
  options: { pageToken?: string; query?: string },
): YourSpacesPage {
  const query = (options.query ?? '').trim();
  if (query === '') {
    const r = chat.call({
      method: 'chat.spaces.list',
      query: { pageSize: SPACES_PAGE_SIZE, pageToken: options.pageToken || undefined },
    });
    if (!r.ok)
      return {
        spaces: [],
        nextPageToken: '',
        query,
        scanned: 0,
        hiddenMatches: 0,
        error: explain(r.failure, 'list your spaces'),
      };
    const page = readPage(r.value, 'spaces');
    const spaces = page.items.map(readSpace);
    return { spaces, nextPageToken: page.nextPageToken, query, scanned: spaces.length, hiddenMatches: 0 };
  }
  const words = nameKey(query)
    .split(' ')
    .filter((w) => w !== '');
  const matches: ChatSpace[] = [];
  let token = options.pageToken ?? '';
  let scanned = 0;
  for (let i = 0; i < SEARCH_PAGES_PER_CLICK; i++) {
    const r = chat.call({
      method: 'chat.spaces.list',
      query: { pageSize: SEARCH_PAGE_SIZE, pageToken: token || undefined },
    });
    if (!r.ok)
      return {
        spaces: matches,
        nextPageToken: '',
        query,
        scanned,
        hiddenMatches: 0,
        error: explain(r.failure, 'search your spaces'),
      };
    const page = readPage(r.value, 'spaces');
    for (const space of page.items.map(readSpace)) {
      scanned++;
      const key = nameKey(space.displayName);
      if (words.every((w) => key.includes(w))) matches.push(space);
    }
    token = page.nextPageToken;
    if (!token) break;
  }
  return {
    spaces: matches.slice(0, SEARCH_RESULTS_SHOWN),
    nextPageToken: token,
    query,
    scanned,
    hiddenMatches: Math.max(0, matches.length - SEARCH_RESULTS_SHOWN),
  };
}
