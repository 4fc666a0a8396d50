/**
 * CardService builders print google.apps.card.v1 JSON with the field names of the discovery schemas
 * (`GoogleAppsCardV1*`): one test per builder family, comparing whole objects. Only fields the script set are
 * printed (known difference K2); int64 values print as strings (K3).
 */
import { validateCard } from '../../../emulator/cards/validate';
import { action, json, newCardService, widgetJson, type Dyn } from './helpers';

let cs: Dyn;
beforeEach(() => {
  cs = newCardService();
});

describe('card, header, section', () => {
  test('full card prints header, sections, card actions, name, footer, display style and peek header', () => {
    const card = cs
      .newCardBuilder()
      .setHeader(
        cs
          .newCardHeader()
          .setTitle('Chat spaces')
          .setSubtitle('12 spaces')
          .setImageUrl('https://example.com/logo.png')
          .setImageStyle(cs.ImageStyle.CIRCLE)
          .setImageAltText('Logo'),
      )
      .addSection(
        cs
          .newCardSection()
          .setHeader('Recent')
          .setCollapsible(true)
          .setNumUncollapsibleWidgets(1)
          .addWidget(cs.newTextParagraph().setText('One'))
          .addWidget(cs.newDivider()),
      )
      .setName('home')
      .addCardAction(cs.newCardAction().setText('Settings').setOnClickAction(action(cs, 'onSettings')))
      .setFixedFooter(
        cs
          .newFixedFooter()
          .setPrimaryButton(cs.newTextButton().setText('Apply').setOnClickAction(action(cs, 'onApply')))
          .setSecondaryButton(cs.newTextButton().setText('Preview').setOnClickAction(action(cs, 'onPreview'))),
      )
      .setDisplayStyle(cs.DisplayStyle.REPLACE)
      .setPeekCardHeader(cs.newCardHeader().setTitle('Peek'))
      .build();
    expect(json(card)).toEqual({
      header: {
        title: 'Chat spaces',
        subtitle: '12 spaces',
        imageType: 'CIRCLE',
        imageUrl: 'https://example.com/logo.png',
        imageAltText: 'Logo',
      },
      sections: [
        {
          header: 'Recent',
          widgets: [{ textParagraph: { text: 'One' } }, { divider: {} }],
          collapsible: true,
          uncollapsibleWidgetsCount: 1,
        },
      ],
      cardActions: [{ actionLabel: 'Settings', onClick: { action: { function: 'onSettings' } } }],
      name: 'home',
      fixedFooter: {
        primaryButton: { text: 'Apply', onClick: { action: { function: 'onApply' } } },
        secondaryButton: { text: 'Preview', onClick: { action: { function: 'onPreview' } } },
      },
      displayStyle: 'REPLACE',
      peekCardHeader: { title: 'Peek' },
    });
    expect(validateCard(json(card)).errors).toEqual([]);
  });

  test('minimal card: only sections (K2: unset fields are omitted)', () => {
    const card = cs
      .newCardBuilder()
      .addSection(cs.newCardSection().addWidget(cs.newTextParagraph().setText('x')))
      .build();
    expect(json(card)).toEqual({ sections: [{ widgets: [{ textParagraph: { text: 'x' } }] }] });
  });

  test('printJson is pretty-printed JSON with two-space indentation (K1)', () => {
    const card = cs.newCardBuilder().addSection(cs.newCardSection().addWidget(cs.newDivider())).build();
    expect(card.printJson()).toBe(JSON.stringify({ sections: [{ widgets: [{ divider: {} }] }] }, null, 2));
  });

  test('a built card is a snapshot: later builder changes do not alter it', () => {
    const section = cs.newCardSection().addWidget(cs.newTextParagraph().setText('a'));
    const builder = cs.newCardBuilder().addSection(section);
    const first = builder.build();
    section.addWidget(cs.newTextParagraph().setText('b'));
    expect((json(first).sections as Dyn)[0].widgets).toHaveLength(1);
    expect((json(builder.build()).sections as Dyn)[0].widgets).toHaveLength(2);
  });

  test('builder objects chain, stringify as their class and are frozen', () => {
    const b = cs.newCardBuilder();
    expect(b.setName('x')).toBe(b);
    expect(String(b)).toBe('CardBuilder');
    expect(Object.isFrozen(b)).toBe(true);
    expect(String(cs)).toBe('CardService');
  });
});

