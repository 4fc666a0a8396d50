/**
 * The Status and Details a Messages row ends with, from its targets' results: a partly sent broadcast lists where it
 * failed and why, a re-send says nothing was posted again, an edit counts what changed, a recall that could not
 * delete everywhere keeps the row's status. Also the checkpoint's compact form of a result.
 */
import { decodeResult, encodeResult, rowOutcome } from '../../src/app/messages/rowOutcome';
import type { TargetResult } from '../../src/app/messages/targetTasks';
import type { MessageTarget } from '../../src/domain/messagePlan';

const target = (i: number): MessageTarget => ({
  key: `spaces/S${i}`,
  space: `spaces/S${i}`,
  type: 'SPACE',
  label: `Team ${i}`,
  text: `Hi ${i}`,
});
const pairs = (results: TargetResult[]) => results.map((result, i) => ({ target: target(i + 1), result }));
const row = { status: '', checkFirst: false };

describe('rowOutcome', () => {
  it('partly sent: counts, lists the failures with their reasons, and says a re-run posts nothing twice', () => {
    const out = rowOutcome(
      'send',
      row,
      pairs([
        { kind: 'sent', space: 'spaces/S1' },
        { kind: 'already', space: 'spaces/S2' },
        { kind: 'failed', message: 'You are not a member of this space.' },
      ]),
    );
    expect(out).toMatchObject({
      status: 'Partly sent',
      count: 'Partly sent',
      spaces: ['spaces/S1', 'spaces/S2'],
      details:
        'Sent to 2 of 3 spaces; not sent to Team 3: You are not a member of this space. Run Send messages again once fixed: the others are not posted twice.',
    });
  });

  it('already everywhere: keeps Edited, posts nothing', () => {
    const out = rowOutcome('send', { ...row, status: 'Edited' }, pairs([{ kind: 'already', space: 'spaces/S1' }]));
    expect(out).toMatchObject({ status: 'Edited', count: 'Already sent', posted: false });
    expect(out.details).toBe('Already sent to Team 1; nothing was posted again.');
  });

  it('edit: counts edited, unchanged and missing targets', () => {
    const out = rowOutcome(
      'update',
      row,
      pairs([
        { kind: 'edited', space: 'spaces/S1' },
        { kind: 'unchanged', space: 'spaces/S2' },
        { kind: 'missing', space: 'spaces/S3' },
      ]),
    );
    expect(out.details).toBe(
      'Edited in 1 of 3 spaces; 1 already matched; not found in 1 space (never sent there, or deleted).',
    );
    expect(out.status).toBe('Edited');
  });

  it('recall that fails somewhere keeps the status and says where the message still is', () => {
    const out = rowOutcome(
      'delete',
      row,
      pairs([
        { kind: 'deleted', space: 'spaces/S1' },
        { kind: 'failed', message: 'the message has replies in its thread' },
      ]),
    );
    expect(out.status).toBeUndefined();
    expect(out.details).toBe(
      'Recalled from 1 of 2 spaces; still there: Team 2: the message has replies in its thread.',
    );
  });

  it('encodes results compactly and back', () => {
    const results: TargetResult[] = [
      { kind: 'sent', space: 'spaces/A' },
      { kind: 'failed', message: 'No.' },
      { kind: 'planned', space: undefined, setUpDm: true },
    ];
    expect(results.map((r) => decodeResult(encodeResult(r)))).toEqual(results);
    expect(JSON.stringify(encodeResult(results[0]))).toBe('["s","spaces/A"]');
  });
});
