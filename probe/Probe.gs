/**
 * Live probe for the Chat API emulator. Push this file with appsscript.json to a throwaway Apps Script project whose
 * standard Google Cloud project has the Chat API enabled and a Chat app configured, set PROBE_CONFIG, and run
 * runProbe(). It calls each method once the way the add-on does (through the advanced Chat service, plus two raw REST
 * calls through UrlFetchApp), records every response and error (e.name, e.message, e.details) and saves the recording
 * as a JSON file in Drive. Compare it with the emulator: `npx tsx probe/compare.ts <recording.json>`. See README.md.
 *
 * The STEPS list is the same as in documented-examples.json (a test keeps them in sync): each step is a facade call
 * `chat.<resource>.<method>` with Apps Script arguments, or a REST request, with {{step.path}} placeholders that refer
 * to earlier results and {{$name}} placeholders for the config below.
 */

/** Two users of your Workspace domain (not you) that the probe may add to a throwaway space. */
var PROBE_CONFIG = {
  member1: 'someone@your-domain.example',
  member2: 'someone.else@your-domain.example',
};

var STEPS = /* STEPS-BEGIN */ [
  {
    id: 'setup',
    call: 'chat.spaces.setup',
    args: [
      {
        space: {
          spaceType: 'SPACE',
          displayName: 'Probe {{$run}}',
        },
        requestId: 'probe-{{$run}}-setup',
        memberships: [
          {
            member: {
              name: 'users/{{$member1}}',
              type: 'HUMAN',
            },
          },
        ],
      },
    ],
  },
  {
    id: 'setup-replay',
    call: 'chat.spaces.setup',
    args: [
      {
        space: {
          spaceType: 'SPACE',
          displayName: 'Probe {{$run}}',
        },
        requestId: 'probe-{{$run}}-setup',
        memberships: [
          {
            member: {
              name: 'users/{{$member2}}',
              type: 'HUMAN',
            },
          },
        ],
      },
    ],
    sameAs: {
      step: 'setup',
      path: 'name',
    },
  },
  {
    id: 'create-duplicate-name',
    call: 'chat.spaces.create',
    args: [
      {
        spaceType: 'SPACE',
        displayName: 'Probe {{$run}}',
      },
    ],
  },
  {
    id: 'members-create',
    call: 'chat.spaces.members.create',
    args: [
      {
        member: {
          name: 'users/{{$member2}}',
          type: 'HUMAN',
        },
      },
      '{{setup.name}}',
    ],
  },
  {
    id: 'members-create-again',
    call: 'chat.spaces.members.create',
    args: [
      {
        member: {
          name: 'users/{{$member2}}',
          type: 'HUMAN',
        },
      },
      '{{setup.name}}',
    ],
  },
  {
    id: 'members-list',
    call: 'chat.spaces.members.list',
    args: [
      '{{setup.name}}',
      {
        showInvited: true,
        pageSize: 10,
      },
    ],
  },
  {
    id: 'members-get-by-email',
    call: 'chat.spaces.members.get',
    args: ['{{setup.name}}/members/{{$member2}}'],
    sameAs: {
      step: 'members-create',
      path: 'name',
    },
  },
  {
    id: 'members-patch',
    call: 'chat.spaces.members.patch',
    args: [
      {
        role: 'ROLE_MANAGER',
      },
      '{{members-create.name}}',
      {
        updateMask: 'role',
      },
    ],
  },
  {
    id: 'messages-create',
    call: 'chat.spaces.messages.create',
    args: [
      {
        text: 'Hello from the probe',
      },
      '{{setup.name}}',
      {
        messageId: 'client-probe-{{$run}}',
        requestId: 'probe-{{$run}}-msg',
      },
    ],
  },
  {
    id: 'messages-create-replay',
    call: 'chat.spaces.messages.create',
    args: [
      {
        text: 'Hello again',
      },
      '{{setup.name}}',
      {
        requestId: 'probe-{{$run}}-msg',
      },
    ],
    sameAs: {
      step: 'messages-create',
      path: 'name',
    },
  },
  {
    id: 'messages-duplicate-client-id',
    call: 'chat.spaces.messages.create',
    args: [
      {
        text: 'Duplicate id',
      },
      '{{setup.name}}',
      {
        messageId: 'client-probe-{{$run}}',
      },
    ],
  },
  {
    id: 'messages-too-long',
    call: 'chat.spaces.messages.create',
    args: [
      {
        text: '{{$repeat:x:4097}}',
      },
      '{{setup.name}}',
    ],
  },
  {
    id: 'messages-patch',
    call: 'chat.spaces.messages.patch',
    args: [
      {
        text: 'Edited by the probe',
      },
      '{{setup.name}}/messages/client-probe-{{$run}}',
      {
        updateMask: 'text',
      },
    ],
  },
  {
    id: 'reactions-create',
    call: 'chat.spaces.messages.reactions.create',
    args: [
      {
        emoji: {
          unicode: '👍',
        },
      },
      '{{messages-create.name}}',
    ],
  },
  {
    id: 'reactions-list',
    call: 'chat.spaces.messages.reactions.list',
    args: ['{{messages-create.name}}'],
  },
  {
    id: 'read-state',
    call: 'chat.users.spaces.getSpaceReadState',
    args: ['users/me/{{setup.name}}/spaceReadState'],
  },
  {
    id: 'space-events',
    call: 'chat.spaces.spaceEvents.list',
    args: [
      '{{setup.name}}',
      {
        filter: 'event_types:"google.workspace.chat.message.v1.created"',
      },
    ],
  },
  {
    id: 'rest-get-missing-space',
    call: 'rest',
    rest: {
      method: 'GET',
      path: '/v1/spaces/AAAAdoesNotExist',
    },
  },
  {
    id: 'rest-unknown-field',
    call: 'rest',
    rest: {
      method: 'POST',
      path: '/v1/spaces',
      body: {
        spaceType: 'SPACE',
        displayName: 'Unknown field {{$run}}',
        foo: 1,
      },
    },
  },
  {
    id: 'setup-malformed-member',
    call: 'chat.spaces.setup',
    args: [
      {
        space: {
          spaceType: 'SPACE',
          displayName: 'Malformed {{$run}}',
        },
        memberships: [
          {
            member: {
              name: 'people/123',
              type: 'HUMAN',
            },
          },
        ],
      },
    ],
  },
  {
    id: 'messages-delete',
    call: 'chat.spaces.messages.delete',
    args: ['{{messages-create.name}}'],
  },
  {
    id: 'members-delete',
    call: 'chat.spaces.members.delete',
    args: ['{{setup.name}}/members/{{$member2}}'],
  },
  {
    id: 'spaces-delete',
    call: 'chat.spaces.delete',
    args: ['{{setup.name}}'],
  },
]; /* STEPS-END */