describe('text widgets', () => {
  test('TextParagraph with maxLines', () => {
    expect(widgetJson(cs, cs.newTextParagraph().setText('<b>Hi</b>').setMaxLines(2))).toEqual({
      textParagraph: { text: '<b>Hi</b>', maxLines: 2 },
    });
  });

  test('DecoratedText with labels, start icon, wrap, click action and button', () => {
    const w = cs
      .newDecoratedText()
      .setTopLabel('Space')
      .setText('Team room')
      .setBottomLabel('3 members')
      .setWrapText(true)
      .setStartIcon(cs.newIconImage().setIcon(cs.Icon.MULTIPLE_PEOPLE).setAltText('People'))
      .setOnClickAction(action(cs, 'openSpace').setParameters({ space: 'spaces/AAA' }))
      .setButton(cs.newTextButton().setText('Open').setOpenLink(cs.newOpenLink().setUrl('https://chat.google.com/')));
    expect(widgetJson(cs, w)).toEqual({
      decoratedText: {
        startIcon: { knownIcon: 'MULTIPLE_PEOPLE', altText: 'People' },
        topLabel: 'Space',
        text: 'Team room',
        wrapText: true,
        bottomLabel: '3 members',
        onClick: { action: { function: 'openSpace', parameters: [{ key: 'space', value: 'spaces/AAA' }] } },
        button: { text: 'Open', onClick: { openLink: { url: 'https://chat.google.com/' } } },
      },
    });
  });

  test('DecoratedText with a switch control and an end icon URL', () => {
    const sw = cs
      .newSwitch()
      .setFieldName('history')
      .setValue('on')
      .setSelected(true)
      .setControlType(cs.SwitchControlType.CHECK_BOX)
      .setOnChangeAction(action(cs, 'onToggle'));
    expect(widgetJson(cs, cs.newDecoratedText().setText('History').setSwitchControl(sw))).toEqual({
      decoratedText: {
        text: 'History',
        switchControl: {
          name: 'history',
          value: 'on',
          selected: true,
          onChangeAction: { function: 'onToggle' },
          controlType: 'CHECK_BOX',
        },
      },
    });
    const end = cs.newIconImage().setIconUrl('https://example.com/i.png').setImageCropType(cs.ImageCropType.CIRCLE);
    expect(widgetJson(cs, cs.newDecoratedText().setText('x').setEndIcon(end))).toEqual({
      decoratedText: { text: 'x', endIcon: { iconUrl: 'https://example.com/i.png', imageType: 'CIRCLE' } },
    });
  });

  test('KeyValue (deprecated) prints as decoratedText (K5)', () => {
    const w = cs
      .newKeyValue()
      .setTopLabel('Status')
      .setContent('Created')
      .setIcon(cs.Icon.STAR)
      .setIconAltText('star')
      .setMultiline(true);
    expect(widgetJson(cs, w)).toEqual({
      decoratedText: {
        startIcon: { knownIcon: 'STAR', altText: 'star' },
        topLabel: 'Status',
        text: 'Created',
        wrapText: true,
      },
    });
  });

  test('Image with alt text and link', () => {
    const w = cs
      .newImage()
      .setImageUrl('https://example.com/a.png')
      .setAltText('A')
      .setOpenLink(
        cs.newOpenLink().setUrl('https://example.com').setOpenAs(cs.OpenAs.OVERLAY).setOnClose(cs.OnClose.RELOAD),
      );
    expect(widgetJson(cs, w)).toEqual({
      image: {
        imageUrl: 'https://example.com/a.png',
        onClick: { openLink: { url: 'https://example.com', openAs: 'OVERLAY', onClose: 'RELOAD' } },
        altText: 'A',
      },
    });
  });
});

