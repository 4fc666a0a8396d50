/**
 * Naive baseline for the export benchmark, in the style of Google's Chat advanced-service samples (listSpaces,
 * listMemberships, listMessages with pageToken loops): the tabs are cleared, then every space's members and
 * messages are appended one row at a time with appendRow. No batching of writes, no checkpoint: a re-run starts
 * over.
 */
function exportAll() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var members = ss.getSheetByName('Members (export)') || ss.insertSheet('Members (export)');
  var messages = ss.getSheetByName('Messages (export)') || ss.insertSheet('Messages (export)');
  members.clear();
  messages.clear();
  members.appendRow(['Space', 'Member', 'Role', 'State']);
  messages.appendRow(['Space', 'Message', 'Sender', 'Created', 'Text']);
  var pageToken;
  do {
    var page = Chat.Spaces.list({ pageToken: pageToken, filter: 'space_type = "SPACE"' });
    (page.spaces || []).forEach(function (space) {
      var memberToken;
      do {
        var mp = Chat.Spaces.Members.list(space.name, { pageToken: memberToken });
        (mp.memberships || []).forEach(function (m) {
          members.appendRow([space.name, m.member ? m.member.name : '', m.role, m.state]);
        });
        memberToken = mp.nextPageToken;
      } while (memberToken);
      var messageToken;
      do {
        var gp = Chat.Spaces.Messages.list(space.name, { pageToken: messageToken });
        (gp.messages || []).forEach(function (msg) {
          messages.appendRow([space.name, msg.name, msg.sender ? msg.sender.name : '', msg.createTime, msg.text]);
        });
        messageToken = gp.nextPageToken;
      } while (messageToken);
    });
    pageToken = page.nextPageToken;
  } while (pageToken);
}