/** Runs every step against Google and saves the recording to Drive. */
function runProbe() {
  var run = 'r' + Utilities.getUuid().replace(/-/g, '').slice(0, 8).toLowerCase();
  var params = { member1: PROBE_CONFIG.member1, member2: PROBE_CONFIG.member2 };
  var results = {};
  var recording = {
    format: 'chat-probe-recording',
    version: 1,
    source: 'live',
    recordedAt: new Date().toISOString(),
    run: run,
    caller: Session.getActiveUser().getEmail(),
    scopes: PROBE_SCOPES_,
    params: params,
    steps: [],
  };
  STEPS.forEach(function (step) {
    Utilities.sleep(1100); // one write per second per space
    var entry = JSON.parse(JSON.stringify(step));
    try {
      if (step.call === 'rest') {
        entry.result = rest_(resolve_(step.rest, results, run, params));
      } else {
        var value = facade_(step.call).apply(null, resolve_(step.args || [], results, run, params));
        results[step.id] = value;
        entry.result = { ok: true, value: value };
      }
    } catch (e) {
      entry.result = {
        ok: false,
        error: {
          name: e.name,
          message: e.message,
          details: e.details ? JSON.parse(JSON.stringify(e.details)) : undefined,
        },
      };
    }
    recording.steps.push(entry);
  });
  cleanup_(results);
  var json = JSON.stringify(recording, null, 2);
  try {
    var file = DriveApp.createFile('chat-probe-' + run + '.json', json, 'application/json');
    Logger.log('Recording saved: ' + file.getUrl());
  } catch (e) {
    Logger.log('Could not save to Drive (' + e.message + '); the recording follows in chunks.');
    for (var i = 0; i < json.length; i += 8000) Logger.log(json.slice(i, i + 8000));
  }
}

