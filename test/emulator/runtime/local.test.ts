/**
 * The local runner as a library (runLocal): loads a CSV workbook as the active spreadsheet, runs an entry point with
 * the Chat emulator wired in, fires triggers until idle, and writes the workbook, report.json, chat-state.json and
 * result.json.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLocal } from '../../../emulator/cli/localLib';
import { parseArgs } from '../../../emulator/cli/local';

function project(code: string, manifestJson: object): { dir: string; workbook: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-'));
  fs.mkdirSync(path.join(dir, 'script'));
  fs.writeFileSync(path.join(dir, 'script', 'Code.js'), code);
  fs.writeFileSync(path.join(dir, 'script', 'appsscript.json'), JSON.stringify(manifestJson));
  const workbook = path.join(dir, 'wb');
  fs.mkdirSync(workbook);
  fs.writeFileSync(path.join(workbook, 'Spaces.csv'), 'Space name,Status\r\nTeam A,\r\n');
  return { dir, workbook };
}

const manifestJson = {
  timeZone: 'Etc/UTC',
  dependencies: { enabledAdvancedServices: [{ serviceId: 'chat', userSymbol: 'Chat', version: 'v1' }] },
  oauthScopes: [
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.external_request',
    'https://www.googleapis.com/auth/script.scriptapp',
    'https://www.googleapis.com/auth/chat.spaces',
  ],
};

const code = `
  function apply() {
    var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Spaces');
    var space = Chat.Spaces.create({ displayName: sh.getRange('A2').getValue(), spaceType: 'SPACE' });
    sh.getRange('B2').setValue('Created ' + space.name);
    ScriptApp.newTrigger('later').timeBased().after(60000).create();
    return { name: space.name };
  }
  function later() { console.log('continued'); }
  function broken() { throw new Error('nope'); }`;

describe('runLocal', () => {
  test('runs against the workbook and the Chat emulator, continues with triggers, writes the outputs', async () => {
    const { dir, workbook } = project(code, manifestJson);
    const out = path.join(dir, 'out');
    const r = await runLocal({ entryPoint: 'apply', workbook, script: path.join(dir, 'script'), out, untilIdle: true });
    expect(r.exitCode).toBe(0);
    expect(r.executions.map((e) => e.entryPoint)).toEqual(['apply', 'later']);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as Record<string, unknown>;
    expect(report).toMatchObject({ executions: 2, apiCalls: { 'chat.spaces.create': 1 }, errors: [] });
    expect((report.spreadsheetCalls as Record<string, number>)['Range.setValue']).toBe(1);
    expect((report.logs as { message: string }[]).map((l) => l.message)).toEqual(['continued']);
    const csv = fs.readFileSync(path.join(out, 'workbook', 'Spaces.csv'), 'utf8');
    expect(csv).toMatch(/^Space name,Status\r\nTeam A,Created spaces\/\S+\r\n$/);
    const result = JSON.parse(fs.readFileSync(path.join(out, 'result.json'), 'utf8')) as { returned: { name: string } };
    expect(result.returned.name).toMatch(/^spaces\//);
    expect(fs.existsSync(path.join(out, 'chat-state.json'))).toBe(true);
  });

  test('exit code 1 and the error in result.json when the entry point throws', async () => {
    const { dir, workbook } = project(code, manifestJson);
    const out = path.join(dir, 'out');
    const r = await runLocal({ entryPoint: 'broken', workbook, script: path.join(dir, 'script'), out });
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'result.json'), 'utf8'))).toMatchObject({
      error: { message: 'nope' },
    });
  });

  test('command line parsing', () => {
    expect(
      parseArgs([
        'apply',
        '--workbook',
        'wb',
        '--until-idle',
        '--mode',
        'workspace-addon',
        '--event',
        '{"kind":"homepage"}',
      ]),
    ).toEqual({
      entryPoint: 'apply',
      workbook: 'wb',
      untilIdle: true,
      mode: 'workspace-addon',
      event: { kind: 'homepage' },
    });
    expect(() => parseArgs(['a', '--mode', 'web'])).toThrow(/unknown mode web/);
    expect(() => parseArgs([])).toThrow(/usage/);
  });
});
