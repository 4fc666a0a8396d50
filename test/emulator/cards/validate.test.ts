/**
 * The card JSON validator: accepts what the builders make (see also helpers.widgetJson, which validates every
 * builder test's card), rejects unknown fields, wrong types, bad enum values, missing required fields, broken one-of
 * groups and cards over the documented limits, and reports action function names and widget kinds.
 */
import {
  CARD_LIMITS,
  loadDiscoverySchemas,
  validateActionResponse,
  validateCard,
  validateRenderResult,
} from '../../../emulator/cards/validate';
import type { JsonObject } from '../../../emulator/cards/json';

const para = (text: string): JsonObject => ({ textParagraph: { text } });
const button = (fn: string, text = 'Go'): JsonObject => ({ text, onClick: { action: { function: fn } } });
const card = (widgets: JsonObject[], extra: JsonObject = {}): JsonObject => ({ sections: [{ widgets }], ...extra });

describe('schemas', () => {
  test('the discovery document provides every GoogleAppsCardV1 schema the validator walks', () => {
    const schemas = loadDiscoverySchemas();
    for (const id of [
      'GoogleAppsCardV1Card',
      'GoogleAppsCardV1Widget',
      'GoogleAppsCardV1Button',
      'GoogleAppsCardV1Action',
      'Color',
    ]) {
      expect(schemas[id]?.properties).toBeDefined();
    }
  });
});

describe('accepts', () => {
  test('a card using every supported widget kind', () => {
    const json = card(
      [
        para('Hello'),
        {
          decoratedText: { topLabel: 'A', text: 'B', startIcon: { knownIcon: 'EMAIL' }, switchControl: { name: 'sw' } },
        },
        {
          buttonList: {
            buttons: [
              button('f1'),
              { icon: { iconUrl: 'https://e.com/i.png' }, onClick: { openLink: { url: 'https://e.com' } } },
            ],
          },
        },
        { textInput: { name: 'n', label: 'Name', type: 'SINGLE_LINE', onChangeAction: { function: 'f2' } } },
        { selectionInput: { name: 's', type: 'DROPDOWN', items: [{ text: 'a', value: 'a', selected: true }] } },
        { dateTimePicker: { name: 'd', type: 'DATE_ONLY', valueMsEpoch: '1672531200000' } },
        { image: { imageUrl: 'https://e.com/a.png' } },
        { divider: {} },
        { grid: { items: [{ id: 'x', title: 'X' }], columnCount: 2, onClick: { action: { function: 'f3' } } } },
        { columns: { columnItems: [{ widgets: [para('in column'), { buttonList: { buttons: [button('f4')] } }] }] } },
        {
          chipList: { chips: [{ label: 'c', onClick: { action: { function: 'f5' } } }] },
          horizontalAlignment: 'CENTER',
        },
      ],
      {
        header: { title: 'T', imageType: 'CIRCLE' },
        fixedFooter: { primaryButton: button('f6') },
        cardActions: [{ actionLabel: 'Help', onClick: { openLink: { url: 'https://e.com/help' } } }],
      },
    );
    const v = validateCard(json);
    expect(v.errors).toEqual([]);
    expect(v.actionFunctions).toEqual(['f1', 'f2', 'f3', 'f4', 'f5', 'f6']);
    expect(v.widgetKinds).toEqual([
      'buttonList',
      'chipList',
      'columns',
      'dateTimePicker',
      'decoratedText',
      'divider',
      'grid',
      'image',
      'selectionInput',
      'textInput',
      'textParagraph',
    ]);
  });

  test('int64 values as digit strings or integers; colours within [0, 1]', () => {
    expect(validateCard(card([{ dateTimePicker: { name: 'd', valueMsEpoch: 1672531200000 } }])).errors).toEqual([]);
    const coloured = card([
      { buttonList: { buttons: [{ ...button('f'), color: { red: 0, green: 0.5, blue: 1, alpha: 1 } }] } },
    ]);
    expect(validateCard(coloured).errors).toEqual([]);
  });
});

