/**
 * The live probe kit: probe/compare.ts replays a recording against the emulator and reports differences; until
 * someone records against Google it runs against probe/documented-examples.json (built from the references'
 * documented examples). Also runs probe/Probe.gs itself in a sandbox with Apps Script stand-ins backed by the
 * emulator, and checks its STEPS stay in sync with the documented examples.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { issueToken } from '../../../emulator/core/auth';
import {
  compareRecording,
  compareShape,
  formatReport,
  resolvePlaceholders,
  type ProbeRecording,
} from '../../../probe/compare';
import { harness, TestRuntime, USER_SCOPES } from './harness';

const PROBE_DIR = path.join(__dirname, '..', '..', '..', 'probe');
const documented = JSON.parse(
  fs.readFileSync(path.join(PROBE_DIR, 'documented-examples.json'), 'utf8'),
) as ProbeRecording;

describe('probe kit', () => {
  it('[documented: references] the emulator matches every documented example (no mismatches)', () => {
    const report = compareRecording(documented);
    expect(report.steps).toHaveLength(documented.steps.length);
    expect(report.mismatches).toBe(0);
    expect(formatReport(report)).toMatch(/0 mismatch\(es\)/);
  });

  it('[emulator-only] differences are reported: error codes, reasons, shapes, success vs error', () => {
    const tampered = JSON.parse(JSON.stringify(documented)) as ProbeRecording;
    const dup = tampered.steps.find((s) => s.id === 'create-duplicate-name');
    if (dup?.result && !dup.result.ok) dup.result.error.details = { code: 400, errors: [{ reason: 'badRequest' }] };
    const setup = tampered.steps.find((s) => s.id === 'setup');
    if (setup?.result?.ok) (setup.result.value as Record<string, unknown>).extraField = 'x';
    const del = tampered.steps.find((s) => s.id === 'spaces-delete');
    if (del) del.result = { ok: false, error: { name: 'GoogleJsonResponseException', details: { code: 403 } } };
    const report = compareRecording(tampered);
    const paths = report.steps.flatMap((s) =>
      s.differences.filter((d) => d.severity === 'mismatch').map((d) => `${s.id}:${d.path}`),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'create-duplicate-name:error.details.code',
        'create-duplicate-name:error.details.errors[0].reason',
        'setup:$.extraField',
        'spaces-delete:ok',
      ]),
    );
  });

  it('[emulator-only] shape comparison and placeholders', () => {
    expect(
      compareShape({ a: 1, b: { c: 'JOINED' } }, { a: 2, b: { c: 'INVITED' } }, 'exact', 's').map((d) => d.path),
    ).toEqual(['$.b.c']);
    expect(compareShape({ a: 1 }, { a: 1, b: 2 }, 'subset', 's')[0].severity).toBe('note');
    expect(compareShape({ a: 1 }, { a: 1, b: 2 }, 'exact', 's')[0].severity).toBe('mismatch');
    const results = new Map<string, unknown>([['setup', { name: 'spaces/X' }]]);
    expect(
      resolvePlaceholders(['{{setup.name}}/members/{{$m}}', '{{$run}}', '{{$repeat:x:3}}'], results, 'r1', {
        m: 'a@b.c',
      }),
    ).toEqual(['spaces/X/members/a@b.c', 'r1', 'xxx']);
  });

  it('[emulator-only] Probe.gs STEPS are the documented-examples steps', () => {
    const gs = fs.readFileSync(path.join(PROBE_DIR, 'Probe.gs'), 'utf8');
    const sandbox = vm.createContext({});
    vm.runInContext(gs, sandbox);
    const steps = sandbox.STEPS as Array<Record<string, unknown>>;
    const plain = JSON.parse(JSON.stringify(steps)) as Array<Record<string, unknown>>;
    const strip = ({ result: _r, source: _s, match: _m, ...rest }: Record<string, unknown>) => rest; // drops the recorded-only fields
    expect(plain).toEqual(documented.steps.map((s) => strip(s as unknown as Record<string, unknown>)));
    const manifest = JSON.parse(fs.readFileSync(path.join(PROBE_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Chat', serviceId: 'chat', version: 'v1' },
    ]);
  });

  it('[emulator-only] Probe.gs runs in an Apps Script sandbox and its recording compares cleanly', () => {
    const h = harness();
    const caller = { email: 'admin@example.com', scopes: USER_SCOPES };
    const rt = new TestRuntime(h.emu, h.clock, caller);
    const saved: string[] = [];
    const context = vm.createContext({
      Chat: h.emu.advancedService.create(rt),
      Utilities: { sleep: (ms: number) => h.clock.advance(ms), getUuid: () => '0123abcd-0000-0000-0000-000000000000' },
      Session: { getActiveUser: () => ({ getEmail: () => caller.email }) },
      ScriptApp: { getOAuthToken: () => issueToken(caller) },
      UrlFetchApp: {
        fetch: (
          url: string,
          opts: { method: string; headers: Record<string, string>; payload?: string; contentType?: string },
        ) => {
          const headers: Record<string, string> = { authorization: opts.headers.Authorization };
          if (opts.contentType) headers['content-type'] = opts.contentType;
          const outcome = h.emu.apiHost.handle({
            request: { method: opts.method.toUpperCase(), url, headers, body: opts.payload },
            path: 'urlfetch',
            now: h.clock.now(),
          });
          h.clock.advance(outcome.latencyMs);
          const body = outcome.response?.body ?? '';
          return {
            getResponseCode: () => outcome.response?.status ?? 0,
            getContentText: () => (typeof body === 'string' ? body : Buffer.from(body).toString('utf8')),
          };
        },
      },
      DriveApp: {
        createFile: (_name: string, content: string) => (
          saved.push(content),
          { getUrl: () => 'https://drive.example/file' }
        ),
      },
      Logger: { log: () => undefined },
      JSON,
    });
    vm.runInContext(fs.readFileSync(path.join(PROBE_DIR, 'Probe.gs'), 'utf8'), context);
    context.PROBE_CONFIG = { member1: 'member1@example.com', member2: 'member2@example.com' };
    vm.runInContext('runProbe()', context);
    expect(saved).toHaveLength(1);
    const recording = JSON.parse(saved[0]) as ProbeRecording;
    expect(recording).toMatchObject({
      format: 'chat-probe-recording',
      source: 'live',
      run: 'r0123abcd',
      caller: 'admin@example.com',
    });
    expect(recording.steps.find((s) => s.id === 'create-duplicate-name')?.result).toMatchObject({
      ok: false,
      error: { name: 'GoogleJsonResponseException', details: { code: 409 } },
    });
    const report = compareRecording(recording);
    expect(formatReport(report)).toMatch(/^ok/);
    expect(report.mismatches).toBe(0);
  });
});
