/**
 * CardService errors: Apps Script's signature errors for wrong argument types (K9 for the exact type names), and
 * `build()` validation errors for invalid builders (emulator-worded, K10), including the documented limits of 100
 * sections per card and 100 widgets per section.
 */
import { createCardService } from '../../../emulator/cards/cardService';
import { action, newCardService, type Dyn } from './helpers';

let cs: Dyn;
beforeEach(() => {
  cs = newCardService();
});

/** A card holding one widget; building it runs the widget's validation. */
function buildWith(widget: Dyn): Dyn {
  return cs.newCardBuilder().addSection(cs.newCardSection().addWidget(widget)).build();
}

describe('signature errors', () => {
  test('a string where an enum is expected', () => {
    expect(() => cs.newTextButton().setTextButtonStyle('FILLED')).toThrow(
      "The parameters (String) don't match the method signature for CardService.TextButton.setTextButtonStyle.",
    );
  });

  test('an enum of the wrong type', () => {
    expect(() => cs.newCardHeader().setImageStyle(cs.ImageCropType.CIRCLE)).toThrow(
      "The parameters (CardService.ImageCropType) don't match the method signature for CardService.CardHeader.setImageStyle.",
    );
  });

  test('a builder instead of a built card, and a widget of the wrong class', () => {
    expect(() => cs.newNavigation().pushCard(cs.newCardBuilder())).toThrow(
      "The parameters (CardService.CardBuilder) don't match the method signature for CardService.Navigation.pushCard.",
    );
    expect(() => cs.newCardSection().addWidget(cs.newSwitch())).toThrow(/CardService\.CardSection\.addWidget/);
    expect(() => cs.newCardSection().addWidget({ textParagraph: { text: 'x' } })).toThrow(
      "The parameters (Object) don't match",
    );
    expect(() => cs.newFixedFooter().setPrimaryButton(cs.newImageButton())).toThrow(/FixedFooter\.setPrimaryButton/);
    expect(() => cs.newColumn().addWidget(cs.newDivider())).toThrow(/Column\.addWidget/);
  });

  test('wrong arity and missing arguments', () => {
    expect(() => cs.newTextParagraph().setText()).toThrow(
      "The parameters () don't match the method signature for CardService.TextParagraph.setText.",
    );
    expect(() => cs.newSelectionInput().addItem('a', 'b')).toThrow("The parameters (String,String) don't match");
    expect(() => cs.newTextParagraph().setText(null)).toThrow("The parameters (null) don't match");
    expect(() => cs.newCardBuilder('x')).toThrow(/CardService\.newCardBuilder/);
  });

  test('booleans and integers are checked; numbers are accepted where strings are expected', () => {
    expect(() => cs.newTextButton().setDisabled('true')).toThrow("The parameters (String) don't match");
    expect(() => cs.newTextParagraph().setMaxLines(1.5)).toThrow("The parameters (number) don't match");
    expect(() => cs.newTextParagraph().setText(42)).not.toThrow();
  });

  test('unknown methods are not functions, as in Apps Script', () => {
    expect(() => cs.newCardBuilder().addWidget(cs.newDivider())).toThrow(TypeError);
    expect(cs.newAuthorizationAction).toBeUndefined();
  });

  test('errors are created by the makeError the runtime passes', () => {
    class ScriptError extends Error {}
    const scs: Dyn = createCardService((m) => new ScriptError(m));
    expect(() => scs.newCardBuilder().build()).toThrow(ScriptError);
  });
});

