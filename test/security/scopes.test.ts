/**
 * Least privilege, checked by running the add-on: the emulator enforces the manifest's oauthScopes (Apps Script
 * services and the Chat API's per-method scopes), so the main workloads (test/security/workloads.ts) are run with
 * the manifest's scopes, where everything must work and no call may be refused for a missing scope, and once with
 * each scope removed, where some workload must break. A scope whose removal breaks nothing is not needed — except
 * the ones listed in RESERVED, kept for a feature whose code is not in this build yet (the test fails when such a
 * scope becomes needed, or when another scope turns out to be unneeded).
 */
import { manifestScopes, runWorkloads } from './workloads';

const AUTH = 'https://www.googleapis.com/auth/';

/** Scopes kept in the manifest for features not in this build, with the reason. */
const RESERVED: Record<string, string> = {};

const SCOPES = manifestScopes();

test('with the manifest scopes every workload works and no call is refused for a missing scope', () => {
  const report = runWorkloads(SCOPES);
  expect(report.broken).toEqual({ menu: [], sidebar: [], tabs: [] });
  expect(report.scopeFailures).toEqual([]);
});

describe('each scope is needed', () => {
  test.each(SCOPES.map((s) => [s.replace(AUTH, ''), s] as const))('without %s', (_short, scope) => {
    const report = runWorkloads(SCOPES.filter((s) => s !== scope));
    const broken = Object.values(report.broken).flat();
    if (RESERVED[scope]) {
      expect(broken).toEqual([]);
    } else {
      expect(broken.length).toBeGreaterThan(0);
    }
  });
});