var PROBE_SCOPES_ = [
  'https://www.googleapis.com/auth/chat.spaces',
  'https://www.googleapis.com/auth/chat.spaces.create',
  'https://www.googleapis.com/auth/chat.memberships',
  'https://www.googleapis.com/auth/chat.messages',
  'https://www.googleapis.com/auth/chat.messages.reactions',
  'https://www.googleapis.com/auth/chat.delete',
  'https://www.googleapis.com/auth/chat.users.readstate',
];

/** The Chat facade function for `chat.spaces.members.create` (delete is `remove`). */
function facade_(call) {
  var parts = call.split('.').slice(1);
  var node = Chat;
  for (var i = 0; i < parts.length - 1; i++) node = node[parts[i].charAt(0).toUpperCase() + parts[i].slice(1)];
  var name = parts[parts.length - 1] === 'delete' ? 'remove' : parts[parts.length - 1];
  return node[name].bind(node);
}

/** A raw REST call with the script's OAuth token (as the add-on's UrlFetchApp path sends it). */
function rest_(req) {
  var options = {
    method: req.method.toLowerCase(),
    headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() },
    muteHttpExceptions: true,
  };
  if (req.body !== undefined) {
    options.contentType = 'application/json';
    options.payload = JSON.stringify(req.body);
  }
  var res = UrlFetchApp.fetch('https://chat.googleapis.com' + req.path, options);
  var status = res.getResponseCode();
  var text = res.getContentText();
  var body = text;
  try {
    body = JSON.parse(text);
  } catch (e) {
    // HTML or media bodies stay text
  }
  return status < 400
    ? { ok: true, status: status, value: body }
    : { ok: false, error: { status: status, body: body } };
}

/** Resolves {{step.path}}, {{$run}}, {{$name}} and {{$repeat:x:n}} placeholders (same rules as compare.ts). */
function resolve_(value, results, run, params) {
  if (typeof value === 'string') {
    var lookup = function (expr) {
      if (expr === '$run') return run;
      var repeat = /^\$repeat:(.):(\d+)$/.exec(expr);
      if (repeat) return new Array(Number(repeat[2]) + 1).join(repeat[1]);
      if (expr.charAt(0) === '$') return params[expr.slice(1)];
      var path = expr.split('.');
      var cur = results[path[0]];
      for (var i = 1; i < path.length; i++) cur = cur && typeof cur === 'object' ? cur[path[i]] : undefined;
      return cur;
    };
    var whole = /^\{\{([^}]+)\}\}$/.exec(value);
    if (whole) return lookup(whole[1]);
    return value.replace(/\{\{([^}]+)\}\}/g, function (_, expr) {
      return String(lookup(expr));
    });
  }
  if (Array.isArray(value)) {
    return value.map(function (v) {
      return resolve_(v, results, run, params);
    });
  }
  if (value && typeof value === 'object') {
    var out = {};
    Object.keys(value).forEach(function (k) {
      out[k] = resolve_(value[k], results, run, params);
    });
    return out;
  }
  return value;
}

/** Deletes the probe's space if a step failed before spaces-delete. */
function cleanup_(results) {
  if (!results.setup || results['spaces-delete']) return;
  try {
    Chat.Spaces.remove(results.setup.name);
  } catch (e) {
    Logger.log('Cleanup failed: delete ' + results.setup.name + ' by hand (' + e.message + ')');
  }
}