describe('buttons', () => {
  test('TextButton alone in a section prints as a one-button buttonList with style, colour and disabled', () => {
    const w = cs
      .newTextButton()
      .setText('Create')
      .setTextButtonStyle(cs.TextButtonStyle.FILLED)
      .setBackgroundColor('#0b57d0')
      .setDisabled(false)
      .setAltText('Create spaces')
      .setOnClickAction(action(cs, 'onCreate').setLoadIndicator(cs.LoadIndicator.SPINNER).setPersistValues(true));
    expect(widgetJson(cs, w)).toEqual({
      buttonList: {
        buttons: [
          {
            text: 'Create',
            color: { red: 0.0431, green: 0.3412, blue: 0.8157 },
            onClick: { action: { function: 'onCreate', loadIndicator: 'SPINNER', persistValues: true } },
            disabled: false,
            altText: 'Create spaces',
            type: 'FILLED',
          },
        ],
      },
    });
  });

  test.each([
    ['OUTLINED', 'OUTLINED'],
    ['FILLED_TONAL', 'FILLED_TONAL'],
    ['BORDERLESS', 'BORDERLESS'],
    ['TEXT', 'OUTLINED'],
  ])('TextButtonStyle.%s prints type %s (K6 for TEXT)', (style, printed) => {
    const w = cs
      .newTextButton()
      .setText('x')
      .setTextButtonStyle(cs.TextButtonStyle[style])
      .setOnClickAction(action(cs, 'f'));
    expect((widgetJson(cs, w) as Dyn).buttonList.buttons[0].type).toBe(printed);
  });

  test('ImageButton prints a button with an icon and alt text', () => {
    const w = cs
      .newImageButton()
      .setIcon(cs.Icon.EMAIL)
      .setAltText('Send')
      .setImageButtonStyle(cs.ImageButtonStyle.BORDERLESS)
      .setOnClickAction(action(cs, 'onSend'));
    expect(widgetJson(cs, w)).toEqual({
      buttonList: {
        buttons: [
          {
            icon: { knownIcon: 'EMAIL' },
            onClick: { action: { function: 'onSend' } },
            altText: 'Send',
            type: 'BORDERLESS',
          },
        ],
      },
    });
  });

  test('ButtonSet with a text button, a material-icon image button and an overflow menu', () => {
    const menu = cs
      .newOverflowMenu()
      .addMenuItem(
        cs
          .newOverflowMenuItem()
          .setText('Delete')
          .setStartIcon(cs.newIconImage().setIcon(cs.Icon.NONE).setIconUrl('https://e.com/d.png'))
          .setOnClickAction(action(cs, 'onDelete')),
      );
    const w = cs
      .newButtonSet()
      .addButton(cs.newTextButton().setText('More').setOverflowMenu(menu))
      .addButton(
        cs
          .newImageButton()
          .setMaterialIcon(cs.newMaterialIcon().setName('group_add').setFill(true).setWeight(400).setGrade(0))
          .setAltText('Add')
          .setOnClickAction(action(cs, 'onAdd')),
      );
    expect(widgetJson(cs, w)).toEqual({
      buttonList: {
        buttons: [
          {
            text: 'More',
            onClick: {
              overflowMenu: {
                items: [
                  {
                    startIcon: { iconUrl: 'https://e.com/d.png' },
                    text: 'Delete',
                    onClick: { action: { function: 'onDelete' } },
                  },
                ],
              },
            },
          },
          {
            icon: { materialIcon: { name: 'group_add', fill: true, weight: 400, grade: 0 } },
            onClick: { action: { function: 'onAdd' } },
            altText: 'Add',
          },
        ],
      },
    });
  });
});

