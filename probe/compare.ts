/**
 * Replays a probe recording against the Chat emulator and reports differences in shape and error fields:
 * `npx tsx probe/compare.ts <recording.json> [--json]`. A recording is what probe/Probe.gs writes after running its
 * steps against real Google (or probe/documented-examples.json, built from Google's documented examples until
 * someone records): each step names a facade call (`chat.spaces.setup` with Apps Script arguments) or a raw REST
 * request, with `{{step.path}}` placeholders that refer to earlier results. The emulator gets the same calls through
 * its advanced-service facade (or REST host), and each result is compared with the recorded one: success vs error,
 * error `name`, `details.code`, `details.errors[0].reason` (mismatches), message text (notes only: messages are not
 * contract), and response shape — key paths, JSON types and enum-like values (`exact` or `subset` matching).
 */
import * as fs from 'node:fs';
import type { AdvancedServiceRuntime, ApiOutcome, Caller, HttpRequest } from '../emulator/core/api';
import { issueToken } from '../emulator/core/auth';
import { VirtualClock } from '../emulator/core/clock';
import { ChatEmulator, type DirectoryInput } from '../emulator/chat/index';

/** A recorded error, as Probe.gs captures it (`e.name`, `e.message`, `e.details`). */
export interface RecordedError {
  name?: string;
  message?: string;
  details?: { code?: number; message?: string; errors?: Array<{ reason?: string; domain?: string; message?: string }> };
  /** REST steps: the HTTP status and JSON body. */
  status?: number;
  body?: unknown;
}

/** One recorded step. */
export interface ProbeStep {
  id: string;
  /** `chat.<resource>.<method>` for a facade call, or `rest`. */
  call: string;
  /** Facade arguments (Apps Script order), with `{{step.path}}` placeholders. */
  args?: unknown[];
  /** REST request (path relative to https://chat.googleapis.com). */
  rest?: { method: string; path: string; body?: unknown };
  /** Run the call as this user (default: the recording's caller). */
  as?: string;
  /** `exact` (default for live): both sides must have the same keys; `subset`: the recorded keys must be present. */
  match?: 'exact' | 'subset';
  /** The result's `path` must equal an earlier step's value at `path` (e.g. a requestId replay returns the same name). */
  sameAs?: { step: string; path: string };
  /** Where the expected result comes from (documented examples cite their source). */
  source?: string;
  note?: string;
  result?: { ok: true; value?: unknown; status?: number } | { ok: false; error: RecordedError };
}

/** A recording. */
export interface ProbeRecording {
  format: 'chat-probe-recording';
  version: 1;
  /** `live` (Probe.gs against Google) or `documented` (documented-examples.json). */
  source: 'live' | 'documented';
  recordedAt?: string;
  /** A unique suffix used in display names (`{{$run}}`). */
  run: string;
  caller: string;
  /** Scopes the probe ran with (the manifest's oauthScopes). */
  scopes?: string[];
  /** Values for `{{$name}}` placeholders (member emails the probe was configured with). */
  params?: Record<string, string>;
  /** Directory the emulator should use to replay (defaults from the caller's domain). */
  directory?: DirectoryInput;
  steps: ProbeStep[];
}

/** One difference. */
export interface Difference {
  step: string;
  severity: 'mismatch' | 'note';
  path: string;
  recorded: unknown;
  emulator: unknown;
}

/** The comparison of one step. */
export interface StepReport {
  id: string;
  call: string;
  recordedOk: boolean | undefined;
  emulatorOk: boolean;
  differences: Difference[];
}

const DEFAULT_SCOPES = [
  'chat.spaces',
  'chat.spaces.create',
  'chat.memberships',
  'chat.memberships.app',
  'chat.messages',
  'chat.messages.create',
  'chat.messages.reactions',
  'chat.delete',
  'chat.users.readstate',
  'chat.users.spacesettings',
  'chat.customemojis',
].map((s) => `https://www.googleapis.com/auth/${s}`);

/**
 * Resolves placeholders: `{{step.path.to.value}}` (an earlier step's result), `{{$run}}`, `{{$param}}` (recording
 * params) and `{{$repeat:x:4097}}` (a long string). A string that is one placeholder keeps the value's type.
 */
