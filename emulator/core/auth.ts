/**
 * OAuth access tokens of the emulator. `ScriptApp.getOAuthToken()` issues a token that carries the executing user and
 * the scopes the manifest granted; API hosts decode it from `Authorization: Bearer ...`. The stand-alone HTTP server
 * also accepts `Bearer user:<email>` (all scopes of the API), so any HTTP client can act as a chosen user.
 */
import type { Caller } from './api';

const PREFIX = 'ya29.emulator.';

/** Issues the token `ScriptApp.getOAuthToken()` returns for `caller`. */
export function issueToken(caller: Caller): string {
  return PREFIX + Buffer.from(JSON.stringify({ e: caller.email, s: caller.scopes }), 'utf8').toString('base64url');
}

/**
 * Resolves an `authorization` header value to a caller, or undefined when it is missing or not a token this
 * emulator issued. `allScopes` is what a `Bearer user:<email>` token is granted.
 */
export function resolveBearer(header: string | undefined, allScopes: readonly string[]): Caller | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const token = match[1].trim();
  if (token.startsWith('user:')) {
    const email = token.slice('user:'.length).trim().toLowerCase();
    return email.includes('@') ? { email, scopes: allScopes } : undefined;
  }
  if (!token.startsWith(PREFIX)) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8')) as {
      e?: unknown;
      s?: unknown;
    };
    if (typeof decoded.e !== 'string' || !Array.isArray(decoded.s)) return undefined;
    return { email: decoded.e, scopes: decoded.s.filter((s): s is string => typeof s === 'string') };
  } catch {
    return undefined;
  }
}