describe('build() errors', () => {
  test('a card without sections (K4)', () => {
    expect(() => cs.newCardBuilder().setHeader(cs.newCardHeader().setTitle('t')).build()).toThrow(
      'Card must have at least one section: call addSection().',
    );
    const lenient = newCardService({ requireSections: false });
    const card = lenient.newCardBuilder().setHeader(lenient.newCardHeader().setTitle('t')).build();
    expect(JSON.parse(card.printJson())).toEqual({ header: { title: 't' }, sections: [] });
  });

  test('a section without widgets', () => {
    expect(() => cs.newCardBuilder().addSection(cs.newCardSection().setHeader('h')).build()).toThrow(
      'CardSection must have at least one widget: call addWidget().',
    );
  });

  test('a header without a title', () => {
    const b = cs
      .newCardBuilder()
      .setHeader(cs.newCardHeader().setSubtitle('s'))
      .addSection(cs.newCardSection().addWidget(cs.newDivider()));
    expect(() => b.build()).toThrow('CardHeader must have a title: call setTitle().');
  });

  test.each([
    ['TextParagraph without text', () => cs.newTextParagraph(), 'TextParagraph must have text'],
    ['DecoratedText without text', () => cs.newDecoratedText().setTopLabel('x'), 'DecoratedText must have text'],
    [
      'TextButton without text',
      () => cs.newTextButton().setOnClickAction(action(cs, 'f')),
      'TextButton must have text',
    ],
    ['TextButton without action', () => cs.newTextButton().setText('x'), 'TextButton must have an action'],
    [
      'ImageButton without icon',
      () => cs.newImageButton().setOnClickAction(action(cs, 'f')),
      'ImageButton must have an icon',
    ],
    [
      'Action without function name',
      () => cs.newTextButton().setText('x').setOnClickAction(cs.newAction()),
      'Action must have a function name',
    ],
    [
      'OpenLink without URL',
      () => cs.newTextButton().setText('x').setOpenLink(cs.newOpenLink()),
      'OpenLink must have a URL',
    ],
    ['Image without URL', () => cs.newImage(), 'Image must have a URL'],
    ['TextInput without field name', () => cs.newTextInput().setTitle('t'), 'TextInput must have a field name'],
    ['TextInput without title', () => cs.newTextInput().setFieldName('f'), 'TextInput must have a title'],
    ['SelectionInput without field name', () => cs.newSelectionInput(), 'SelectionInput must have a field name'],
    ['DatePicker without field name', () => cs.newDatePicker(), 'DatePicker must have a field name'],
    [
      'Switch without field name',
      () => cs.newDecoratedText().setText('x').setSwitchControl(cs.newSwitch()),
      'Switch must have a field name',
    ],
    ['empty ButtonSet', () => cs.newButtonSet(), 'ButtonSet must have at least one button'],
    ['empty Columns', () => cs.newColumns(), 'Columns must have at least one column'],
    [
      'IconImage without icon',
      () => cs.newDecoratedText().setText('x').setStartIcon(cs.newIconImage()),
      'IconImage must have an icon',
    ],
    [
      'DecoratedText with button and switch',
      () =>
        cs
          .newDecoratedText()
          .setText('x')
          .setButton(cs.newTextButton().setText('b').setOnClickAction(action(cs, 'f')))
          .setSwitchControl(cs.newSwitch().setFieldName('s')),
      'DecoratedText can have only one of setButton, setSwitchControl or setEndIcon',
    ],
    [
      'two kinds of click handler',
      () =>
        cs
          .newTextButton()
          .setText('x')
          .setOnClickAction(action(cs, 'f'))
          .setOpenLink(cs.newOpenLink().setUrl('https://e.com')),
      'TextButton can have only one of setOnClickAction, setOpenLink',
    ],
    [
      'bad background colour',
      () => cs.newTextButton().setText('x').setBackgroundColor('blue').setOnClickAction(action(cs, 'f')),
      'is not a hex colour',
    ],
  ])('%s', (_name, make, message) => {
    expect(() => buildWith(make())).toThrow(message);
  });

  test('a fixed footer needs a primary button; a card action needs text and an action', () => {
    const base = (): Dyn => cs.newCardBuilder().addSection(cs.newCardSection().addWidget(cs.newDivider()));
    const b = cs.newTextButton().setText('x').setOnClickAction(action(cs, 'f'));
    expect(() => base().setFixedFooter(cs.newFixedFooter().setSecondaryButton(b)).build()).toThrow(
      'FixedFooter must have a primary button',
    );
    expect(() =>
      base()
        .addCardAction(cs.newCardAction().setOnClickAction(action(cs, 'f')))
        .build(),
    ).toThrow('CardAction must have text');
    expect(() => base().addCardAction(cs.newCardAction().setText('x')).build()).toThrow(
      'CardAction must have an action',
    );
  });

  test('IconImage accepts only SQUARE or CIRCLE crop', () => {
    const icon = cs.newIconImage().setIcon(cs.Icon.STAR).setImageCropType(cs.ImageCropType.RECTANGLE_4_3);
    expect(() => buildWith(cs.newDecoratedText().setText('x').setStartIcon(icon))).toThrow(
      /only ImageCropType.SQUARE or CIRCLE/,
    );
  });

  test('a failed build can be fixed and built again', () => {
    const p = cs.newTextParagraph();
    const b = cs.newCardBuilder().addSection(cs.newCardSection().addWidget(p));
    expect(() => b.build()).toThrow();
    p.setText('now');
    expect(() => b.build()).not.toThrow();
  });
});

