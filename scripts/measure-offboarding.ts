/**
 * Measures a 500-person offboarding on the built bundle: 50 spaces on the Spaces tab, each of 500 people a member of
 * 10 of them (5,000 memberships to remove), one Members row `Space = *, Action = Remove` per person, run with
 * "Apply member changes" in a bound script until no continuation is left, then run again. Prints the virtual minutes
 * of active execution against the quota bound (membership writes at 300 per minute), API calls, 429 answers,
 * executions and wall time including continuation gaps. Usage: npm run build && npx tsx scripts/measure-offboarding.ts
 * [people] [spaces] [spacesPerPerson] [cpuFactor] (defaults 500 50 10 0; cpuFactor 0 = script CPU not billed, so
 * figures do not depend on this machine).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChatEmulator } from '../emulator/chat';
import { VirtualClock } from '../emulator/core/clock';
import { AppsScriptRuntime, type ExecutionResult, type Manifest } from '../emulator/runtime';
import { loadWorkbook } from '../emulator/workbook';

const [PEOPLE, SPACES, PER_PERSON, CPU] = [500, 50, 10, 0].map((d, i) => Number(process.argv[2 + i] ?? d));
const ME = 'admin@example.com';
const DIST = path.join(__dirname, '..', 'dist');

const person = (i: number) => `person${String(i).padStart(4, '0')}@example.com`;
/** Person i is in PER_PERSON consecutive spaces starting at a stride, so every space gets about the same number. */
const spacesOf = (i: number) => Array.from({ length: PER_PERSON }, (_, k) => (i * 7 + k) % SPACES);

async function main(): Promise<void> {
  const clock = new VirtualClock();
  const members = Array.from({ length: SPACES }, () => [] as string[]);
  for (let i = 0; i < PEOPLE; i++) for (const s of spacesOf(i)) members[s].push(person(i));
  const chat = new ChatEmulator({
    clock,
    seed: 1,
    directory: {
      spaces: members.map((m, s) => ({
        displayName: `Team ${s}`,
        members: [{ email: ME, role: 'ROLE_MANAGER' as const }, ...m.map((email) => ({ email }))],
      })),
    },
  });
  const runtime = new AppsScriptRuntime({
    scripts: fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8'),
    manifest: JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as Manifest,
    mode: 'bound',
    clock,
    seed: 1,
    apis: [chat.apiHost],
    advancedServices: [chat.advancedService],
    costs: { cpuFactor: CPU },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offboarding-'));
  const spacesCsv = [
    'Space name,Space ID',
    ...members.map((_, s) => `Team ${s},${chat.findSpaceByDisplayName(`Team ${s}`)?.name}`),
  ];
  const membersCsv = [
    'Space,Member,Role,Action',
    ...Array.from({ length: PEOPLE }, (_, i) => `*,${person(i)},,Remove`),
  ];
  fs.writeFileSync(path.join(dir, 'Spaces.csv'), spacesCsv.join('\n'));
  fs.writeFileSync(path.join(dir, 'Members.csv'), membersCsv.join('\n'));
  runtime.addSpreadsheet(await loadWorkbook(dir, { name: 'Offboarding', timeZone: 'Etc/UTC' }), { active: true });

  const run = (label: string) => {
    const logged = chat.requestLog.length;
    const started = Date.now();
    const first = runtime.execute('applyMembers');
    // The checkpoint the first execution left (job state in user properties), in bytes.
    const checkpoint = Math.max(
      ...Object.values(runtime.properties.snapshot()).map((store) =>
        Object.entries(store).reduce((a, [k, v]) => a + k.length + v.length, 0),
      ),
    );
    const executions: ExecutionResult[] = [first, ...runtime.runUntilIdle().executions];
    const errors = executions.filter((e) => e.error).map((e) => e.error?.message);
    const requests = chat.requestLog.slice(logged);
    const calls: Record<string, number> = {};
    for (const r of requests) calls[r.methodId ?? r.path] = (calls[r.methodId ?? r.path] ?? 0) + 1;
    const deletes = requests.filter((r) => r.methodId === 'chat.spaces.members.delete' && r.status === 200).length;
    const activeMs = executions.reduce((a, e) => a + e.virtualMs, 0);
    const wallMs = executions[executions.length - 1].endedAt - executions[0].startedAt;
    const boundMin = deletes / 300;
    console.log(`\n== ${label} ==`);
    console.log(`memberships removed: ${deletes}; quota bound (membership writes 300/min): ${boundMin.toFixed(2)} min`);
    console.log(
      `active execution: ${(activeMs / 60000).toFixed(2)} min (${boundMin ? ((activeMs / 60000 / boundMin) * 100).toFixed(1) + '% of the bound' : 'no writes'}); executions: ${executions.length}; end to end incl. continuation gaps: ${(wallMs / 60000).toFixed(2)} min`,
    );
    console.log(`API calls: ${requests.length} ${JSON.stringify(calls)}`);
    console.log(`largest property store after the first execution: ${(checkpoint / 1024).toFixed(1)} KB`);
    console.log(`429 answers: ${requests.filter((r) => r.status === 429).length}; errors: ${JSON.stringify(errors)}`);
    console.log(
      `spreadsheet service calls: ${executions.reduce(
        (a, e) =>
          a +
          Object.entries(e.serviceCalls)
            .filter(([k]) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./.test(k))
            .reduce((x, [, v]) => x + v, 0),
        0,
      )}; real time ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  };
  console.log(
    `${PEOPLE} people, ${SPACES} spaces, each person in ${PER_PERSON} spaces (${PEOPLE * PER_PERSON} memberships), cpuFactor ${CPU}`,
  );
  run('Apply member changes');
  const [header, ...rows] = runtime.readSheet('Members') ?? [];
  const d = header.indexOf('Details');
  console.log(`row 1 Details: ${rows[0][d]}`);
  const left = members.reduce((a, _, s) => a + (chat.findSpaceByDisplayName(`Team ${s}`)?.members.length ?? 0), 0);
  console.log(`members left in the ${SPACES} spaces: ${left} (the runner in each)`);
  run('Re-run');
}

void main();