describe('action parameters', () => {
  test('setParameters encodes an object as [{key, value}] in insertion order', () => {
    const w = cs
      .newTextButton()
      .setText('x')
      .setOnClickAction(action(cs, 'f').setParameters({ row: '3', sheet: 'Spaces', empty: '' }));
    expect((widgetJson(cs, w) as Dyn).buttonList.buttons[0].onClick.action.parameters).toEqual([
      { key: 'row', value: '3' },
      { key: 'sheet', value: 'Spaces' },
      { key: 'empty', value: '' },
    ]);
  });

  test('empty parameters are not printed; a later setParameters replaces earlier ones', () => {
    const a = action(cs, 'f').setParameters({});
    const w1 = cs.newTextButton().setText('x').setOnClickAction(a);
    expect((widgetJson(cs, w1) as Dyn).buttonList.buttons[0].onClick.action).toEqual({ function: 'f' });
    a.setParameters({ a: '1' }).setParameters({ b: '2' });
    expect((widgetJson(cs, w1) as Dyn).buttonList.buttons[0].onClick.action.parameters).toEqual([
      { key: 'b', value: '2' },
    ]);
  });

  test('interaction, required widgets and all-widgets-required', () => {
    const a = action(cs, 'f')
      .setInteraction(cs.Interaction.OPEN_DIALOG)
      .addRequiredWidget('name')
      .setAllWidgetsAreRequired(false);
    const w = cs.newTextButton().setText('x').setOnClickAction(a);
    expect((widgetJson(cs, w) as Dyn).buttonList.buttons[0].onClick.action).toEqual({
      function: 'f',
      interaction: 'OPEN_DIALOG',
      requiredWidgets: ['name'],
      allWidgetsAreRequired: false,
    });
  });

  test('setOnClickOpenLinkAction prints openDynamicLinkAction', () => {
    const w = cs.newTextButton().setText('x').setOnClickOpenLinkAction(action(cs, 'linkFor'));
    expect((widgetJson(cs, w) as Dyn).buttonList.buttons[0].onClick).toEqual({
      openDynamicLinkAction: { function: 'linkFor' },
    });
  });
});

describe('inputs', () => {
  test('TextInput with every setter', () => {
    const w = cs
      .newTextInput()
      .setFieldName('spaceName')
      .setTitle('Space name')
      .setHint('At most 128 characters')
      .setValue('Team')
      .setMultiline(true)
      .setOnChangeAction(action(cs, 'onName'))
      .setSuggestions(cs.newSuggestions().addSuggestion('Sales').addSuggestions(['Ops', 'HR']))
      .setSuggestionsAction(action(cs, 'suggest'))
      .setValidation(cs.newValidation().setCharacterLimit(128).setInputType(cs.InputType.TEXT));
    expect(widgetJson(cs, w)).toEqual({
      textInput: {
        name: 'spaceName',
        label: 'Space name',
        hintText: 'At most 128 characters',
        value: 'Team',
        type: 'MULTIPLE_LINE',
        onChangeAction: { function: 'onName' },
        initialSuggestions: { items: [{ text: 'Sales' }, { text: 'Ops' }, { text: 'HR' }] },
        autoCompleteAction: { function: 'suggest' },
        validation: { characterLimit: 128, inputType: 'TEXT' },
      },
    });
    expect(
      (widgetJson(cs, cs.newTextInput().setFieldName('a').setTitle('A').setMultiline(false)) as Dyn).textInput.type,
    ).toBe('SINGLE_LINE');
  });

  test.each(['CHECK_BOX', 'RADIO_BUTTON', 'DROPDOWN', 'SWITCH', 'MULTI_SELECT'])(
    'SelectionInput of type %s',
    (type) => {
      const w = cs
        .newSelectionInput()
        .setType(cs.SelectionInputType[type])
        .setFieldName('role')
        .setTitle('Role')
        .addItem('Member', 'ROLE_MEMBER', true)
        .addItem('Manager', 'ROLE_MANAGER', false)
        .setOnChangeAction(action(cs, 'onRole'));
      expect(widgetJson(cs, w)).toEqual({
        selectionInput: {
          name: 'role',
          label: 'Role',
          type,
          items: [
            { text: 'Member', value: 'ROLE_MEMBER', selected: true },
            { text: 'Manager', value: 'ROLE_MANAGER', selected: false },
          ],
          onChangeAction: { function: 'onRole' },
        },
      });
    },
  );

  test('SelectionInput.addItem stringifies text and value (they are Object parameters)', () => {
    const w = cs.newSelectionInput().setFieldName('n').addItem(1, 2, false);
    expect((widgetJson(cs, w) as Dyn).selectionInput.items).toEqual([{ text: '1', value: '2', selected: false }]);
  });

  test('multi-select options and external data source', () => {
    const w = cs
      .newSelectionInput()
      .setType(cs.SelectionInputType.MULTI_SELECT)
      .setFieldName('members')
      .setMultiSelectMaxSelectedItems(5)
      .setMultiSelectMinQueryLength(2)
      .setExternalDataSource(action(cs, 'searchPeople'));
    expect(widgetJson(cs, w)).toEqual({
      selectionInput: {
        name: 'members',
        type: 'MULTI_SELECT',
        items: [],
        multiSelectMaxSelectedItems: 5,
        multiSelectMinQueryLength: 2,
        externalDataSource: { function: 'searchPeople' },
      },
    });
  });

  test('DatePicker, DateTimePicker and TimePicker print dateTimePicker with type and string valueMsEpoch (K3)', () => {
    expect(
      widgetJson(cs, cs.newDatePicker().setFieldName('d').setTitle('Day').setValueInMsSinceEpoch(1672531200000)),
    ).toEqual({
      dateTimePicker: { name: 'd', label: 'Day', type: 'DATE_ONLY', valueMsEpoch: '1672531200000' },
    });
    const dt = cs
      .newDateTimePicker()
      .setFieldName('at')
      .setTitle('Send at')
      .setValueInMsSinceEpoch('1672574400000')
      .setTimeZoneOffsetInMins(-300)
      .setOnChangeAction(action(cs, 'onAt'));
    expect(widgetJson(cs, dt)).toEqual({
      dateTimePicker: {
        name: 'at',
        label: 'Send at',
        type: 'DATE_AND_TIME',
        valueMsEpoch: '1672574400000',
        timezoneOffsetDate: -300,
        onChangeAction: { function: 'onAt' },
      },
    });
    expect(
      (widgetJson(cs, cs.newDatePicker().setFieldName('d').setValueInMsSinceEpoch(1000.9)) as Dyn).dateTimePicker
        .valueMsEpoch,
    ).toBe('1000');
    expect(widgetJson(cs, cs.newTimePicker().setFieldName('t').setTitle('Time').setHours(9).setMinutes(30))).toEqual({
      dateTimePicker: { name: 't', label: 'Time', type: 'TIME_ONLY', valueMsEpoch: String((9 * 60 + 30) * 60000) },
    });
  });
});

