/**
 * What card callbacks return: ActionResponse with navigation (push / pop / pop to root / pop to named card /
 * update), notification, open link and stateChanged; UniversalActionResponse; and the editor `drive.file` request.
 * Shapes follow the Workspace add-on render actions (`renderActions.action.navigations[0].pushCard`, open-questions
 * Q5); the exact Apps Script printJson bytes are unconfirmed (K1, K12).
 */
import { validateActionResponse } from '../../../emulator/cards/validate';
import { action, json, newCardService, type Dyn } from './helpers';

let cs: Dyn;
beforeEach(() => {
  cs = newCardService();
});

function simpleCard(title: string, name?: string): Dyn {
  const b = cs
    .newCardBuilder()
    .setHeader(cs.newCardHeader().setTitle(title))
    .addSection(cs.newCardSection().addWidget(cs.newTextParagraph().setText(title)));
  if (name) b.setName(name);
  return b.build();
}

const cardJson = (title: string, name?: string): Dyn => ({
  header: { title },
  sections: [{ widgets: [{ textParagraph: { text: title } }] }],
  ...(name ? { name } : {}),
});

describe('ActionResponseBuilder', () => {
  test('pushCard navigation', () => {
    const r = cs
      .newActionResponseBuilder()
      .setNavigation(cs.newNavigation().pushCard(simpleCard('Space')))
      .build();
    expect(json(r)).toEqual({ renderActions: { action: { navigations: [{ pushCard: cardJson('Space') }] } } });
    expect((json(r) as Dyn).renderActions.action.navigations[0].pushCard.header.title).toBe('Space');
    expect(validateActionResponse(json(r)).errors).toEqual([]);
  });

  test('chained navigation steps keep their order', () => {
    const nav = cs
      .newNavigation()
      .popToRoot()
      .pushCard(simpleCard('A', 'a'))
      .popCard()
      .popToNamedCard('home')
      .updateCard(simpleCard('B'));
    const r = cs.newActionResponseBuilder().setNavigation(nav).build();
    expect(json(r)).toEqual({
      renderActions: {
        action: {
          navigations: [
            { popToRoot: true },
            { pushCard: cardJson('A', 'a') },
            { popCard: true },
            { popToCard: 'home' },
            { updateCard: cardJson('B') },
          ],
        },
      },
    });
    expect(validateActionResponse(json(r)).errors).toEqual([]);
  });

  test('notification, open link and stateChanged together', () => {
    const r = cs
      .newActionResponseBuilder()
      .setNotification(cs.newNotification().setText('3 spaces created'))
      .setOpenLink(cs.newOpenLink().setUrl('https://chat.google.com/room/AAA').setOpenAs(cs.OpenAs.FULL_SIZE))
      .setStateChanged(true)
      .build();
    expect(json(r)).toEqual({
      renderActions: {
        action: {
          notification: { text: '3 spaces created' },
          link: { url: 'https://chat.google.com/room/AAA', openAs: 'FULL_SIZE' },
        },
      },
      stateChanged: true,
    });
    expect(validateActionResponse(json(r)).errors).toEqual([]);
  });

  test('a notification needs text; a navigation needs a step', () => {
    expect(() => cs.newActionResponseBuilder().setNotification(cs.newNotification()).build()).toThrow(
      'Notification must have text: call setText().',
    );
    expect(() => cs.newActionResponseBuilder().setNavigation(cs.newNavigation()).build()).toThrow(
      'Navigation must have at least one step',
    );
  });

  test('an empty response builds to an empty action (K12)', () => {
    expect(json(cs.newActionResponseBuilder().build())).toEqual({ renderActions: { action: {} } });
  });

  test('Navigation.printJson prints its steps', () => {
    expect(JSON.parse(cs.newNavigation().popCard().printJson())).toEqual({ navigations: [{ popCard: true }] });
  });

  test('a pushed card is the card as built, not as its builder later became', () => {
    const builder = cs.newCardBuilder().addSection(cs.newCardSection().addWidget(cs.newTextParagraph().setText('v1')));
    const nav = cs.newNavigation().pushCard(builder.build());
    builder.setName('changed');
    const r = json(cs.newActionResponseBuilder().setNavigation(nav).build()) as Dyn;
    expect(r.renderActions.action.navigations[0].pushCard.name).toBeUndefined();
  });
});