describe('rejects', () => {
  test('unknown fields at any depth, naming the path', () => {
    const v = validateCard({ ...card([{ textParagraph: { text: 'x', colour: 'red' } }]), title: 'x' });
    expect(v.errors).toEqual([
      'card.sections[0].widgets[0].textParagraph.colour: unknown field (GoogleAppsCardV1TextParagraph has no "colour").',
      'card.title: unknown field (GoogleAppsCardV1Card has no "title").',
    ]);
  });

  test('snake_case and legacy names are unknown (lowerCamel only)', () => {
    const v = validateCard(
      card([{ buttonList: { buttons: [{ text: 'x', onClick: { action: { functionName: 'f' } } }] } }]),
    );
    expect(v.errors).toContain(
      'card.sections[0].widgets[0].buttonList.buttons[0].onClick.action.functionName: unknown field (GoogleAppsCardV1Action has no "functionName").',
    );
    expect(v.errors).toContain(
      'card.sections[0].widgets[0].buttonList.buttons[0].onClick.action: "function" is required (the callback function name).',
    );
    expect(validateCard({ sections: [{ widgets: [{ text_paragraph: { text: 'x' } }] }] }).errors[0]).toMatch(
      /text_paragraph: unknown field/,
    );
  });

  test('wrong types', () => {
    const v = validateCard(
      card([
        { textParagraph: { text: 5 } },
        { decoratedText: { text: 'x', wrapText: 'yes' } },
        { textParagraph: { text: 'x', maxLines: 1.5 } },
        { selectionInput: { name: 's', items: { text: 'a' } } },
        { dateTimePicker: { name: 'd', valueMsEpoch: 'soon' } },
      ]),
    );
    expect(v.errors).toEqual([
      'card.sections[0].widgets[0].textParagraph.text: expected a string, got number 5.',
      'card.sections[0].widgets[0].textParagraph: "text" is required.',
      'card.sections[0].widgets[1].decoratedText.wrapText: expected a boolean, got a string.',
      'card.sections[0].widgets[2].textParagraph.maxLines: expected an integer, got number 1.5.',
      'card.sections[0].widgets[3].selectionInput.items: expected an array, got an object.',
      'card.sections[0].widgets[4].dateTimePicker.valueMsEpoch: expected an int64 (string of digits), got a string.',
    ]);
  });

  test('bad enum values', () => {
    const v = validateCard(
      card(
        [
          { buttonList: { buttons: [{ ...button('f'), type: 'TEXT' }] } },
          { selectionInput: { name: 's', type: 'DROP_DOWN' } },
        ],
        {
          header: { title: 't', imageType: 'ROUND' },
        },
      ),
    );
    expect(v.errors).toEqual([
      'card.sections[0].widgets[0].buttonList.buttons[0].type: "TEXT" is not one of TYPE_UNSPECIFIED, OUTLINED, FILLED, FILLED_TONAL, BORDERLESS.',
      'card.sections[0].widgets[1].selectionInput.type: "DROP_DOWN" is not one of CHECK_BOX, RADIO_BUTTON, SWITCH, DROPDOWN, MULTI_SELECT.',
      'card.header.imageType: "ROUND" is not one of SQUARE, CIRCLE.',
    ]);
  });

  test('unknown built-in icon names', () => {
    const v = validateCard(card([{ decoratedText: { text: 'x', startIcon: { knownIcon: 'ENVELOPE' } } }]));
    expect(v.errors).toEqual([
      'card.sections[0].widgets[0].decoratedText.startIcon: "ENVELOPE" is not a built-in icon.',
    ]);
  });

  test('more than 100 sections, more than 100 widgets, empty cards and sections', () => {
    const many = { sections: Array.from({ length: CARD_LIMITS.sections + 1 }, () => ({ widgets: [para('x')] })) };
    expect(validateCard(many).errors).toEqual(['card: a card can have at most 100 sections, found 101.']);
    const wide = card(Array.from({ length: CARD_LIMITS.widgetsPerSection + 1 }, () => para('x')));
    expect(validateCard(wide).errors).toEqual(['card.sections[0]: a section can have at most 100 widgets, found 101.']);
    expect(validateCard({ sections: Array.from({ length: 100 }, () => ({ widgets: [para('x')] })) }).errors).toEqual(
      [],
    );
    expect(validateCard({ header: { title: 't' } }).errors).toEqual(['card: a card must have at least one section.']);
    expect(validateCard({ header: { title: 't' } }, { requireSections: false }).errors).toEqual([]);
    expect(validateCard({ sections: [{ header: 'h', widgets: [] }] }).errors).toEqual([
      'card.sections[0]: a section must have at least one widget.',
    ]);
  });

  test('widgets with zero or two kinds; onClick with two handlers', () => {
    const v = validateCard(
      card([
        {},
        { textParagraph: { text: 'a' }, divider: {} },
        {
          image: {
            imageUrl: 'https://e.com/a.png',
            onClick: { action: { function: 'f' }, openLink: { url: 'https://e.com' } },
          },
        },
      ]),
    );
    expect(v.errors).toEqual([
      'card.sections[0].widgets[0]: a widget must have exactly one kind, found 0 (none).',
      'card.sections[0].widgets[1]: a widget must have exactly one kind, found 2 (textParagraph, divider).',
      'card.sections[0].widgets[2].image.onClick: an onClick must have exactly one handler, found 2.',
    ]);
  });

  test('missing required fields', () => {
    const v = validateCard(
      card(
        [
          { buttonList: { buttons: [{ text: 'no action' }, { onClick: { action: { function: 'f' } } }] } },
          { decoratedText: { topLabel: 'no text' } },
          { textInput: { label: 'no name' } },
          { textInput: { name: 'no label' } },
          { selectionInput: { label: 'no name' } },
          { image: {} },
          { decoratedText: { text: 'x', button: button('f'), endIcon: { knownIcon: 'STAR' } } },
        ],
        { header: { subtitle: 'no title' }, fixedFooter: {} },
      ),
    );
    expect(v.errors).toEqual([
      'card.sections[0].widgets[0].buttonList.buttons[0]: "onClick" is required.',
      'card.sections[0].widgets[0].buttonList.buttons[1]: a button needs "text" or an "icon".',
      'card.sections[0].widgets[1].decoratedText: "text" is required.',
      'card.sections[0].widgets[2].textInput: "name" is required (the form input key).',
      'card.sections[0].widgets[3].textInput: "label" or "hintText" is required.',
      'card.sections[0].widgets[4].selectionInput: "name" is required (the form input key).',
      'card.sections[0].widgets[5].image: "imageUrl" is required.',
      'card.sections[0].widgets[6].decoratedText: only one of button, switchControl, endIcon may be set.',
      'card.header: "title" is required.',
      'card.fixedFooter: a fixed footer needs a primaryButton or a secondaryButton.',
    ]);
  });

  test('action parameters must be {key, value} strings', () => {
    const v = validateCard(
      card([
        {
          buttonList: {
            buttons: [{ text: 'x', onClick: { action: { function: 'f', parameters: [{ key: 'row', value: 3 }] } } }],
          },
        },
      ]),
    );
    expect(v.errors).toEqual([
      'card.sections[0].widgets[0].buttonList.buttons[0].onClick.action.parameters[0].value: expected a string, got number 3.',
      'card.sections[0].widgets[0].buttonList.buttons[0].onClick.action.parameters[0]: "value" is required and must be a string.',
    ]);
  });

  test('colours out of range and non-objects', () => {
    expect(
      validateCard(card([{ buttonList: { buttons: [{ ...button('f'), color: { red: 255, green: 0, blue: 0 } }] } }]))
        .errors,
    ).toEqual(['card.sections[0].widgets[0].buttonList.buttons[0].color.red: must be between 0 and 1.']);
    expect(validateCard('card').errors).toEqual(['card: expected an object (GoogleAppsCardV1Card), got a string.']);
    expect(validateCard(card([para('x')]).sections).errors).toEqual([
      'card: expected an object (GoogleAppsCardV1Card), got an array.',
    ]);
  });
});

