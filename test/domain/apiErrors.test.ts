import {
  classifyApiError,
  describeApiError,
  explainFailure,
  isAlreadyExists,
  isRetryable,
} from '../../src/domain/apiErrors';

const advanced = (
  method: string,
  code: number,
  message: string,
  reason?: string,
  prefix = `API call to ${method} failed with error: `,
) => ({
  name: 'GoogleJsonResponseException',
  message: `${prefix}${message}`,
  details: { code, message, errors: reason ? [{ domain: 'global', reason, message }] : [] },
});
const rest = (code: number, status: string, message: string, details: unknown[] = []) => ({
  error: { code, status, message, details },
});
const NOT_CONFIGURED =
  'Google Chat app not found. To create a Chat app, you must turn on the Chat API and configure the app in the Google Cloud console.';

describe('classifyApiError', () => {
  it.each<[string, unknown, string | undefined, string, boolean]>([
    [
      'advanced service: Chat app not configured',
      advanced('chat.spaces.setup', 404, NOT_CONFIGURED, 'notFound'),
      undefined,
      'chat-app-not-configured',
      false,
    ],
    [
      'REST: Chat app not configured',
      rest(404, 'NOT_FOUND', NOT_CONFIGURED),
      'chat.spaces.create',
      'chat-app-not-configured',
      false,
    ],
    [
      'GAM: no bot associated',
      rest(404, 'NOT_FOUND', 'No bot associated with this project.'),
      undefined,
      'chat-app-not-configured',
      false,
    ],
    [
      'GAM: invalid project number',
      rest(400, 'INVALID_ARGUMENT', 'Invalid project number.'),
      undefined,
      'chat-app-not-configured',
      false,
    ],
    [
      'API disabled',
      rest(403, 'PERMISSION_DENIED', 'Google Chat API has not been used in project 123 before or it is disabled.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED' },
      ]),
      undefined,
      'api-disabled',
      false,
    ],
    ['quota (REST 429)', rest(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for quota metric'), undefined, 'quota', true],
    [
      'quota (advanced, rateLimitExceeded)',
      advanced('chat.spaces.setup', 429, 'Resource has been exhausted (e.g. check quota).', 'rateLimitExceeded'),
      undefined,
      'quota',
      true,
    ],
    [
      '503 unavailable',
      rest(503, 'UNAVAILABLE', 'The service is currently unavailable.'),
      undefined,
      'transient',
      true,
    ],
    [
      '500 internal (advanced)',
      advanced('chat.spaces.messages.create', 500, 'Internal error encountered.', 'backendError'),
      undefined,
      'transient',
      true,
    ],
    ['504 deadline', { httpStatus: 504, message: 'Deadline exceeded' }, undefined, 'transient', true],
    ['409 ABORTED (concurrency)', rest(409, 'ABORTED', 'The operation was aborted.'), undefined, 'transient', true],
    [
      'UrlFetch timeout (gateway shape)',
      { httpStatus: 0, message: 'Timeout: https://chat.googleapis.com/v1/spaces:setup' },
      undefined,
      'transient',
      true,
    ],
    [
      'UrlFetch address unavailable (string)',
      'Exception: Address unavailable: https://chat.googleapis.com/v1/spaces',
      undefined,
      'transient',
      true,
    ],
    [
      'UrlFetch returned code 503',
      'Exception: Request failed for https://chat.googleapis.com returned code 503. Truncated server response: {"error":{"code":503,"message":"unavailable","status":"UNAVAILABLE"}}',
      undefined,
      'transient',
      true,
    ],
    [
      'Error object with a timeout',
      new Error('Exception: Timeout: https://chat.googleapis.com/v1/spaces'),
      undefined,
      'transient',
      true,
    ],
    [
      'daily UrlFetch limit',
      'Exception: Service invoked too many times for one day: urlfetch.',
      undefined,
      'apps-script-limit',
      false,
    ],
    [
      'name taken on setup',
      advanced('chat.spaces.setup', 409, 'Requested entity already exists'),
      undefined,
      'name-taken',
      false,
    ],
    [
      'name taken, localized prefix',
      advanced(
        'chat.spaces.create',
        409,
        'Requested entity already exists',
        undefined,
        'No se ha podido llamar a la API chat.spaces.create; error: ',
      ),
      undefined,
      'name-taken',
      false,
    ],
    [
      'name taken (REST, display name message)',
      rest(
        409,
        'ALREADY_EXISTS',
        'An existing space within the Google Workspace organization might already use this display name.',
      ),
      undefined,
      'name-taken',
      false,
    ],
    [
      'already a member',
      rest(409, 'ALREADY_EXISTS', 'Membership already exists.'),
      'chat.spaces.members.create',
      'already-member',
      false,
    ],
    [
      'reused message id',
      rest(409, 'ALREADY_EXISTS', 'Message with this id already exists.'),
      'chat.spaces.messages.create',
      'already-exists',
      false,
    ],
    [
      'Chat off for a user (GAM mapping)',
      rest(400, 'FAILED_PRECONDITION', 'Precondition check failed.'),
      'chat.spaces.members.create',
      'chat-off',
      false,
    ],
    [
      'Chat off, explicit',
      rest(400, 'FAILED_PRECONDITION', 'The user does not have Google Chat enabled.'),
      undefined,
      'chat-off',
      false,
    ],
    [
      'Chat off, as the emulator words it (no method known)',
      rest(400, 'FAILED_PRECONDITION', 'The user does not have access to Google Chat.'),
      undefined,
      'chat-off',
      false,
    ],
    [
      'consumer account',
      rest(403, 'PERMISSION_DENIED', 'Google Chat API is only available to Google Workspace users.'),
      undefined,
      'chat-off',
      false,
    ],
    [
      'external not allowed',
      rest(400, 'FAILED_PRECONDITION', 'External users are not allowed in this space.'),
      'chat.spaces.members.create',
      'external-not-allowed',
      false,
    ],
    [
      'external outside org',
      rest(403, 'PERMISSION_DENIED', 'The user is outside your organization and cannot be added.'),
      undefined,
      'external-not-allowed',
      false,
    ],
    [
      'insufficient scopes',
      rest(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' },
      ]),
      undefined,
      'permission',
      false,
    ],
    [
      'not a manager',
      advanced('chat.spaces.patch', 403, 'The caller does not have permission', 'forbidden'),
      undefined,
      'permission',
      false,
    ],
    ['not found', rest(404, 'NOT_FOUND', 'Requested entity was not found.'), 'chat.spaces.get', 'not-found', false],
    [
      'invalid (text too long)',
      rest(
        400,
        'INVALID_ARGUMENT',
        'Maximum length of the field is 4096. Field: apps.dynamite.CreateMessageInfo.text_body',
      ),
      undefined,
      'invalid',
      false,
    ],
    [
      'unauthenticated',
      rest(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'),
      undefined,
      'unauthenticated',
      false,
    ],
    ['REST body as JSON text', JSON.stringify(rest(503, 'UNAVAILABLE', 'x')), undefined, 'transient', true],
    [
      'response-like object',
      { responseCode: 429, body: JSON.stringify(rest(429, 'RESOURCE_EXHAUSTED', 'slow down')) },
      undefined,
      'quota',
      true,
    ],
    ['501 unimplemented', rest(501, 'UNIMPLEMENTED', 'Not implemented'), undefined, 'unknown', false],
    ['garbage', 42, undefined, 'unknown', false],
  ])('%s', (_label, error, method, kind, retryable) => {
    const e = classifyApiError(error, method);
    expect(e.kind).toBe(kind);
    expect(e.retryable).toBe(retryable);
    expect(isRetryable(error, method)).toBe(retryable);
  });

  it('extracts the API message, code, status, reason, method and RetryInfo', () => {
    const e = classifyApiError(advanced('chat.spaces.setup', 404, NOT_CONFIGURED, 'notFound'));
    expect(e).toMatchObject({
      httpCode: 404,
      status: 'NOT_FOUND',
      reason: 'notFound',
      message: NOT_CONFIGURED,
      method: 'chat.spaces.setup',
      transport: false,
    });
    const q = classifyApiError(
      rest(429, 'RESOURCE_EXHAUSTED', 'slow', [
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' },
      ]),
    );
    expect(q.retryAfterMs).toBe(1500);
    expect(classifyApiError({ httpStatus: 0, message: 'Timeout: x' }).transport).toBe(true);
  });

  it('does not depend on the localized prefix', () => {
    const en = classifyApiError(advanced('chat.spaces.setup', 404, NOT_CONFIGURED));
    const fr = classifyApiError(
      advanced(
        'chat.spaces.setup',
        404,
        NOT_CONFIGURED,
        undefined,
        "Échec de l'appel d'API chat.spaces.setup avec l'erreur : ",
      ),
    );
    expect(fr.kind).toBe(en.kind);
    expect(fr.message).toBe(NOT_CONFIGURED);
  });

  it('treats every ALREADY_EXISTS as "exists"', () => {
    expect(isAlreadyExists(rest(409, 'ALREADY_EXISTS', 'x'), 'chat.spaces.members.create')).toBe(true);
    expect(
      isAlreadyExists({ httpStatus: 409, status: 'ALREADY_EXISTS', message: 'Requested entity already exists' }),
    ).toBe(true);
    expect(isAlreadyExists(rest(404, 'NOT_FOUND', 'x'))).toBe(false);
  });
});

