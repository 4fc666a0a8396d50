/**
 * Loads Google's Chat API v1 discovery document (emulator/data/chat-v1-discovery.json, revision 20250417) and turns
 * it into the method table everything else is driven by: the router matches requests against its path templates, the
 * validator checks parameters and bodies against its schemas, the scope check reads its `scopes`, the facade is
 * generated from its resources, and the coverage ledger lists its methods. Nothing here is hand-written per method.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A parameter as the discovery document describes it. */
export interface DiscoveryParameter {
  type: string;
  location: 'path' | 'query';
  description?: string;
  pattern?: string;
  required?: boolean;
  enum?: string[];
  format?: string;
  repeated?: boolean;
  deprecated?: boolean;
  default?: string;
}

/** A JSON schema fragment as the discovery document describes it. */
export interface DiscoverySchema {
  id?: string;
  type?: string;
  $ref?: string;
  description?: string;
  properties?: Record<string, DiscoverySchema>;
  items?: DiscoverySchema;
  additionalProperties?: DiscoverySchema;
  enum?: string[];
  format?: string;
  readOnly?: boolean;
  deprecated?: boolean;
}

interface RawMethod {
  id: string;
  httpMethod: string;
  path: string;
  flatPath?: string;
  description?: string;
  parameterOrder?: string[];
  parameters?: Record<string, DiscoveryParameter>;
  request?: { $ref: string };
  response?: { $ref: string };
  scopes?: string[];
  supportsMediaUpload?: boolean;
  supportsMediaDownload?: boolean;
  useMediaDownloadService?: boolean;
  mediaUpload?: { accept?: string[]; maxSize?: string; protocols?: { simple?: { path: string } } };
}

interface RawResource {
  methods?: Record<string, RawMethod>;
  resources?: Record<string, RawResource>;
}

/** The parts of the discovery document the emulator uses. */
export interface DiscoveryDocument {
  id: string;
  name: string;
  version: string;
  revision: string;
  rootUrl: string;
  parameters: Record<string, DiscoveryParameter>;
  schemas: Record<string, DiscoverySchema>;
  resources: Record<string, RawResource>;
  auth: { oauth2: { scopes: Record<string, { description: string }> } };
}

/** One API method, with its routing information compiled. */
export interface MethodInfo {
  /** Discovery id, e.g. `chat.spaces.members.create`. */
  id: string;
  /** Resource path, e.g. `['spaces', 'members']`. */
  resourcePath: string[];
  /** Method name within its resource, e.g. `create`. */
  name: string;
  httpMethod: string;
  /** Path template relative to the root URL, e.g. `v1/{+parent}/members`. */
  path: string;
  flatPath?: string;
  description: string;
  parameterOrder: string[];
  parameters: Record<string, DiscoveryParameter>;
  /** Request body schema name, if the method takes a body. */
  request?: string;
  /** Response schema name. */
  response?: string;
  /** Full scope URLs. */
  scopes: string[];
  /** Upload path template (`upload/v1/{+parent}/attachments:upload`) for media upload methods. */
  uploadPath?: string;
  maxUploadBytes?: number;
  supportsMediaDownload: boolean;
  /** Compiled matcher for the path (`/v1/...`), capturing path parameters in `pathParams` order. */
  pathRegex: RegExp;
  /** Compiled matcher for the upload path (`/upload/v1/...`). */
  uploadRegex?: RegExp;
  pathParams: string[];
  /** Number of literal characters in the template: more specific templates are matched first. */
  specificity: number;
}

const DISCOVERY_FILE = path.join(__dirname, '..', 'data', 'chat-v1-discovery.json');

let cached: DiscoveryDocument | undefined;

/** The discovery document, read once from emulator/data. */
export function loadDiscovery(): DiscoveryDocument {
  if (!cached) cached = JSON.parse(fs.readFileSync(DISCOVERY_FILE, 'utf8')) as DiscoveryDocument;
  return cached;
}

/** Escapes a literal for use in a RegExp. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a discovery path template into a regex over the URL path (which starts with `/`). `{+name}` expands to
 * the parameter's `pattern` (anchors stripped) and may contain `/`; `{name}` matches one segment.
 */
