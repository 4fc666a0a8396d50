/**
 * The HTML renderer: every supported widget kind renders, interactive elements carry `data-action` /
 * `data-parameters` and form-field names, card text is escaped with only the documented formatting subset kept,
 * and unsupported widget kinds throw (or are marked on request). Cards are made with the CardService emulation, so
 * these tests also cover builder output → HTML.
 */
import { CARD_CSS, renderCardDocument, renderCardHtml, supportedWidgetKinds } from '../../../emulator/cards/html';
import type { JsonObject } from '../../../emulator/cards/json';
import { loadDiscoverySchemas, validateCard } from '../../../emulator/cards/validate';
import { action, json, newCardService, type Dyn } from './helpers';

let cs: Dyn;
beforeEach(() => {
  cs = newCardService();
});

/** Renders a one-section card holding `widgets`. */
function render(...widgets: Dyn[]): string {
  const section = cs.newCardSection();
  widgets.forEach((w) => section.addWidget(w));
  return renderCardHtml(json(cs.newCardBuilder().addSection(section).build()));
}

/** Every value of an attribute in the HTML, entity-decoded. */
function attrs(html: string, name: string): string[] {
  const re = new RegExp(`\\s${name}="([^"]*)"`, 'g');
  return [...html.matchAll(re)].map((m) =>
    m[1]
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

describe('card structure', () => {
  test('header with title, subtitle and circular image; sections with headers; footer; card actions menu', () => {
    const card = cs
      .newCardBuilder()
      .setName('home')
      .setHeader(
        cs
          .newCardHeader()
          .setTitle('Chat spaces')
          .setSubtitle('12 spaces')
          .setImageUrl('https://e.com/l.png')
          .setImageStyle(cs.ImageStyle.CIRCLE),
      )
      .addSection(cs.newCardSection().setHeader('Recent').addWidget(cs.newTextParagraph().setText('a')))
      .addSection(cs.newCardSection().addWidget(cs.newTextParagraph().setText('b')))
      .addCardAction(cs.newCardAction().setText('Settings').setOnClickAction(action(cs, 'onSettings')))
      .setFixedFooter(
        cs
          .newFixedFooter()
          .setPrimaryButton(cs.newTextButton().setText('Apply').setOnClickAction(action(cs, 'onApply')))
          .setSecondaryButton(cs.newTextButton().setText('Cancel').setOnClickAction(action(cs, 'onCancel'))),
      )
      .build();
    const html = renderCardHtml(json(card));
    expect(html.startsWith('<div class="gcard" data-card-name="home">')).toBe(true);
    expect(html).toContain('<div class="gcard-title">Chat spaces</div>');
    expect(html).toContain('<div class="gcard-subtitle">12 spaces</div>');
    expect(html).toContain('<img class="gcard-header-image gcard-circle" src="https://e.com/l.png" alt="">');
    expect(html.match(/<section class="gcard-section"/g)).toHaveLength(2);
    expect(html).toContain('<div class="gcard-section-header">Recent</div>');
    expect(html).toMatch(
      /<div class="gcard-footer"><button type="button" class="gcard-button gcard-button--filled" data-action="onApply">Apply<\/button>/,
    );
    expect(html).toContain('class="gcard-button gcard-button--outlined" data-action="onCancel">Cancel</button>');
    expect(html).toContain('<button type="button" class="gcard-menu-item" data-action="onSettings">Settings</button>');
  });

  test('collapsible section keeps the first N widgets visible and folds the rest', () => {
    const section = cs
      .newCardSection()
      .setCollapsible(true)
      .setNumUncollapsibleWidgets(1)
      .addWidget(cs.newTextParagraph().setText('shown'))
      .addWidget(cs.newTextParagraph().setText('folded'));
    const html = renderCardHtml(json(cs.newCardBuilder().addSection(section).build()));
    expect(html).toMatch(
      /shown<\/div><details class="gcard-more"><summary>.*<\/summary><div[^>]*>folded<\/div><\/details>/,
    );
  });

  test('renderCardDocument wraps the fragment with the stylesheet', () => {
    const doc = renderCardDocument(
      json(cs.newCardBuilder().addSection(cs.newCardSection().addWidget(cs.newDivider())).build()),
    );
    expect(doc.startsWith('<!doctype html>')).toBe(true);
    expect(doc).toContain(CARD_CSS);
    expect(doc).toContain('<hr class="gcard-divider">');
  });

  test('CARD_CSS looks like the side panel: Google Sans/Roboto, ~300px, Material colours, pill buttons', () => {
    expect(CARD_CSS).toMatch(/font-family: "Google Sans Text", "Google Sans", Roboto/);
    expect(CARD_CSS).toContain('--gcard-width: 300px');
    expect(CARD_CSS).toContain('--gcard-primary: #0b57d0');
    expect(CARD_CSS).toMatch(/\.gcard-button \{[^}]*border-radius: 18px/);
    for (const cls of [
      'gcard-button--filled',
      'gcard-button--outlined',
      'gcard-button--tonal',
      'gcard-button--borderless',
      'gcard-switch',
    ]) {
      expect(CARD_CSS).toContain(`.${cls}`);
    }
  });
});

describe('each widget kind renders', () => {
  test('supportedWidgetKinds lists the drawable kinds (carousel is not among them)', () => {
    expect([...supportedWidgetKinds].sort()).toEqual([
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

  test('every widget kind of the discovery schema except the Chat-only carousel is supported', () => {
    const kinds = Object.keys(loadDiscoverySchemas().GoogleAppsCardV1Widget.properties ?? {}).filter(
      (k) => k !== 'horizontalAlignment' && k !== 'carousel',
    );
    expect([...supportedWidgetKinds].sort()).toEqual(kinds.sort());
  });

  test('a validated card using every supported kind renders without error, honouring alignment', () => {
    const widgets: JsonObject[] = [
      { textParagraph: { text: 'p' }, horizontalAlignment: 'CENTER' },
      { decoratedText: { text: 'd' } },
      { buttonList: { buttons: [{ text: 'b', onClick: { action: { function: 'f' } } }] } },
      { textInput: { name: 'n', label: 'N' } },
      { selectionInput: { name: 's', items: [] } },
      { dateTimePicker: { name: 't' } },
      { image: { imageUrl: 'https://e.com/i.png' } },
      { divider: {} },
      { grid: { items: [] } },
      { columns: { columnItems: [{ widgets: [{ textParagraph: { text: 'c' } }] }] } },
      { chipList: { chips: [] } },
    ];
    const card = { sections: [{ widgets }] };
    const v = validateCard(card);
    expect(v.errors).toEqual([]);
    expect(v.widgetKinds).toEqual([...supportedWidgetKinds].sort());
    const html = renderCardHtml(card);
    expect(html).toContain('style="justify-content: center; text-align: center">p</div>');
  });

  test('textParagraph (with maxLines clamp)', () => {
    expect(render(cs.newTextParagraph().setText('Hello').setMaxLines(2))).toContain(
      '<div class="gcard-widget gcard-text-paragraph gcard-clamp" style="-webkit-line-clamp: 2">Hello</div>',
    );
  });

  test('decoratedText with labels, known icon, click action and switch', () => {
    const html = render(
      cs
        .newDecoratedText()
        .setTopLabel('Space')
        .setText('Sales')
        .setBottomLabel('3 members')
        .setStartIcon(cs.newIconImage().setIcon(cs.Icon.MULTIPLE_PEOPLE))
        .setOnClickAction(action(cs, 'onOpen').setParameters({ space: 'spaces/AAA' }))
        .setSwitchControl(
          cs
            .newSwitch()
            .setFieldName('notify')
            .setValue('yes')
            .setSelected(true)
            .setOnChangeAction(action(cs, 'onNotify')),
        ),
    );
    expect(html).toContain('gcard-decorated-text gcard-clickable" role="button" tabindex="0" data-action="onOpen"');
    expect(attrs(html, 'data-parameters')).toEqual(['{"space":"spaces/AAA"}']);
    expect(html).toContain('data-known-icon="MULTIPLE_PEOPLE"');
    expect(html).toContain('<div class="gcard-top-label">Space</div>');
    expect(html).toContain('<div class="gcard-dt-text gcard-nowrap">Sales</div>');
    expect(html).toContain('<div class="gcard-bottom-label">3 members</div>');
    expect(html).toContain(
      '<input type="checkbox" class="gcard-switch" role="switch" name="notify" value="yes" checked data-change-action="onNotify">',
    );
  });

  test('buttonList: filled with colour, outlined default, tonal, borderless, disabled, icon-only, open link', () => {
    const html = render(
      cs
        .newButtonSet()
        .addButton(
          cs
            .newTextButton()
            .setText('A')
            .setBackgroundColor('#ff0000')
            .setOnClickAction(action(cs, 'a').setLoadIndicator(cs.LoadIndicator.SPINNER)),
        )
        .addButton(cs.newTextButton().setText('B').setOnClickAction(action(cs, 'b')))
        .addButton(
          cs
            .newTextButton()
            .setText('C')
            .setTextButtonStyle(cs.TextButtonStyle.FILLED_TONAL)
            .setOnClickAction(action(cs, 'c')),
        )
        .addButton(
          cs
            .newTextButton()
            .setText('D')
            .setTextButtonStyle(cs.TextButtonStyle.BORDERLESS)
            .setDisabled(true)
            .setOnClickAction(action(cs, 'd')),
        )
        .addButton(cs.newImageButton().setIcon(cs.Icon.STAR).setAltText('Star').setOnClickAction(action(cs, 'e')))
        .addButton(
          cs
            .newTextButton()
            .setText('Help')
            .setOpenLink(cs.newOpenLink().setUrl('https://e.com/?a=1&b=2').setOpenAs(cs.OpenAs.OVERLAY)),
        ),
    );
    expect(html).toContain(
      'class="gcard-button gcard-button--filled" style="background: rgb(255, 0, 0); color: #fff" data-action="a" data-load-indicator="SPINNER">A</button>',
    );
    expect(html).toContain('class="gcard-button gcard-button--outlined" data-action="b">B</button>');
    expect(html).toContain('class="gcard-button gcard-button--tonal" data-action="c">C</button>');
    expect(html).toContain('class="gcard-button gcard-button--borderless" disabled data-action="d">D</button>');
    expect(html).toContain(
      'class="gcard-button gcard-button--outlined gcard-icon-button" aria-label="Star" data-action="e">',
    );
    expect(html).toContain('data-open-link="https://e.com/?a=1&amp;b=2" data-open-as="OVERLAY">Help</button>');
    expect(attrs(html, 'data-action')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('textInput single-line, multi-line, with suggestions and hint', () => {
    const html = render(
      cs
        .newTextInput()
        .setFieldName('name')
        .setTitle('Space name')
        .setHint('At most 128 characters')
        .setValue('Team "A"')
        .setSuggestions(cs.newSuggestions().addSuggestion('Sales'))
        .setOnChangeAction(action(cs, 'onName')),
      cs.newTextInput().setFieldName('desc').setTitle('Description').setMultiline(true).setValue('<b>x</b>'),
    );
    expect(html).toContain('<span class="gcard-field-label">Space name</span>');
    expect(html).toContain(
      '<input type="text" class="gcard-input" name="name" data-change-action="onName" value="Team &quot;A&quot;" list="gcard-suggest-name">',
    );
    expect(html).toContain('<datalist id="gcard-suggest-name"><option value="Sales"></datalist>');
    expect(html).toContain('<span class="gcard-hint">At most 128 characters</span>');
    expect(html).toContain('<textarea class="gcard-input" name="desc">&lt;b&gt;x&lt;/b&gt;</textarea>');
  });

  test('selectionInput as checkbox, radio, switch, dropdown and multi-select', () => {
    const sel = (type: string): Dyn =>
      cs
        .newSelectionInput()
        .setType(cs.SelectionInputType[type])
        .setFieldName(`f_${type}`)
        .setTitle(type)
        .addItem('One', '1', true)
        .addItem('Two', '2', false)
        .setOnChangeAction(action(cs, 'onSel'));
    const html = render(sel('CHECK_BOX'), sel('RADIO_BUTTON'), sel('SWITCH'), sel('DROPDOWN'), sel('MULTI_SELECT'));
    expect(html).toContain(
      '<fieldset class="gcard-widget gcard-selection" data-selection-type="CHECK_BOX" data-name="f_CHECK_BOX" data-change-action="onSel"><legend>CHECK_BOX</legend>',
    );
    expect(html).toContain(
      '<label class="gcard-choice"><input type="checkbox" name="f_CHECK_BOX" value="1" checked>One</label>',
    );
    expect(html).toContain('<input type="radio" name="f_RADIO_BUTTON" value="2">Two</label>');
    expect(html).toContain(
      '<input type="checkbox" class="gcard-switch" role="switch" name="f_SWITCH" value="1" checked>',
    );
    expect(html).toContain(
      '<select class="gcard-input" name="f_DROPDOWN" data-selection-type="DROPDOWN" data-change-action="onSel"><option value="1" selected>One</option><option value="2">Two</option></select>',
    );
    expect(html).toContain('<select class="gcard-input" name="f_MULTI_SELECT" multiple');
  });

  test('dateTimePicker as native date, datetime-local (with zone offset) and time inputs', () => {
    const html = render(
      cs
        .newDatePicker()
        .setFieldName('d')
        .setTitle('Day')
        .setValueInMsSinceEpoch(Date.UTC(2023, 0, 2)),
      cs
        .newDateTimePicker()
        .setFieldName('dt')
        .setTitle('When')
        .setValueInMsSinceEpoch(Date.UTC(2023, 0, 1, 12, 0))
        .setTimeZoneOffsetInMins(-300),
      cs.newTimePicker().setFieldName('t').setTitle('Time').setHours(9).setMinutes(5),
    );
    expect(html).toContain(
      '<input type="date" class="gcard-input" name="d" value="2023-01-02" data-picker-type="DATE_ONLY">',
    );
    expect(html).toContain(
      '<input type="datetime-local" class="gcard-input" name="dt" value="2023-01-01T07:00" data-picker-type="DATE_AND_TIME" data-timezone-offset="-300">',
    );
    expect(html).toContain(
      '<input type="time" class="gcard-input" name="t" value="09:05" data-picker-type="TIME_ONLY">',
    );
  });

  test('image (clickable), divider, grid with item ids and indexes, columns, chip list', () => {
    const grid = cs
      .newGrid()
      .setTitle('Spaces')
      .setNumColumns(3)
      .addItem(
        cs
          .newGridItem()
          .setIdentifier('a')
          .setTitle('A')
          .setImage(cs.newImageComponent().setImageUrl('https://e.com/a.png')),
      )
      .addItem(
        cs.newGridItem().setIdentifier('b').setTitle('B').setSubtitle('sub').setLayout(cs.GridItemLayout.TEXT_ABOVE),
      )
      .setOnClickAction(action(cs, 'onGrid'));
    const columns = cs
      .newColumns()
      .addColumn(cs.newColumn().addWidget(cs.newTextParagraph().setText('left')))
      .addColumn(
        cs
          .newColumn()
          .setHorizontalSizeStyle(cs.HorizontalSizeStyle.FILL_MINIMUM_SPACE)
          .addWidget(cs.newTextParagraph().setText('right')),
      );
    const chips = cs.newChipList().addChip(cs.newChip().setLabel('Sales').setOnClickAction(action(cs, 'onChip')));
    const html = render(
      cs.newImage().setImageUrl('https://e.com/i.png').setAltText('pic').setOnClickAction(action(cs, 'onImg')),
      cs.newDivider(),
      grid,
      columns,
      chips,
    );
    expect(html).toContain(
      '<div class="gcard-widget gcard-clickable" role="button" tabindex="0" data-action="onImg"><img class="gcard-image" src="https://e.com/i.png" alt="pic"></div>',
    );
    expect(html).toContain('<hr class="gcard-divider">');
    expect(html).toContain('style="grid-template-columns: repeat(3, minmax(0, 1fr))"');
    expect(html).toContain(
      '<div class="gcard-grid-item gcard-clickable" data-grid-item-id="a" data-grid-item-index="0" data-action="onGrid"><img src="https://e.com/a.png" alt="">',
    );
    expect(html).toMatch(
      /data-grid-item-id="b" data-grid-item-index="1" data-action="onGrid"><div class="gcard-grid-item-title">B<\/div><div class="gcard-grid-item-subtitle">sub<\/div><\/div>/,
    );
    expect(html).toContain('<div class="gcard-widget gcard-columns"><div class="gcard-column">');
    expect(html).toContain('<div class="gcard-column gcard-column--min">');
    expect(html).toContain('<button type="button" class="gcard-chip" data-action="onChip">Sales</button>');
  });

  test('overflow menu on a button renders its items with their actions', () => {
    const menu = cs
      .newOverflowMenu()
      .addMenuItem(cs.newOverflowMenuItem().setText('Remove').setOnClickAction(action(cs, 'onRemove')));
    const html = render(cs.newTextButton().setText('More').setOverflowMenu(menu));
    expect(html).toContain(
      '<details class="gcard-overflow"><summary class="gcard-button gcard-button--outlined">More</summary>',
    );
    expect(html).toContain('<button type="button" class="gcard-menu-item" data-action="onRemove">Remove</button>');
  });
});

describe('unsupported widget kinds', () => {
  const carousel: JsonObject = { sections: [{ widgets: [{ carousel: { carouselCards: [] } }] }] };

  test('throw by default, naming the kind', () => {
    expect(() => renderCardHtml(carousel)).toThrow('renderCardHtml cannot render widget kind "carousel".');
    expect(() => renderCardHtml({ sections: [{ widgets: [{}] }] })).toThrow('"(none)"');
  });

  test('are marked on request', () => {
    expect(renderCardHtml(carousel, { onUnsupported: 'mark' })).toContain(
      '<div class="gcard-widget gcard-unsupported" data-unsupported-widget="carousel">Unsupported widget: carousel</div>',
    );
  });

  test('a non-object card throws', () => {
    expect(() => renderCardHtml('nope')).toThrow('renderCardHtml expects a card object.');
  });
});

describe('escaping', () => {
  test('card text cannot inject markup; the formatting subset is kept', () => {
    const html = render(
      cs.newTextParagraph().setText('<b>Bold</b> <script>alert(1)</script> <img src=x onerror=alert(1)>'),
      cs.newDecoratedText().setText('<i>it</i> & <u>u</u>').setTopLabel('<font color="#ff0000">red</font>'),
    );
    expect(html).toContain('<b>Bold</b> &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<i>it</i> &amp; <u>u</u>');
    expect(html).toContain('<span class="gcard-font" style="color: #ff0000">red</span>');
    expect(html).not.toMatch(/<script|<img src=x/);
  });

  test('plain-text fields (titles, labels, item texts, attribute values) are fully escaped', () => {
    const card = cs
      .newCardBuilder()
      .setName('"><script>')
      .setHeader(cs.newCardHeader().setTitle('<b>not bold</b>').setSubtitle('a & b'))
      .addSection(
        cs
          .newCardSection()
          .addWidget(
            cs
              .newTextButton()
              .setText('<i>x</i>')
              .setOnClickAction(action(cs, 'f').setParameters({ q: '"><img src=x>' })),
          )
          .addWidget(cs.newSelectionInput().setFieldName('a"b').setTitle('<u>t</u>').addItem('<s>i</s>', '"v"', false)),
      )
      .build();
    const html = renderCardHtml(json(card));
    expect(html).toContain('data-card-name="&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('<div class="gcard-title">&lt;b&gt;not bold&lt;/b&gt;</div>');
    expect(html).toContain('<div class="gcard-subtitle">a &amp; b</div>');
    expect(attrs(html, 'data-parameters')).toEqual(['{"q":"\\"><img src=x>"}']);
    expect(html).toContain('name="a&quot;b" value="&quot;v&quot;">&lt;s&gt;i&lt;/s&gt;</label>');
    expect(html).toContain('<legend>&lt;u&gt;t&lt;/u&gt;</legend>');
    expect(html).not.toMatch(/<img src=x/);
  });

  test('image URLs other than http(s) or data:image are dropped', () => {
    const html = renderCardHtml({ sections: [{ widgets: [{ image: { imageUrl: 'javascript:alert(1)' } }] }] });
    expect(html).toContain('<img class="gcard-image" alt="">');
    expect(html).not.toContain('javascript:');
  });
});
