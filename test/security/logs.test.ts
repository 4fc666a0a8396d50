/**
 * Nothing private reaches the execution logs (Logger and console, which Apps Script keeps in Cloud Logging for
 * everyone with access to the project): no OAuth token, no list of member emails, no message text. The menu and
 * sidebar workloads run on the built bundle with secret-looking message texts, 55 members and a welcome message;
 * every log line and every error the runtime recorded is searched. The runner's own email may appear (the Log tab
 * shows it too). A control script checks that the runtime does capture what a script logs.
 */
import { issueToken } from '../../emulator/core/auth';
import { buildWorld } from '../../bench/world';
import { manifestScopes, runWorkloads, SECRET_MESSAGE, SECRET_WELCOME } from './workloads';

const report = runWorkloads(manifestScopes());
const lines = report.executions.flatMap((e) => [
  ...e.logs.map((l) => `${e.entryPoint} log: ${l.message}`),
  ...(e.error ? [`${e.entryPoint} error: ${e.error.message} ${e.error.stack ?? ''}`] : []),
]);
const RUNNER = 'admin@example.com';

test('the runtime captures what a script logs (control)', () => {
  const world = buildWorld({
    project: {
      scripts: [
        {
          name: 'Code.gs',
          code: 'function leak() { Logger.log("token %s", ScriptApp.getOAuthToken()); console.log("hi"); }',
        },
      ],
      manifest: { timeZone: 'Etc/UTC', oauthScopes: ['https://www.googleapis.com/auth/script.scriptapp'] },
    },
    tabs: {},
    directory: {},
  });
  const r = world.runtime.run('leak');
  expect(r.logs.map((l) => l.message).join('\n')).toContain(
    issueToken({ email: RUNNER, scopes: ['https://www.googleapis.com/auth/script.scriptapp'] }),
  );
  expect(r.logs.map((l) => l.message)).toContain('hi');
});

test('no OAuth token in the logs', () => {
  const token = issueToken({ email: RUNNER, scopes: manifestScopes() });
  for (const line of lines) {
    expect(line).not.toContain(token);
    expect(line).not.toMatch(/Bearer\s+\S{12,}/);
  }
});

test('no member emails in the logs', () => {
  for (const line of lines) {
    const emails = (line.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []).filter((e) => e.toLowerCase() !== RUNNER);
    expect(emails).toEqual([]);
  }
});

test('no message or welcome text in the logs', () => {
  for (const line of lines) {
    expect(line).not.toContain(SECRET_MESSAGE);
    expect(line).not.toContain('confidential kickoff');
    expect(line).not.toContain(SECRET_WELCOME.slice(0, 20));
  }
});

test('the workloads did run (the checks above looked at real executions)', () => {
  expect(report.broken).toEqual({ menu: [], sidebar: [], tabs: [] });
  expect(report.executions.length).toBeGreaterThan(8);
});