export function compileTemplate(
  template: string,
  parameters: Record<string, DiscoveryParameter>,
): { regex: RegExp; names: string[]; specificity: number } {
  const names: string[] = [];
  let source = '^/';
  let specificity = 0;
  let rest = template;
  const token = /\{(\+?)([A-Za-z0-9_.]+)\}/;
  for (;;) {
    const m = token.exec(rest);
    if (!m) {
      source += escapeRegex(rest);
      specificity += rest.length;
      break;
    }
    const literal = rest.slice(0, m.index);
    source += escapeRegex(literal);
    specificity += literal.length;
    const name = m[2];
    names.push(name);
    const pattern = parameters[name]?.pattern;
    if (m[1] === '+' && pattern) {
      const inner = pattern.replace(/^\^/, '').replace(/\$$/, '');
      source += `(${inner})`;
      specificity += inner.replace(/\[\^\/\]\+|\.\*/g, '').length;
    } else if (m[1] === '+') {
      source += '(.+)';
    } else {
      source += '([^/]+)';
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return { regex: new RegExp(source + '$'), names, specificity };
}

/** The method table: every method of the discovery document, in document order. */
export function listMethods(doc: DiscoveryDocument = loadDiscovery()): MethodInfo[] {
  const out: MethodInfo[] = [];
  const walk = (resources: Record<string, RawResource>, trail: string[]): void => {
    for (const [resourceName, resource] of Object.entries(resources)) {
      const resourcePath = [...trail, resourceName];
      for (const [name, raw] of Object.entries(resource.methods ?? {})) {
        const parameters = raw.parameters ?? {};
        const compiled = compileTemplate(raw.path, parameters);
        const uploadPath = raw.mediaUpload?.protocols?.simple?.path?.replace(/^\//, '');
        const upload = uploadPath ? compileTemplate(uploadPath, parameters) : undefined;
        out.push({
          id: raw.id,
          resourcePath,
          name,
          httpMethod: raw.httpMethod,
          path: raw.path,
          flatPath: raw.flatPath,
          description: raw.description ?? '',
          parameterOrder: raw.parameterOrder ?? [],
          parameters,
          request: raw.request?.$ref,
          response: raw.response?.$ref,
          scopes: raw.scopes ?? [],
          uploadPath,
          maxUploadBytes: raw.mediaUpload?.maxSize ? Number(raw.mediaUpload.maxSize) : undefined,
          supportsMediaDownload: raw.supportsMediaDownload === true,
          pathRegex: compiled.regex,
          uploadRegex: upload?.regex,
          pathParams: compiled.names,
          specificity: compiled.specificity,
        });
      }
      if (resource.resources) walk(resource.resources, resourcePath);
    }
  };
  walk(doc.resources, []);
  return out;
}

/** All OAuth scopes the document declares (what a `Bearer user:<email>` token is granted). */
export function allScopes(doc: DiscoveryDocument = loadDiscovery()): string[] {
  return Object.keys(doc.auth.oauth2.scopes);
}

/** Full scope URL for a short name (`chat.spaces` → `https://www.googleapis.com/auth/chat.spaces`). */
export function scopeUrl(short: string): string {
  return short.startsWith('https://') ? short : `https://www.googleapis.com/auth/${short}`;
}

/** Short scope name for a full URL. */
export function shortScope(url: string): string {
  return url.replace('https://www.googleapis.com/auth/', '');
}

/**
 * The schemas with the later additions the emulator accepts when `schemaExtensions` is on (C1): Membership.role gains
 * `ROLE_ASSISTANT_MANAGER` and PermissionSetting gains `assistantManagersAllowed` (google-cloud-go chat v0.16.0,
 * 2025-11-06: "add ROLE_ASSISTANT_MANAGER to the MembershipRole enum ... and assistant_managers_allowed to the
 * PermissionSetting").
 */
export function schemasWithExtensions(doc: DiscoveryDocument, extensions: boolean): Record<string, DiscoverySchema> {
  if (!extensions) return doc.schemas;
  const schemas: Record<string, DiscoverySchema> = JSON.parse(JSON.stringify(doc.schemas));
  const role = schemas.Membership?.properties?.role;
  if (role?.enum && !role.enum.includes('ROLE_ASSISTANT_MANAGER')) role.enum.push('ROLE_ASSISTANT_MANAGER');
  const setting = schemas.PermissionSetting?.properties;
  if (setting && !setting.assistantManagersAllowed) {
    setting.assistantManagersAllowed = {
      type: 'boolean',
      description: 'Optional. Whether space managers (ROLE_ASSISTANT_MANAGER) have this permission.',
    };
  }
  return schemas;
}