export function resolvePlaceholders(
  value: unknown,
  results: Map<string, unknown>,
  run: string,
  params: Record<string, string> = {},
): unknown {
  if (typeof value === 'string') {
    const whole = /^\{\{([^}]+)\}\}$/.exec(value);
    const lookup = (expr: string): unknown => {
      if (expr === '$run') return run;
      const repeat = /^\$repeat:(.):(\d+)$/u.exec(expr);
      if (repeat) return repeat[1].repeat(Number(repeat[2]));
      if (expr.startsWith('$')) return params[expr.slice(1)];
      const [stepId, ...pathParts] = expr.split('.');
      let cur: unknown = results.get(stepId);
      for (const p of pathParts) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
      return cur;
    };
    if (whole) return lookup(whole[1]);
    return value.replace(/\{\{([^}]+)\}\}/g, (_, expr: string) => String(lookup(expr)));
  }
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(v, results, run, params));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        resolvePlaceholders(v, results, run, params),
      ]),
    );
  }
  return value;
}

function jsonType(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

/** Compares two JSON values by shape (keys, types, enum-like strings). */
export function compareShape(
  recorded: unknown,
  emulator: unknown,
  mode: 'exact' | 'subset',
  step: string,
  path = '$',
): Difference[] {
  const out: Difference[] = [];
  if (jsonType(recorded) !== jsonType(emulator)) {
    out.push({ step, severity: 'mismatch', path, recorded: jsonType(recorded), emulator: jsonType(emulator) });
    return out;
  }
  if (Array.isArray(recorded) && Array.isArray(emulator)) {
    if (recorded.length > 0 && emulator.length > 0)
      out.push(...compareShape(recorded[0], emulator[0], mode, step, `${path}[0]`));
    else if (recorded.length > 0 !== emulator.length > 0) {
      out.push({
        step,
        severity: 'mismatch',
        path: `${path}.length`,
        recorded: recorded.length,
        emulator: emulator.length,
      });
    }
    return out;
  }
  if (recorded && typeof recorded === 'object') {
    const r = recorded as Record<string, unknown>;
    const e = emulator as Record<string, unknown>;
    for (const key of Object.keys(r)) {
      if (!(key in e))
        out.push({ step, severity: 'mismatch', path: `${path}.${key}`, recorded: 'present', emulator: 'missing' });
      else out.push(...compareShape(r[key], e[key], mode, step, `${path}.${key}`));
    }
    for (const key of Object.keys(e)) {
      if (!(key in r))
        out.push({
          step,
          severity: mode === 'exact' ? 'mismatch' : 'note',
          path: `${path}.${key}`,
          recorded: 'missing',
          emulator: 'present',
        });
    }
    return out;
  }
  if (typeof recorded === 'string' && /^[A-Z][A-Z0-9_]+$/.test(recorded) && recorded !== emulator) {
    out.push({ step, severity: 'mismatch', path, recorded, emulator });
  }
  return out;
}

/** A minimal in-process runtime for replaying facade calls. */
class ReplayRuntime implements AdvancedServiceRuntime {
  constructor(
    private readonly emulator: ChatEmulator,
    private readonly clock: VirtualClock,
    public caller: Caller,
  ) {}
  send(request: HttpRequest): ApiOutcome {
    const outcome = this.emulator.apiHost.handle({
      request,
      path: 'advanced-service',
      caller: this.caller,
      now: this.clock.now(),
    });
    this.clock.advance(outcome.latencyMs);
    return outcome;
  }
  makeError(message: string, props?: Record<string, unknown>): Error {
    return Object.assign(new Error(message), props ?? {});
  }
  readBlob(value: unknown): { bytes: Uint8Array; contentType: string; name: string } | undefined {
    const v = value as { bytesBase64?: string; contentType?: string; name?: string } | undefined;
    return v?.bytesBase64 !== undefined
      ? {
          bytes: new Uint8Array(Buffer.from(v.bytesBase64, 'base64')),
          contentType: v.contentType ?? 'application/octet-stream',
          name: v.name ?? 'file',
        }
      : undefined;
  }
  toScript<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
  }
}