describe('validateActionResponse', () => {
  test('accepts navigation, notification, link, stateChanged and the file-scope request', () => {
    const r = {
      renderActions: {
        action: {
          navigations: [
            { popToRoot: true },
            { pushCard: card([para('x')]) },
            { popToCard: 'home' },
            { updateCard: card([para('y')]) },
            { popCard: true },
          ],
          notification: { text: 'Done' },
          link: { url: 'https://e.com', openAs: 'OVERLAY', onClose: 'RELOAD' },
        },
      },
      stateChanged: true,
    };
    expect(validateActionResponse(r).errors).toEqual([]);
    const scope = { renderActions: { hostAppAction: { editorAction: { requestFileScopeForActiveDocument: {} } } } };
    expect(validateActionResponse(scope).errors).toEqual([]);
  });

  test('validates pushed cards and reports their functions and widget kinds', () => {
    const r = {
      renderActions: {
        action: {
          navigations: [{ pushCard: card([{ buttonList: { buttons: [button('onSave')] } }, { textParagraph: {} }]) }],
        },
      },
    };
    const v = validateActionResponse(r);
    expect(v.errors).toEqual([
      'response.renderActions.action.navigations[0].pushCard.sections[0].widgets[1].textParagraph: "text" is required.',
    ]);
    expect(v.actionFunctions).toEqual(['onSave']);
    expect(v.widgetKinds).toEqual(['buttonList', 'textParagraph']);
  });

  test('rejects malformed responses', () => {
    const v = validateActionResponse({
      renderActions: {
        action: {
          navigations: [{ popCard: 1 }, { pushCard: card([para('x')]), popCard: true }, { goBack: true }],
          notification: { message: 'x' },
          link: { href: 'https://e.com' },
        },
        extra: 1,
      },
      stateChanged: 'yes',
    });
    expect(v.errors).toEqual([
      'response.stateChanged: expected a boolean.',
      'response.renderActions.extra: unknown field (expected action, hostAppAction).',
      'response.renderActions.action.navigations[0].popCard: must be true.',
      'response.renderActions.action.navigations[1]: a navigation must have exactly one step, found 2 (pushCard, popCard).',
      'response.renderActions.action.navigations[2].goBack: unknown navigation step.',
      'response.renderActions.action.notification.message: unknown field (expected text).',
      'response.renderActions.action.notification: "text" is required.',
      'response.renderActions.action.link.href: unknown field (GoogleAppsCardV1OpenLink has no "href").',
      'response.renderActions.action.link: "url" is required.',
    ]);
    expect(validateActionResponse({}).errors).toEqual(['response.renderActions: is required and must be an object.']);
    expect(validateActionResponse({ renderActions: { hostAppAction: { editorAction: {} } } }).errors).toEqual([
      'response.renderActions.hostAppAction: only { editorAction: { requestFileScopeForActiveDocument: {} } } is emulated.',
    ]);
  });
});

describe('validateRenderResult', () => {
  test('dispatches on a card, an array of cards or an action response', () => {
    expect(validateRenderResult(card([para('x')])).errors).toEqual([]);
    expect(validateRenderResult([card([para('x')]), { sections: [] }]).errors).toEqual([
      'cards[1]: a card must have at least one section.',
    ]);
    expect(validateRenderResult([]).errors).toEqual(['cards: an entry point returned an empty array of cards.']);
    expect(validateRenderResult({ renderActions: { action: { notification: { text: 'x' } } } }).errors).toEqual([]);
  });
});
