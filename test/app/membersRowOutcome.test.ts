import { addResult, newFold, rowOutput, type SpaceResult } from '../../src/app/members/rowOutcome';

function fold(results: SpaceResult[]) {
  const f = newFold(results.length);
  for (const r of results) addResult(f, r);
  return rowOutput(f);
}

const times = (n: number, r: SpaceResult) => Array.from({ length: n }, () => r);

describe('a Members row’s Status and Details', () => {
  it('names the space when the row names one', () => {
    expect(
      fold([{ kind: 'invited', sentence: 'Invited to Design as Manager; they must accept the invitation to join.' }]),
    ).toEqual({
      status: 'Invited',
      details: 'Invited to Design as Manager; they must accept the invitation to join.',
    });
    expect(fold([{ kind: 'notMember', sentence: 'Not a member of Design; nothing to do.' }]).status).toBe('Up to date');
  });

  it('counts spaces for an offboarding row', () => {
    const removed: SpaceResult = { kind: 'removed', sentence: 'Removed from X.' };
    const absent: SpaceResult = { kind: 'notMember', sentence: 'Not a member of X; nothing to do.' };
    expect(fold([...times(37, removed), ...times(463, absent)])).toEqual({
      status: 'Removed',
      details: 'Removed from 37 spaces; not a member of 463 spaces.',
    });
    expect(fold(times(3, absent))).toEqual({ status: 'Up to date', details: 'Not a member of 3 spaces.' });
  });

  it('says what failed or was kept, and a failure makes the row Failed', () => {
    const out = fold([
      { kind: 'removed', sentence: '' },
      { kind: 'refused', sentence: "Not removed: a@x.com is the space's last owner and Chat requires one." },
      { kind: 'failed', sentence: 'You are not allowed to remove a@x.com from Ops.' },
    ]);
    expect(out.status).toBe('Failed');
    expect(out.details).toBe(
      "Removed from 1 space; left in 1 space; failed in 1 space. Not removed: a@x.com is the space's last owner and Chat requires one. You are not allowed to remove a@x.com from Ops.",
    );
  });

  it('previews removals across spaces', () => {
    const planned: SpaceResult = { kind: 'planned', removes: true, sentence: 'Will remove from X.' };
    expect(fold([...times(2, planned), { kind: 'notMember', sentence: '' }])).toEqual({
      status: 'Planned',
      details: 'Will be removed from 2 spaces; not a member of 1 space.',
    });
  });
});