type Outcome = { ok: true; value: unknown; status?: number } | { ok: false; error: RecordedError };

/** Replays a recording against a fresh emulator and compares each step. */
export function compareRecording(
  recording: ProbeRecording,
  options: { seed?: number } = {},
): { steps: StepReport[]; mismatches: number; notes: number } {
  if (recording.format !== 'chat-probe-recording') throw new Error('Not a chat probe recording');
  const clock = new VirtualClock();
  const domain = recording.caller.split('@')[1] ?? 'example.com';
  const emulator = new ChatEmulator({
    clock,
    seed: options.seed ?? 1,
    directory: { domain, defaultCaller: recording.caller, ...(recording.directory ?? {}) },
  });
  const scopes = recording.scopes ?? DEFAULT_SCOPES;
  const results = new Map<string, unknown>();
  const reports: StepReport[] = [];
  for (const step of recording.steps) {
    clock.advance(1100); // Probe.gs sleeps between steps (per-space 1 write/s)
    const caller = {
      email:
        (resolvePlaceholders(step.as, results, recording.run, recording.params) as string | undefined) ??
        recording.caller,
      scopes,
    };
    const outcome = runStep(emulator, clock, caller, step, results, recording.run, recording.params ?? {});
    const differences: Difference[] = [];
    if (step.sameAs && outcome.ok) {
      const pick = (v: unknown): unknown =>
        step.sameAs?.path
          .split('.')
          .reduce<unknown>(
            (cur, k) => (cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined),
            v,
          );
      const expected = pick(results.get(step.sameAs.step));
      if (pick(outcome.value) !== expected) {
        differences.push({
          step: step.id,
          severity: 'mismatch',
          path: `sameAs ${step.sameAs.step}.${step.sameAs.path}`,
          recorded: expected,
          emulator: pick(outcome.value),
        });
      }
    }
    if (outcome.ok) results.set(step.id, outcome.value);
    const recorded = step.result;
    if (recorded) {
      if (recorded.ok !== outcome.ok) {
        differences.push({
          step: step.id,
          severity: 'mismatch',
          path: 'ok',
          recorded: recorded.ok ? 'success' : describe(recorded),
          emulator: outcome.ok ? 'success' : describe(outcome),
        });
      } else if (recorded.ok && outcome.ok) {
        if (recorded.status !== undefined && outcome.status !== undefined && recorded.status !== outcome.status) {
          differences.push({
            step: step.id,
            severity: 'mismatch',
            path: 'status',
            recorded: recorded.status,
            emulator: outcome.status,
          });
        }
        if (recorded.value !== undefined) {
          differences.push(
            ...compareShape(
              recorded.value,
              outcome.value,
              step.match ?? (recording.source === 'live' ? 'exact' : 'subset'),
              step.id,
            ),
          );
        }
      } else if (!recorded.ok && !outcome.ok) {
        differences.push(...compareErrors(step.id, recorded.error, outcome.error));
      }
    }
    reports.push({ id: step.id, call: step.call, recordedOk: recorded?.ok, emulatorOk: outcome.ok, differences });
  }
  const all = reports.flatMap((r) => r.differences);
  return {
    steps: reports,
    mismatches: all.filter((d) => d.severity === 'mismatch').length,
    notes: all.filter((d) => d.severity === 'note').length,
  };
}

function describe(o: { ok: false; error: RecordedError }): string {
  return `${o.error.details?.code ?? o.error.status ?? '?'} ${o.error.details?.errors?.[0]?.reason ?? ''}`.trim();
}

function compareErrors(step: string, recorded: RecordedError, emulator: RecordedError): Difference[] {
  const out: Difference[] = [];
  const check = (path: string, r: unknown, e: unknown, severity: 'mismatch' | 'note' = 'mismatch'): void => {
    if (r !== undefined && r !== e) out.push({ step, severity, path, recorded: r, emulator: e });
  };
  check('error.name', recorded.name, emulator.name);
  check('error.details.code', recorded.details?.code, emulator.details?.code);
  check('error.details.errors[0].reason', recorded.details?.errors?.[0]?.reason, emulator.details?.errors?.[0]?.reason);
  check('error.status', recorded.status, emulator.status);
  const rStatus = (recorded.body as { error?: { status?: string } } | undefined)?.error?.status;
  const eStatus = (emulator.body as { error?: { status?: string } } | undefined)?.error?.status;
  check('error.body.error.status', rStatus, eStatus);
  check('error.message', recorded.message, emulator.message, 'note');
  check('error.details.message', recorded.details?.message, emulator.details?.message, 'note');
  return out;
}

