/**
 * Values the add-on writes on tabs made by Set up sheets read as they were meant: a summary starting with a digit
 * ("1 created.") is guarded by a quote prefix that Sheets hides, because the columns the add-on writes are not
 * formatted as plain text (a plain-text cell would show the apostrophe). Formulas: test/security/formulaInjection.
 */
import { addOnProject, buildWorld, readRows } from '../../bench/world';

test('the Log summary of a run on set-up tabs shows no apostrophe', () => {
  const w = buildWorld({
    project: addOnProject(),
    mode: 'bound',
    directory: {},
    tabs: { Spaces: [['Space name'], ['Budget 2027']] },
  });
  expect(w.runtime.run('setUpSheets').error).toBeUndefined();
  expect(w.runtime.run('applySpaces').error).toBeUndefined();
  const [log] = readRows(w, 'Log');
  expect(log.Errors).toBe('1 created.');
  const [row] = readRows(w, 'Spaces');
  expect(row).toMatchObject({ 'Space name': 'Budget 2027', Status: 'Created' });
});
