/**
 * Naive baseline for the offboarding benchmark, in the style of Google's Chat advanced-service samples: for each
 * person on the Members tab, for each space on the Spaces tab (Space ID read one cell at a time), call
 * Chat.Spaces.Members.remove on spaces/S/members/{email}; a 404 means they were not in that space. "Removed" is
 * written once the person is out of every space. No batching, no pacing, no retry, no checkpoint inside a person.
 *
 * Members tab: A Space, B Member, C Role, D Action; this script writes E Status.
 * Spaces tab: C Space ID.
 */
function removeLeavers() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var people = ss.getSheetByName('Members');
  var spaces = ss.getSheetByName('Spaces');
  people.getRange(1, 5).setValue('Status');
  var lastPerson = people.getLastRow();
  var lastSpace = spaces.getLastRow();
  for (var p = 2; p <= lastPerson; p++) {
    if (people.getRange(p, 5).getValue() === 'Removed') continue;
    var email = people.getRange(p, 2).getValue();
    var error = '';
    for (var s = 2; s <= lastSpace; s++) {
      var spaceId = spaces.getRange(s, 3).getValue();
      try {
        Chat.Spaces.Members.remove(spaceId + '/members/' + email);
      } catch (err) {
        if (err.message.indexOf('not found') < 0 && err.message.indexOf('NOT_FOUND') < 0) error = err.message;
      }
    }
    people.getRange(p, 5).setValue(error ? 'Failed' : 'Removed');
  }
}