describe('limits', () => {
  test('100 sections are accepted; the 101st is refused', () => {
    const b = cs.newCardBuilder();
    for (let i = 0; i < 100; i++) b.addSection(cs.newCardSection().addWidget(cs.newDivider()));
    expect(JSON.parse(b.build().printJson()).sections).toHaveLength(100);
    expect(() => b.addSection(cs.newCardSection().addWidget(cs.newDivider()))).toThrow(
      'A card can have at most 100 sections.',
    );
  });

  test('100 widgets per section are accepted; the 101st is refused', () => {
    const s = cs.newCardSection();
    for (let i = 0; i < 100; i++) s.addWidget(cs.newDivider());
    expect(() => s.addWidget(cs.newDivider())).toThrow('A card section can have at most 100 widgets.');
  });

  test('100 selection items are accepted; the 101st is refused', () => {
    const s = cs.newSelectionInput().setFieldName('f');
    for (let i = 0; i < 100; i++) s.addItem(`i${i}`, `v${i}`, false);
    expect(() => s.addItem('x', 'x', false)).toThrow('A SelectionInput can have at most 100 items.');
  });

  test('TimePicker hours and minutes are range-checked', () => {
    expect(() => cs.newTimePicker().setHours(24)).toThrow('Hours must be between 0 and 23, not 24.');
    expect(() => cs.newTimePicker().setMinutes(-1)).toThrow('Minutes must be between 0 and 59, not -1.');
  });
});

describe('setParameters: keys and values must be strings (K11)', () => {
  test.each([
    [{ row: 3 }, 'number'],
    [{ ok: true }, 'boolean'],
    [{ n: null }, 'null'],
    [{ o: { a: '1' } }, 'object'],
  ])('%j is refused', (params, type) => {
    expect(() => cs.newAction().setParameters(params)).toThrow(
      `Action parameters must be strings: the value of parameter`,
    );
    expect(() => cs.newAction().setParameters(params)).toThrow(`is ${type}.`);
  });

  test('an array, a builder or a string is not a parameter map', () => {
    expect(() => cs.newAction().setParameters(['a'])).toThrow("The parameters (Object[]) don't match");
    expect(() => cs.newAction().setParameters(cs.newAction())).toThrow(
      "The parameters (CardService.Action) don't match",
    );
    expect(() => cs.newAction().setParameters('a=1')).toThrow("The parameters (String) don't match");
  });
});

describe('onCall hook', () => {
  test('reports every service call for counting', () => {
    const calls: string[] = [];
    const counted = newCardService({ onCall: (m) => calls.push(m) });
    counted.newCardBuilder().addSection(counted.newCardSection().addWidget(counted.newDivider())).build();
    expect(calls).toEqual([
      'CardService.newCardBuilder',
      'CardService.newCardSection',
      'CardService.newDivider',
      'CardService.CardSection.addWidget',
      'CardService.CardBuilder.addSection',
      'CardService.CardBuilder.build',
    ]);
  });
});
