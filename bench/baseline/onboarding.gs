/**
 * Naive baseline for the onboarding benchmark, written the way Google's Apps Script samples for the Chat
 * advanced service are (advanced/chat.gs: createSpace, createMembership, createMessage): a loop over the rows, one
 * cell read and written at a time, Chat.Spaces.create then one Chat.Spaces.Members.create per person, a patch per
 * manager, the welcome message, and a try/catch that writes the error. No batching, no pacing, no retry, no
 * checkpoint: a re-run skips rows whose Status says Created.
 *
 * Spaces tab: A Space name, B Members, C Managers, D Welcome message; this script writes E Status, F Space ID and
 * G Details.
 */
function onboardSpaces() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Spaces');
  sheet.getRange(1, 5).setValue('Status');
  sheet.getRange(1, 6).setValue('Space ID');
  sheet.getRange(1, 7).setValue('Details');
  var lastRow = sheet.getLastRow();
  for (var row = 2; row <= lastRow; row++) {
    if (sheet.getRange(row, 5).getValue() === 'Created') continue;
    var name = sheet.getRange(row, 1).getValue();
    var members = String(sheet.getRange(row, 2).getValue()).split(',');
    var managers = String(sheet.getRange(row, 3).getValue()).split(',');
    var welcome = String(sheet.getRange(row, 4).getValue());
    try {
      var space = Chat.Spaces.create({ spaceType: 'SPACE', displayName: name });
      members.concat(managers).forEach(function (email) {
        Chat.Spaces.Members.create({ member: { name: 'users/' + email.trim(), type: 'HUMAN' } }, space.name);
      });
      managers.forEach(function (email) {
        Chat.Spaces.Members.patch({ role: 'ROLE_ASSISTANT_MANAGER' }, space.name + '/members/' + email.trim(), {
          updateMask: 'role',
        });
      });
      Chat.Spaces.Messages.create({ text: welcome.replace('{{Space name}}', name) }, space.name);
      sheet.getRange(row, 5).setValue('Created');
      sheet.getRange(row, 6).setValue(space.name);
    } catch (err) {
      sheet.getRange(row, 5).setValue('Failed');
      sheet.getRange(row, 7).setValue(err.message);
    }
  }
}
