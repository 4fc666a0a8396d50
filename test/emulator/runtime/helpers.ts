/**
 * Helpers for the runtime tests: a runtime over an inline script with a small manifest, and a scriptable API host
 * (responses, latencies and transport errors per request) that records what it received.
 */
import type { ApiCall, ApiHost, ApiOutcome } from '../../../emulator/core/api';
import { AppsScriptRuntime, type Manifest, type RuntimeOptions } from '../../../emulator/runtime';

const AUTH = 'https://www.googleapis.com/auth/';

/** Scopes of the project's manifest (appsscript.json) that the tests need. */
export const SCOPES = {
  currentOnly: AUTH + 'spreadsheets.currentonly',
  spreadsheets: AUTH + 'spreadsheets',
  driveFile: AUTH + 'drive.file',
  drive: AUTH + 'drive',
  ui: AUTH + 'script.container.ui',
  external: AUTH + 'script.external_request',
  scriptapp: AUTH + 'script.scriptapp',
  email: AUTH + 'userinfo.email',
  locale: AUTH + 'script.locale',
};

/** A manifest like the add-on's (explicit scopes, allowlist, add-on name). */
export function manifest(overrides: Partial<Manifest> = {}): Manifest {
  return {
    timeZone: 'Etc/UTC',
    oauthScopes: [SCOPES.currentOnly, SCOPES.driveFile, SCOPES.ui, SCOPES.external, SCOPES.scriptapp, SCOPES.email],
    urlFetchWhitelist: ['https://api.example.com/'],
    addOns: { common: { name: 'Test add-on' } },
    ...overrides,
  };
}

/** A runtime over `code` with deterministic time (cpuFactor 0) and an active spreadsheet "Book". */
export function makeRuntime(code: string, options: Partial<RuntimeOptions> = {}): AppsScriptRuntime {
  const rt = new AppsScriptRuntime({
    scripts: code,
    manifest: manifest(),
    mode: 'bound',
    ...options,
    costs: { cpuFactor: 0, ...options.costs },
  });
  rt.createSpreadsheet('Book', { active: true });
  return rt;
}

export type Responder = (
  call: ApiCall,
) => Partial<ApiOutcome> & { status?: number; body?: string; headers?: Record<string, string> };

/** An API host answering with `respond` (default 200 `{}` in 100 ms) and recording every call. */
export class FakeHost implements ApiHost {
  readonly calls: ApiCall[] = [];

  constructor(
    readonly hosts: readonly string[] = ['api.example.com'],
    private readonly respond: Responder = () => ({}),
  ) {}

  handle(call: ApiCall): ApiOutcome {
    this.calls.push(call);
    const r = this.respond(call);
    if (r.transportError)
      return { transportError: r.transportError, latencyMs: r.latencyMs ?? 100, methodId: r.methodId };
    return {
      response: r.response ?? {
        status: r.status ?? 200,
        headers: { 'content-type': 'application/json; charset=UTF-8', ...(r.headers ?? {}) },
        body: r.body ?? '{}',
      },
      latencyMs: r.latencyMs ?? 100,
      methodId: r.methodId ?? 'example.get',
    };
  }
}
