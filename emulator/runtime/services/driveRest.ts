/**
 * The Drive API v3 as UrlFetchApp reaches it (`https://www.googleapis.com/drive/v3/files` and
 * `https://www.googleapis.com/upload/drive/v3/files`), for the two calls an add-on with only the `drive.file` scope
 * makes: `files.create` of a folder (metadata only, `mimeType: application/vnd.google-apps.folder`) and
 * `files.create` with a multipart upload (`uploadType=multipart`: a JSON metadata part, then the media part). Files
 * land in the runtime's DriveStore, so DriveApp and tests see them.
 *
 * Rules (https://developers.google.com/drive/api/reference/rest/v3/files/create and the drive.file scope
 * description, https://developers.google.com/drive/api/guides/api-specific-auth): the call needs one of `drive`,
 * `drive.file` (only files the app created or the user opened with it) or `drive.appdata`; without a token 401
 * UNAUTHENTICATED, without a Drive scope 403 `insufficientPermissions`; under `drive.file` a parent the app did not
 * create is not visible (404 `File not found: {id}.`); the default response fields are `kind, id, name, mimeType`
 * and `fields` selects others (`webViewLink`, `parents`, `size`); `uploadType` other than `multipart`/`media`
 * is refused. Error bodies use Drive's shape (`error.errors[].reason`, `domain: global`).
 */
import type { ApiCall, ApiHost, ApiOutcome } from '../../core/api';
import { resolveBearer } from '../../core/auth';
import type { VirtualClock } from '../../core/clock';
import { boundaryOf, parseMultipart } from '../../chat/multipart';
import type { DriveStore, FileRecord, FolderRecord } from './drive';

const AUTH = 'https://www.googleapis.com/auth/';
const FULL = [AUTH + 'drive'];
const APP_FILES = AUTH + 'drive.file';
const FOLDER_MIME = 'application/vnd.google-apps.folder';
const DEFAULT_FIELDS = ['kind', 'id', 'name', 'mimeType'];

/** Latency of Drive calls (virtual ms): a metadata create, plus transfer time for uploads. */
const CREATE_MS = 350;
const PER_MIB_MS = 80;

interface DriveError {
  status: number;
  reason: string;
  message: string;
}

function errorOutcome(e: DriveError, latencyMs: number): ApiOutcome {
  const statusName: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
  };
  const body = {
    error: {
      code: e.status,
      message: e.message,
      errors: [{ message: e.message, domain: 'global', reason: e.reason }],
      status: statusName[e.status],
    },
  };
  return {
    latencyMs,
    methodId: 'drive.files.create',
    response: {
      status: e.status,
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      body: JSON.stringify(body),
    },
  };
}

