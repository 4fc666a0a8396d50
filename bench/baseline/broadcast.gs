/**
 * Naive baseline for the broadcast benchmark, in the style of Google's Chat advanced-service samples: the message
 * is read from Messages!B2, then for each row of the Spaces tab the Space ID, Space name and Team lead cells are
 * read one at a time, the placeholders replaced, Chat.Spaces.Messages.create called, and "Sent" written in the
 * row. No batching, no pacing, no retry, no checkpoint: a re-run skips rows marked Sent.
 *
 * Spaces tab: A Space name, B Members, C Space ID, D Status, E Team lead; this script writes F Broadcast.
 */
function broadcastMessage() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var template = ss.getSheetByName('Messages').getRange(2, 2).getValue();
  var sheet = ss.getSheetByName('Spaces');
  sheet.getRange(1, 6).setValue('Broadcast');
  var lastRow = sheet.getLastRow();
  for (var row = 2; row <= lastRow; row++) {
    if (sheet.getRange(row, 6).getValue() === 'Sent') continue;
    var spaceId = sheet.getRange(row, 3).getValue();
    var name = sheet.getRange(row, 1).getValue();
    var lead = sheet.getRange(row, 5).getValue();
    var text = template.replace('{{Space name}}', name).replace('{{Team lead}}', lead);
    try {
      Chat.Spaces.Messages.create({ text: text }, spaceId);
      sheet.getRange(row, 6).setValue('Sent');
    } catch (err) {
      sheet.getRange(row, 6).setValue('Failed: ' + err.message);
    }
  }
}