describe('UniversalActionResponseBuilder', () => {
  test('displayAddOnCards pushes each card (K13)', () => {
    const r = cs
      .newUniversalActionResponseBuilder()
      .displayAddOnCards([simpleCard('A'), simpleCard('B')])
      .build();
    expect(json(r)).toEqual({
      renderActions: { action: { navigations: [{ pushCard: cardJson('A') }, { pushCard: cardJson('B') }] } },
    });
    expect(validateActionResponse(json(r)).errors).toEqual([]);
  });

  test('setOpenLink prints a link', () => {
    const r = cs
      .newUniversalActionResponseBuilder()
      .setOpenLink(cs.newOpenLink().setUrl('https://example.com/help'))
      .build();
    expect(json(r)).toEqual({ renderActions: { action: { link: { url: 'https://example.com/help' } } } });
  });

  test('needs cards or a link, not both, and only built cards', () => {
    expect(() => cs.newUniversalActionResponseBuilder().build()).toThrow('must display cards or open a link');
    const both = cs
      .newUniversalActionResponseBuilder()
      .displayAddOnCards([simpleCard('A')])
      .setOpenLink(cs.newOpenLink().setUrl('https://e.com'));
    expect(() => both.build()).toThrow('only one of displayAddOnCards or setOpenLink');
    expect(() => cs.newUniversalActionResponseBuilder().displayAddOnCards([cs.newCardBuilder()])).toThrow(
      "The parameters (Object[]) don't match the method signature for CardService.UniversalActionResponseBuilder.displayAddOnCards.",
    );
  });
});

describe('EditorFileScopeActionResponseBuilder', () => {
  test('requestFileScopeForActiveDocument prints the editor host-app action', () => {
    const r = cs.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument().build();
    expect(json(r)).toEqual({
      renderActions: { hostAppAction: { editorAction: { requestFileScopeForActiveDocument: {} } } },
    });
    expect(validateActionResponse(json(r)).errors).toEqual([]);
  });

  test('building without requesting anything fails', () => {
    expect(() => cs.newEditorFileScopeActionResponseBuilder().build()).toThrow(
      'EditorFileScopeActionResponse must request something: call requestFileScopeForActiveDocument().',
    );
  });
});

describe('a typical add-on callback', () => {
  test('button action that pushes a detail card with form inputs and a footer', () => {
    const detail = cs
      .newCardBuilder()
      .setName('space-detail')
      .setHeader(cs.newCardHeader().setTitle('Team room').setSubtitle('spaces/AAA'))
      .addSection(
        cs
          .newCardSection()
          .setHeader('Add member')
          .addWidget(cs.newTextInput().setFieldName('email').setTitle('Email'))
          .addWidget(
            cs
              .newSelectionInput()
              .setType(cs.SelectionInputType.DROPDOWN)
              .setFieldName('role')
              .setTitle('Role')
              .addItem('Member', 'ROLE_MEMBER', true)
              .addItem('Manager', 'ROLE_MANAGER', false),
          ),
      )
      .setFixedFooter(
        cs.newFixedFooter().setPrimaryButton(
          cs
            .newTextButton()
            .setText('Add')
            .setOnClickAction(action(cs, 'onAddMember').setParameters({ space: 'spaces/AAA' })),
        ),
      )
      .build();
    const r = json(cs.newActionResponseBuilder().setNavigation(cs.newNavigation().pushCard(detail)).build());
    const v = validateActionResponse(r);
    expect(v.errors).toEqual([]);
    expect(v.actionFunctions).toEqual(['onAddMember']);
    expect(v.widgetKinds).toEqual(['selectionInput', 'textInput']);
  });
});
