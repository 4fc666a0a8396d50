/**
 * The coverage ledger and the fidelity bookkeeping: emulator/COVERAGE.md must match what scripts/gen-coverage.ts
 * generates; every discovery method has a handler and a rules row; every known difference is referenced by a test
 * and every cited one exists; every test carries exactly one evidence label; and a spec-driven probe (one request per
 * discovery method, LocalStack's capture_notimplemented_responses) finds no method answering 501 or Google's 404 page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COVERAGE_FILE, generateCoverage, testSources, testTitles } from '../../../scripts/gen-coverage';
import { fillTemplate } from '../../../emulator/chat/facade';
import { HANDLERS } from '../../../emulator/chat/methods/index';
import { METHOD_RULES } from '../../../emulator/chat/rules';
import { harness } from './harness';

const KD_FILE = path.join(__dirname, '..', '..', '..', 'emulator', 'KNOWN-DIFFERENCES.md');

describe('coverage ledger', () => {
  it('[emulator-only] emulator/COVERAGE.md is up to date (run `npx tsx scripts/gen-coverage.ts`)', () => {
    expect(fs.readFileSync(COVERAGE_FILE, 'utf8')).toBe(generateCoverage());
  });

  it('[emulator-only] every discovery method has a handler and a rules row, and nothing else does', () => {
    const h = harness();
    const ids = h.emu.methods.map((m) => m.id).sort();
    expect(Object.keys(HANDLERS).sort()).toEqual(ids);
    expect(Object.keys(METHOD_RULES).sort()).toEqual(ids);
  });

  it('[emulator-only] known differences: every number is referenced by a test, and every cited number exists', () => {
    const md = fs.readFileSync(KD_FILE, 'utf8');
    const defined = new Set([...md.matchAll(/^\| (C\d+) \|/gm)].map((m) => m[1]));
    expect(defined.size).toBeGreaterThan(0);
    const tests = testSources()
      .map((s) => s.text)
      .join('\n');
    const referencedByTests = new Set([...tests.matchAll(/\bC([1-9]\d?)\b/g)].map((m) => `C${m[1]}`));
    for (const id of defined) expect({ id, referenced: referencedByTests.has(id) }).toEqual({ id, referenced: true });
    const code = fs
      .readdirSync(path.join(__dirname, '..', '..', '..', 'emulator', 'chat'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(__dirname, '..', '..', '..', 'emulator', 'chat', f), 'utf8'))
      .join('\n');
    const cited = new Set([...`${code}\n${tests}`.matchAll(/\bC([1-9]\d?)\b/g)].map((m) => `C${m[1]}`));
    for (const id of cited) expect({ id, defined: defined.has(id) }).toEqual({ id, defined: true });
  });

  it('[emulator-only] every test carries exactly one evidence label', () => {
    for (const { file, text } of testSources()) {
      for (const title of testTitles(text)) {
        const labels =
          title.match(/\[(documented: [^\]]+|observed: [^\]]+|emulator-only|live-validated\([^)]*\))\]/g) ?? [];
        expect({ file, title, labels: labels.length >= 1 }).toEqual({ file, title, labels: true });
      }
    }
  });

  it('[documented: emulator-anchors A3] a spec-driven probe finds every discovery method implemented (no 501, no 404 page)', () => {
    const h = harness({ behaviour: { enforceQuotas: false } });
    const sample: Record<string, string> = {
      name: 'spaces/AAAAprobe01',
      parent: 'spaces/AAAAprobe01',
      resourceName: 'cHJvYmU',
    };
    const values: Record<string, Record<string, string>> = {
      'chat.customEmojis.delete': { name: 'customEmojis/probe' },
      'chat.customEmojis.get': { name: 'customEmojis/probe' },
      'chat.spaces.members.get': { name: 'spaces/AAAAprobe01/members/probe' },
      'chat.spaces.members.delete': { name: 'spaces/AAAAprobe01/members/probe' },
      'chat.spaces.members.patch': { name: 'spaces/AAAAprobe01/members/probe' },
      'chat.spaces.messages.get': { name: 'spaces/AAAAprobe01/messages/probe' },
      'chat.spaces.messages.delete': { name: 'spaces/AAAAprobe01/messages/probe' },
      'chat.spaces.messages.patch': { name: 'spaces/AAAAprobe01/messages/probe' },
      'chat.spaces.messages.update': { name: 'spaces/AAAAprobe01/messages/probe' },
      'chat.spaces.messages.attachments.get': { name: 'spaces/AAAAprobe01/messages/probe/attachments/probe' },
      'chat.spaces.messages.reactions.create': { parent: 'spaces/AAAAprobe01/messages/probe' },
      'chat.spaces.messages.reactions.list': { parent: 'spaces/AAAAprobe01/messages/probe' },
      'chat.spaces.messages.reactions.delete': { name: 'spaces/AAAAprobe01/messages/probe/reactions/probe' },
      'chat.spaces.spaceEvents.get': { name: 'spaces/AAAAprobe01/spaceEvents/probe' },
      'chat.users.spaces.getSpaceReadState': { name: 'users/me/spaces/AAAAprobe01/spaceReadState' },
      'chat.users.spaces.updateSpaceReadState': { name: 'users/me/spaces/AAAAprobe01/spaceReadState' },
      'chat.users.spaces.spaceNotificationSetting.get': {
        name: 'users/me/spaces/AAAAprobe01/spaceNotificationSetting',
      },
      'chat.users.spaces.spaceNotificationSetting.patch': {
        name: 'users/me/spaces/AAAAprobe01/spaceNotificationSetting',
      },
      'chat.users.spaces.threads.getThreadReadState': { name: 'users/me/spaces/AAAAprobe01/threads/t/threadReadState' },
    };
    const adminScope = [
      'https://www.googleapis.com/auth/chat.admin.spaces',
      'https://www.googleapis.com/auth/chat.import',
      'https://www.googleapis.com/auth/chat.bot',
    ];
    const results: Record<string, number> = {};
    for (const m of h.emu.methods) {
      const params = { ...sample, ...(values[m.id] ?? {}) };
      const query = m.id === 'chat.spaces.search' ? '?useAdminAccess=true' : '';
      const res = h.rest(m.httpMethod, `/${fillTemplate(m.path, params)}${query}`, {
        body: m.request ? {} : undefined,
        scopes: m.id === 'chat.spaces.search' || m.id === 'chat.spaces.completeImport' ? adminScope : undefined,
      });
      expect(res.outcome.methodId).toBe(m.id);
      results[m.id] = res.status;
    }
    expect(Object.entries(results).filter(([, status]) => status === 501)).toEqual([]);
  });
});