describe('layout widgets', () => {
  test('Grid with items, border style, crop style and click action', () => {
    const item = cs
      .newGridItem()
      .setIdentifier('s1')
      .setTitle('Sales')
      .setSubtitle('12 members')
      .setLayout(cs.GridItemLayout.TEXT_BELOW)
      .setTextAlignment(cs.HorizontalAlignment.CENTER)
      .setImage(
        cs
          .newImageComponent()
          .setImageUrl('https://example.com/s.png')
          .setAltText('S')
          .setCropStyle(cs.newImageCropStyle().setImageCropType(cs.ImageCropType.RECTANGLE_CUSTOM).setAspectRatio(1.5))
          .setBorderStyle(
            cs.newBorderStyle().setType(cs.BorderType.STROKE).setStrokeColor('#ff0000').setCornerRadius(8),
          ),
      );
    const grid = cs
      .newGrid()
      .setTitle('Spaces')
      .setNumColumns(2)
      .addItem(item)
      .setBorderStyle(cs.newBorderStyle().setType(cs.BorderType.NO_BORDER))
      .setOnClickAction(action(cs, 'onGrid'));
    expect(widgetJson(cs, grid)).toEqual({
      grid: {
        title: 'Spaces',
        items: [
          {
            id: 's1',
            image: {
              imageUri: 'https://example.com/s.png',
              altText: 'S',
              cropStyle: { type: 'RECTANGLE_CUSTOM', aspectRatio: 1.5 },
              borderStyle: { cornerRadius: 8, strokeColor: { red: 1, green: 0, blue: 0 }, type: 'STROKE' },
            },
            title: 'Sales',
            subtitle: '12 members',
            layout: 'TEXT_BELOW',
          },
        ],
        borderStyle: { type: 'NO_BORDER' },
        columnCount: 2,
        onClick: { action: { function: 'onGrid' } },
      },
    });
  });

  test('Columns with column styles and nested widgets', () => {
    const col = cs
      .newColumn()
      .setHorizontalSizeStyle(cs.HorizontalSizeStyle.FILL_MINIMUM_SPACE)
      .setHorizontalAlignment(cs.HorizontalAlignment.END)
      .setVerticalAlignment(cs.VerticalAlignment.CENTER)
      .addWidget(cs.newTextParagraph().setText('left'))
      .addWidget(cs.newTextButton().setText('b').setOnClickAction(action(cs, 'f')));
    const w = cs.newColumns().addColumn(col).setWrapStyle(cs.WrapStyle.WRAP);
    expect(widgetJson(cs, w)).toEqual({
      columns: {
        columnItems: [
          {
            horizontalSizeStyle: 'FILL_MINIMUM_SPACE',
            horizontalAlignment: 'END',
            verticalAlignment: 'CENTER',
            widgets: [
              { textParagraph: { text: 'left' } },
              { buttonList: { buttons: [{ text: 'b', onClick: { action: { function: 'f' } } }] } },
            ],
          },
        ],
      },
    });
  });

  test('ChipList with chips', () => {
    const chip = cs
      .newChip()
      .setLabel('Sales')
      .setIcon(cs.newIconImage().setIcon(cs.Icon.BOOKMARK))
      .setAltText('Filter Sales')
      .setDisabled(false)
      .setOnClickAction(action(cs, 'onChip'));
    expect(widgetJson(cs, cs.newChipList().setLayout(cs.ChipListLayout.WRAPPED).addChip(chip))).toEqual({
      chipList: {
        layout: 'WRAPPED',
        chips: [
          {
            icon: { knownIcon: 'BOOKMARK' },
            label: 'Sales',
            onClick: { action: { function: 'onChip' } },
            disabled: false,
            altText: 'Filter Sales',
          },
        ],
      },
    });
  });
});