describe('Details sentences', () => {
  it('explains a Chat app that is not configured, with the console path', () => {
    expect(explainFailure(advanced('chat.spaces.setup', 404, NOT_CONFIGURED), 'create the space')).toBe(
      "Chat could not create the space: the Google Chat app is not configured in this script's Google Cloud project. An admin must open Google Cloud console > APIs & Services > Google Chat API > Configuration, set an app name, avatar and description, and save.",
    );
  });

  it('says how many retries a quota failure took', () => {
    expect(describeApiError(rest(429, 'RESOURCE_EXHAUSTED', 'x'), { action: 'create the space', attempts: 6 })).toBe(
      "Chat could not create the space: Chat's per-minute quota was exhausted after 5 retries. Run the action again in a few minutes; finished rows are not repeated.",
    );
    expect(describeApiError(rest(503, 'UNAVAILABLE', 'x'), { action: 'add b@x.com', attempts: 2 })).toBe(
      'Chat could not add b@x.com because of a temporary Google error (HTTP 503) after 1 retry. Run the action again later; finished rows are not repeated.',
    );
  });

  it('names the person for Chat-off and external failures', () => {
    expect(explainFailure(rest(400, 'FAILED_PRECONDITION', 'x'), 'add ana@x.com', { subject: 'ana@x.com' })).toBe(
      'Chat could not add ana@x.com: Chat rejected the request (x). Fix the row and run the action again.',
    );
    expect(
      describeApiError(classifyApiError(rest(400, 'FAILED_PRECONDITION', 'x'), 'chat.spaces.members.create'), {
        action: 'add ana@x.com',
        subject: 'ana@x.com',
      }),
    ).toBe(
      'Chat could not add ana@x.com: ana@x.com does not have Google Chat turned on. Ask your Google Workspace admin to turn Chat on for them, or remove them from the row.',
    );
    expect(
      describeApiError(rest(403, 'PERMISSION_DENIED', 'The user is outside your organization.'), {
        action: 'add bo@gmail.com',
        subject: 'bo@gmail.com',
      }),
    ).toBe(
      'Chat could not add bo@gmail.com: bo@gmail.com is outside your organisation and external people are not allowed here. Set External users to Yes before the space is created (it cannot be changed later), or ask your admin to allow chatting with external people.',
    );
  });

  it('gives a sentence for every kind, ending with a full stop', () => {
    const cases: unknown[] = [
      rest(409, 'ALREADY_EXISTS', 'display name taken'),
      rest(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.'),
      rest(
        403,
        'PERMISSION_DENIED',
        'The administrator must grant the app the required OAuth authorization scope for this action.',
      ),
      rest(403, 'PERMISSION_DENIED', 'The caller does not have permission'),
      rest(404, 'NOT_FOUND', 'Requested entity was not found.'),
      rest(401, 'UNAUTHENTICATED', 'x'),
      rest(403, 'PERMISSION_DENIED', 'Google Chat API has not been used in project 1 before or it is disabled.'),
      rest(403, 'PERMISSION_DENIED', 'Google Chat API is only available to Google Workspace users.'),
      'Service invoked too many times for one day: urlfetch.',
      rest(501, 'UNIMPLEMENTED', ''),
    ];
    for (const c of cases) {
      const s = describeApiError(c, { action: 'create the space' });
      expect(s).toMatch(/^[A-Z].*\.$/);
      expect(s).not.toMatch(/API call to/);
    }
    expect(describeApiError(rest(409, 'ALREADY_EXISTS', 'Membership already exists'), { subject: 'ana@x.com' })).toBe(
      'ana@x.com is already a member of this space.',
    );
  });
});