function runStep(
  emulator: ChatEmulator,
  clock: VirtualClock,
  caller: Caller,
  step: ProbeStep,
  results: Map<string, unknown>,
  run: string,
  params: Record<string, string>,
): Outcome {
  if (step.call === 'rest') {
    const rest = resolvePlaceholders(step.rest, results, run, params) as NonNullable<ProbeStep['rest']>;
    const headers: Record<string, string> = { authorization: `Bearer ${issueToken(caller)}` };
    if (rest.body !== undefined) headers['content-type'] = 'application/json';
    const outcome = emulator.apiHost.handle({
      request: {
        method: rest.method,
        url: `https://chat.googleapis.com${rest.path}`,
        headers,
        body: rest.body === undefined ? undefined : JSON.stringify(rest.body),
      },
      path: 'urlfetch',
      now: clock.now(),
    });
    clock.advance(outcome.latencyMs);
    const status = outcome.response?.status ?? 0;
    const text = outcome.response
      ? typeof outcome.response.body === 'string'
        ? outcome.response.body
        : Buffer.from(outcome.response.body).toString('utf8')
      : '';
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // non-JSON bodies (media, HTML 404) stay text
    }
    return status < 400 ? { ok: true, value: body, status } : { ok: false, error: { status, body } };
  }
  const rt = new ReplayRuntime(emulator, clock, caller);
  const chat = emulator.advancedService.create(rt) as Record<string, unknown>;
  const parts = step.call.split('.').slice(1);
  let node: unknown = chat;
  for (const p of parts.slice(0, -1)) node = (node as Record<string, unknown>)[p.charAt(0).toUpperCase() + p.slice(1)];
  const name = parts[parts.length - 1] === 'delete' ? 'remove' : parts[parts.length - 1];
  const fn = (node as Record<string, unknown> | undefined)?.[name];
  if (typeof fn !== 'function')
    return { ok: false, error: { name: 'TypeError', message: `Chat facade has no ${step.call}` } };
  try {
    const args = resolvePlaceholders(step.args ?? [], results, run, params) as unknown[];
    return { ok: true, value: (fn as (...a: unknown[]) => unknown)(...args) };
  } catch (e) {
    const err = e as Error & { details?: RecordedError['details'] };
    return { ok: false, error: { name: err.name, message: err.message, details: err.details } };
  }
}

/** Formats a report for the console. */
export function formatReport(report: ReturnType<typeof compareRecording>): string {
  const lines: string[] = [];
  for (const s of report.steps) {
    const mark = s.differences.some((d) => d.severity === 'mismatch') ? 'DIFF' : 'ok  ';
    lines.push(`${mark} ${s.id} (${s.call}) recorded=${s.recordedOk ?? 'n/a'} emulator=${s.emulatorOk}`);
    for (const d of s.differences)
      lines.push(
        `     ${d.severity === 'mismatch' ? '✗' : '·'} ${d.path}: recorded ${JSON.stringify(d.recorded)} / emulator ${JSON.stringify(d.emulator)}`,
      );
  }
  lines.push(`${report.mismatches} mismatch(es), ${report.notes} note(s)`);
  return lines.join('\n');
}

if (require.main === module) {
  const [file, flag] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('Usage: npx tsx probe/compare.ts <recording.json> [--json]\n');
    process.exit(2);
  }
  const recording = JSON.parse(fs.readFileSync(file, 'utf8')) as ProbeRecording;
  const report = compareRecording(recording);
  process.stdout.write(flag === '--json' ? JSON.stringify(report, null, 2) + '\n' : formatReport(report) + '\n');
  process.exit(report.mismatches > 0 ? 1 : 0);
}