describe('enums', () => {
  test('enum values are objects with name(), ordinal(), toString() and JSON spelling', () => {
    const filled = cs.TextButtonStyle.FILLED;
    expect(typeof filled).toBe('object');
    expect(filled.name()).toBe('FILLED');
    expect(filled.ordinal()).toBe(2);
    expect(String(filled)).toBe('FILLED');
    expect(JSON.stringify({ s: filled })).toBe('{"s":"FILLED"}');
    expect(cs.TextButtonStyle.FILLED).toBe(filled);
    expect(Object.isFrozen(cs.TextButtonStyle)).toBe(true);
  });

  test('every documented enum exists with the documented values', () => {
    const names = (e: Dyn): string[] => Object.keys(e);
    expect(names(cs.TextButtonStyle)).toEqual(['OUTLINED', 'TEXT', 'FILLED', 'FILLED_TONAL', 'BORDERLESS']);
    expect(names(cs.LoadIndicator)).toEqual(['SPINNER', 'NONE']);
    expect(names(cs.SelectionInputType)).toEqual(['CHECK_BOX', 'RADIO_BUTTON', 'DROPDOWN', 'SWITCH', 'MULTI_SELECT']);
    expect(names(cs.ImageStyle)).toEqual(['SQUARE', 'CIRCLE']);
    expect(names(cs.OpenAs)).toEqual(['FULL_SIZE', 'OVERLAY']);
    expect(names(cs.OnClose)).toEqual(['NOTHING', 'RELOAD']);
    expect(names(cs.DisplayStyle)).toEqual(['PEEK', 'REPLACE']);
    expect(names(cs.GridItemLayout)).toEqual(['TEXT_BELOW', 'TEXT_ABOVE']);
    expect(names(cs.HorizontalAlignment)).toEqual(['START', 'CENTER', 'END']);
    expect(names(cs.ImageCropType)).toEqual(['SQUARE', 'CIRCLE', 'RECTANGLE_CUSTOM', 'RECTANGLE_4_3']);
    expect(names(cs.BorderType)).toEqual(['NO_BORDER', 'STROKE']);
    expect(names(cs.Icon)).toHaveLength(31);
    expect(names(cs.Icon)[0]).toBe('NONE');
  });

  test('there is no CardService.DateTimePickerType (the reference has none)', () => {
    expect(cs.DateTimePickerType).toBeUndefined();
  });

  test('two CardService instances have distinct enum objects that do not mix', () => {
    const other = newCardService();
    expect(() => cs.newTextButton().setTextButtonStyle(other.TextButtonStyle.FILLED)).toThrow(/don't match/);
  });
});
