/**
 * Unit tests of the playground's pure pieces: the side panel's card navigation stack (push, update, pop, pop to
 * root / named card, notifications, links and the drive.file request), `npm start` option parsing, and the entry
 * points read from a Rollup-built bundle.
 */
import { parseStartArgs } from '../../emulator/playground/cliOptions';
import { entryPointsOf } from '../../emulator/playground/runtimeView';
import type { JsonObject } from '../../emulator/cards/json';
import { CardStack, cardsOf } from '../../emulator/playground/sidebar';

const card = (title: string, name?: string): JsonObject => ({
  header: { title },
  sections: [],
  ...(name ? { name } : {}),
});
const nav = (...navigations: JsonObject[]): JsonObject => ({ renderActions: { action: { navigations } } });

describe('CardStack', () => {
  test('push, update, pop, pop to root and pop to a named card', () => {
    const stack = new CardStack();
    stack.reset([card('home', 'home')]);
    stack.apply(nav({ pushCard: card('space', 'space') }, { pushCard: card('members') }));
    expect(stack.all.map((c) => (c.header as { title: string }).title)).toEqual(['home', 'space', 'members']);
    stack.apply(nav({ updateCard: card('members v2') }));
    expect((stack.top?.header as { title: string }).title).toBe('members v2');
    stack.apply(nav({ popToCard: 'space' }));
    expect(stack.all).toHaveLength(2);
    stack.apply(nav({ popCard: true }));
    stack.apply(nav({ popCard: true }));
    expect(stack.all).toHaveLength(1);
    stack.apply(nav({ pushCard: card('a') }, { pushCard: card('b') }, { popToRoot: true }));
    expect(stack.all).toHaveLength(1);
  });

  test('notification, link, state change and the drive.file request', () => {
    const stack = new CardStack();
    const effects = stack.apply({
      renderActions: { action: { notification: { text: 'Saved' }, link: { url: 'https://chat.google.com/x' } } },
      stateChanged: true,
    });
    expect(effects).toMatchObject({
      notification: 'Saved',
      openLink: 'https://chat.google.com/x',
      stateChanged: true,
      navigated: false,
    });
    const scope = stack.apply({
      renderActions: { hostAppAction: { editorAction: { requestFileScopeForActiveDocument: {} } } },
    });
    expect(scope.requestFileScope).toBe(true);
  });

  test('cardsOf reads cards, arrays of cards and universal responses', () => {
    expect(cardsOf(card('x'))).toHaveLength(1);
    expect(cardsOf([card('x'), card('y')])).toHaveLength(2);
    expect(cardsOf(nav({ pushCard: card('u') }))).toHaveLength(1);
    expect(cardsOf(undefined)).toEqual([]);
  });
});

describe('npm start options', () => {
  test('defaults', () => {
    expect(parseStartArgs([], {})).toMatchObject({
      mode: 'bound',
      port: 8080,
      run: ['setUpSheets', 'applySpaces'],
      untilIdle: true,
    });
    expect(parseStartArgs([], { PORT: '9000' }).port).toBe(9000);
  });

  test('flags', () => {
    const o = parseStartArgs([
      '--workbook',
      'my.xlsx',
      '--mode=workspace-addon',
      '--port',
      '0',
      '--run',
      'previewSpaces',
      '--no-until-idle',
    ]);
    expect(o).toMatchObject({
      workbook: 'my.xlsx',
      mode: 'workspace-addon',
      port: 0,
      run: ['previewSpaces'],
      untilIdle: false,
    });
    expect(parseStartArgs(['--no-run']).run).toEqual([]);
  });

  test('bad input is refused with a sentence', () => {
    expect(() => parseStartArgs(['--mode', 'web'])).toThrow(/--mode must be one of/);
    expect(() => parseStartArgs(['--port', '70000'])).toThrow(/port/);
    expect(() => parseStartArgs(['--run', 'rm -rf'])).toThrow(/not a function name/);
    expect(() => parseStartArgs(['--workbook'])).toThrow(/needs a value/);
    expect(() => parseStartArgs(['--frobnicate'])).toThrow(/Unknown option/);
  });
});

test('entry points come from the bundle stubs, in order', () => {
  const bundle =
    'var AddOn = (function () {})();\nfunction onOpen(...args) { return AddOn.onOpen(...args); }\nfunction applySpaces(...args) { return AddOn.applySpaces(...args); }\n';
  expect(entryPointsOf(bundle)).toEqual(['onOpen', 'applySpaces']);
});