/** Builds the Drive v3 host over the runtime's Drive. `newId` gives Drive-shaped ids. */
export function createDriveRestHost(drive: DriveStore, newId: () => string, clock: VirtualClock): ApiHost {
  /** Ids created through this API under drive.file, per user (what drive.file lets the app see again). */
  const appFiles = new Map<string, Set<string>>();
  const visible = (user: string) => {
    let set = appFiles.get(user);
    if (!set) appFiles.set(user, (set = new Set()));
    return set;
  };

  function handle(call: ApiCall): ApiOutcome {
    const url = new URL(call.request.url);
    const isUpload = url.pathname === '/upload/drive/v3/files';
    if (url.pathname !== '/drive/v3/files' && !isUpload) {
      return errorOutcome({ status: 404, reason: 'notFound', message: `Not Found: ${url.pathname}` }, 60);
    }
    if (call.request.method !== 'POST') {
      return errorOutcome({ status: 400, reason: 'badRequest', message: 'Only files.create is emulated.' }, 60);
    }
    const caller = call.caller ?? resolveBearer(call.request.headers.authorization, FULL);
    if (!caller) {
      return errorOutcome(
        {
          status: 401,
          reason: 'authError',
          message: 'Request is missing required authentication credential. Expected OAuth 2 access token.',
        },
        60,
      );
    }
    const full = caller.scopes.some((s) => FULL.includes(s));
    if (!full && !caller.scopes.includes(APP_FILES)) {
      return errorOutcome(
        {
          status: 403,
          reason: 'insufficientPermissions',
          message: 'Request had insufficient authentication scopes.',
        },
        60,
      );
    }

    // Metadata and media.
    let metadata: Record<string, unknown> = {};
    let media: { bytes: Uint8Array; contentType: string } | undefined;
    const body = call.request.body;
    const bytes = typeof body === 'string' ? new Uint8Array(Buffer.from(body, 'utf8')) : (body ?? new Uint8Array());
    const parseJson = (b: Uint8Array): Record<string, unknown> | undefined => {
      try {
        const v = JSON.parse(Buffer.from(b).toString('utf8') || '{}') as unknown;
        return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    };
    if (isUpload) {
      const uploadType = url.searchParams.get('uploadType');
      if (uploadType === 'multipart') {
        const boundary = boundaryOf(call.request.headers['content-type']);
        const parts = boundary ? parseMultipart(bytes, boundary) : undefined;
        const meta = parts?.[0] ? parseJson(parts[0].body) : undefined;
        if (!parts || parts.length !== 2 || !meta) {
          return errorOutcome(
            {
              status: 400,
              reason: 'badContent',
              message: 'Malformed multipart body: expected a JSON metadata part and a media part.',
            },
            60,
          );
        }
        metadata = meta;
        media = { bytes: parts[1].body, contentType: parts[1].headers['content-type'] ?? 'application/octet-stream' };
      } else if (uploadType === 'media') {
        media = { bytes, contentType: call.request.headers['content-type'] ?? 'application/octet-stream' };
      } else {
        return errorOutcome(
          { status: 400, reason: 'invalidParameter', message: `Invalid value for uploadType: ${uploadType ?? ''}` },
          60,
        );
      }
    } else if (bytes.length) {
      const meta = parseJson(bytes);
      if (!meta) return errorOutcome({ status: 400, reason: 'parseError', message: 'Parse Error' }, 60);
      metadata = meta;
    }

    const user = caller.email.toLowerCase();
    const parents = Array.isArray(metadata.parents) ? metadata.parents.map(String) : [];
    if (parents.length > 1) {
      return errorOutcome(
        {
          status: 403,
          reason: 'cannotAddParent',
          message: 'Increasing the number of parents is not allowed.',
        },
        60,
      );
    }
    const parentId = parents[0] ?? drive.rootId;
    if (parentId !== drive.rootId && parentId !== 'root') {
      const folder = drive.folders.get(parentId);
      const canSee = folder && !folder.trashed && (full ? folder.owner === user : visible(user).has(parentId));
      if (!canSee)
        return errorOutcome({ status: 404, reason: 'notFound', message: `File not found: ${parentId}.` }, 60);
    }
    const resolvedParent = parentId === 'root' ? drive.rootId : parentId;
    const mimeType = typeof metadata.mimeType === 'string' ? metadata.mimeType : (media?.contentType ?? '');
    const name = typeof metadata.name === 'string' && metadata.name !== '' ? metadata.name : 'Untitled';
    const id = newId();
    const latencyMs = CREATE_MS + Math.round(((media?.bytes.length ?? 0) / 1_048_576) * PER_MIB_MS);
    let resource: Record<string, unknown>;
    if (mimeType === FOLDER_MIME) {
      if (media) {
        return errorOutcome({ status: 400, reason: 'badRequest', message: 'A folder cannot have content.' }, 60);
      }
      const record: FolderRecord = { id, name, parentId: resolvedParent, trashed: false, owner: user };
      drive.folders.set(id, record);
      resource = {
        kind: 'drive#file',
        id,
        name,
        mimeType: FOLDER_MIME,
        parents: [resolvedParent],
        webViewLink: `https://drive.google.com/drive/folders/${id}`,
      };
    } else {
      const record: FileRecord = {
        id,
        name,
        mimeType: mimeType || 'application/octet-stream',
        bytes: media?.bytes.slice() ?? new Uint8Array(),
        parentId: resolvedParent,
        trashed: false,
        owner: user,
        createdAt: clock.now(),
        sharing: { access: 'PRIVATE', permission: 'EDIT' },
      };
      drive.files.set(id, record);
      resource = {
        kind: 'drive#file',
        id,
        name,
        mimeType: record.mimeType,
        parents: [resolvedParent],
        size: String(record.bytes.length),
        webViewLink: `https://drive.google.com/file/d/${id}/view?usp=drivesdk`,
      };
    }
    visible(user).add(id);
    const fields = (url.searchParams.get('fields') ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const shown = fields.length ? (fields.includes('*') ? Object.keys(resource) : fields) : DEFAULT_FIELDS;
    const out = Object.fromEntries(shown.filter((k) => k in resource).map((k) => [k, resource[k]]));
    return {
      latencyMs,
      methodId: 'drive.files.create',
      response: {
        status: 200,
        headers: { 'content-type': 'application/json; charset=UTF-8' },
        body: JSON.stringify(out),
      },
    };
  }

  return { hosts: ['www.googleapis.com'], handle };
}
