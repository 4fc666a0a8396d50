/**
 * CardService used the way the bundle uses it: installed as the `CardService` global of a fresh `vm` context and
 * called from script code (another realm). Checks that builders, enums, identity checks and errors work across
 * realms, and that thrown errors are the script realm's `Error`.
 */
import * as vm from 'vm';
import { createCardService } from '../../../emulator/cards/cardService';
import { validateRenderResult } from '../../../emulator/cards/validate';

/** A context with CardService installed; errors are created by the context's own Error constructor. */
function scriptContext(): vm.Context {
  const context = vm.createContext({});
  const makeError = vm.runInContext('(message) => new Error(message)', context) as (m: string) => Error;
  context.CardService = createCardService(makeError);
  return context;
}

const BUNDLE_LIKE = `
function buildHomeCard(spaces) {
  var section = CardService.newCardSection().setHeader('Your spaces');
  spaces.forEach(function (s) {
    section.addWidget(
      CardService.newDecoratedText()
        .setText(s.name)
        .setBottomLabel(s.members + ' members')
        .setStartIcon(CardService.newIconImage().setIcon(CardService.Icon.MULTIPLE_PEOPLE))
        .setOnClickAction(CardService.newAction().setFunctionName('onOpenSpace').setParameters({ space: s.id }))
    );
  });
  return CardService.newCardBuilder()
    .setHeader(CardService.newCardHeader().setTitle('Chat spaces'))
    .addSection(section)
    .setFixedFooter(CardService.newFixedFooter().setPrimaryButton(
      CardService.newTextButton().setText('Refresh')
        .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
        .setOnClickAction(CardService.newAction().setFunctionName('onRefresh'))))
    .build();
}
function onHomepage(e) {
  return buildHomeCard([{ id: 'spaces/AAA', name: 'Sales', members: 3 }, { id: 'spaces/BBB', name: 'Ops', members: 12 }]);
}
function onOpenSpace(e) {
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().pushCard(buildHomeCard([])))
    .setNotification(CardService.newNotification().setText('Opened ' + e.parameters.space))
    .build();
}
`;

describe('CardService in a vm context', () => {
  test('a script builds a card and printJson returns card JSON', () => {
    const context = scriptContext();
    vm.runInContext(BUNDLE_LIKE, context);
    const printed = vm.runInContext('onHomepage({}).printJson()', context) as string;
    const card = JSON.parse(printed);
    expect(card.header).toEqual({ title: 'Chat spaces' });
    expect(card.sections[0].widgets).toHaveLength(2);
    expect(card.sections[0].widgets[0].decoratedText.onClick.action).toEqual({
      function: 'onOpenSpace',
      parameters: [{ key: 'space', value: 'spaces/AAA' }],
    });
    expect(card.fixedFooter.primaryButton.type).toBe('FILLED');
    const v = validateRenderResult(card);
    expect(v.errors).toEqual([]);
    expect(v.actionFunctions).toEqual(['onOpenSpace', 'onRefresh']);
  });

  test('a build error inside a callback reaches the script as its own Error', () => {
    const context = scriptContext();
    vm.runInContext(BUNDLE_LIKE, context);
    // buildHomeCard([]) makes a section without widgets, which build() refuses.
    const message = vm.runInContext(
      "try { onOpenSpace({ parameters: { space: 'spaces/AAA' } }); 'no error' } catch (e) { (e instanceof Error) + ':' + e.message }",
      context,
    );
    expect(message).toBe('true:CardSection must have at least one widget: call addWidget().');
  });

  test('errors thrown to the script are instances of the script realm Error', () => {
    const context = scriptContext();
    const result = vm.runInContext(
      `(function () {
        try { CardService.newTextButton().setTextButtonStyle('FILLED'); return 'no error'; }
        catch (e) { return [e instanceof Error, e.message]; }
      })()`,
      context,
    ) as [boolean, string];
    expect(result[0]).toBe(true);
    expect(result[1]).toBe(
      "The parameters (String) don't match the method signature for CardService.TextButton.setTextButtonStyle.",
    );
  });

  test('script-realm objects and arrays are accepted as parameter maps and card arrays', () => {
    const context = scriptContext();
    const printed = vm.runInContext(
      `(function () {
        var card = CardService.newCardBuilder().addSection(CardService.newCardSection()
          .addWidget(CardService.newTextButton().setText('Go')
            .setOnClickAction(CardService.newAction().setFunctionName('go').setParameters({ a: '1', b: 'two' }))))
          .build();
        return CardService.newUniversalActionResponseBuilder().displayAddOnCards([card, card]).build().printJson();
      })()`,
      context,
    ) as string;
    const r = JSON.parse(printed);
    expect(r.renderActions.action.navigations).toHaveLength(2);
    expect(
      r.renderActions.action.navigations[0].pushCard.sections[0].widgets[0].buttonList.buttons[0].onClick.action
        .parameters,
    ).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: 'two' },
    ]);
  });

  test('enum identity and toString work from the script', () => {
    const context = scriptContext();
    const out = vm.runInContext(
      `[CardService.LoadIndicator.SPINNER === CardService.LoadIndicator.SPINNER,
        String(CardService.LoadIndicator.SPINNER),
        CardService.SelectionInputType.DROPDOWN.name(),
        Object.keys(CardService.OpenAs).join(',')]`,
      context,
    ) as unknown[];
    expect(Array.from(out)).toEqual([true, 'SPINNER', 'DROPDOWN', 'FULL_SIZE,OVERLAY']);
  });

  test('the editor file-scope request from a script', () => {
    const context = scriptContext();
    const printed = vm.runInContext(
      'CardService.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument().build().printJson()',
      context,
    ) as string;
    expect(JSON.parse(printed)).toEqual({
      renderActions: { hostAppAction: { editorAction: { requestFileScopeForActiveDocument: {} } } },
    });
  });
});
