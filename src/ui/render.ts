/**
 * The one CardService renderer: turns the sidebar's view models (src/ui/views) into CardService cards, action
 * responses, universal action responses and the drive.file request. It escapes every text (cards take a small HTML
 * subset, so a space called `<b>` must not turn bold), maps button styles and icons to CardService enums, and wires
 * actions by entry-point name. It holds no product logic: what a card shows is decided by the view builders.
 *
 * Scopes: none of its own (CardService needs no authorisation); the drive.file request asks the user for drive.file.
 */
import type {
  ActionRef,
  ActionResultView,
  ButtonView,
  CardView,
  IconName,
  RichText,
  SectionView,
  WidgetView,
} from './views/model';

type Card = GoogleAppsScript.Card_Service.Card;
type CardSection = GoogleAppsScript.Card_Service.CardSection;
type TextButton = GoogleAppsScript.Card_Service.TextButton;
type Widget = GoogleAppsScript.Card_Service.Widget;

/** Escapes text for the card HTML subset. */
export function escapeCardText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function richText(text: RichText): string {
  if (typeof text === 'string') return escapeCardText(text);
  return text
    .map((run) => {
      let html = escapeCardText(run.text);
      if (run.bold) html = `<b>${html}</b>`;
      if (run.color && /^#[0-9a-f]{6}$/i.test(run.color)) html = `<font color="${run.color}">${html}</font>`;
      return html;
    })
    .join('');
}

function action(ref: ActionRef): GoogleAppsScript.Card_Service.Action {
  const a = CardService.newAction().setFunctionName(ref.fn).setLoadIndicator(CardService.LoadIndicator.SPINNER);
  if (ref.params && Object.keys(ref.params).length) a.setParameters({ ...ref.params });
  return a;
}

function button(view: ButtonView): TextButton {
  const b = CardService.newTextButton().setText(escapeCardText(view.text));
  if (view.action) b.setOnClickAction(action(view.action));
  else if (view.openUrl)
    b.setOpenLink(CardService.newOpenLink().setUrl(view.openUrl).setOpenAs(CardService.OpenAs.FULL_SIZE));
  if (view.style === 'filled') b.setTextButtonStyle(CardService.TextButtonStyle.FILLED);
  else if (view.style === 'borderless') b.setTextButtonStyle(CardService.TextButtonStyle.BORDERLESS);
  else b.setTextButtonStyle(CardService.TextButtonStyle.OUTLINED);
  if (view.disabled) b.setDisabled(true);
  return b;
}

function icon(name: IconName): GoogleAppsScript.Card_Service.IconImage {
  return CardService.newIconImage().setIcon(CardService.Icon[name]);
}

function widget(view: WidgetView): Widget {
  switch (view.kind) {
    case 'paragraph':
      return CardService.newTextParagraph().setText(richText(view.text));
    case 'decorated': {
      const d = CardService.newDecoratedText().setText(richText(view.text)).setWrapText(!!view.wrap);
      if (view.top) d.setTopLabel(escapeCardText(view.top));
      if (view.bottom) d.setBottomLabel(escapeCardText(view.bottom));
      if (view.icon) d.setStartIcon(icon(view.icon));
      if (view.onClick) d.setOnClickAction(action(view.onClick));
      else if (view.button) d.setButton(button(view.button));
      return d;
    }
    case 'buttons': {
      const set = CardService.newButtonSet();
      for (const b of view.buttons) set.addButton(button(b));
      return set;
    }
    case 'textInput': {
      const t = CardService.newTextInput()
        .setFieldName(view.name)
        .setTitle(escapeCardText(view.title))
        .setMultiline(!!view.multiline);
      if (view.value) t.setValue(view.value);
      if (view.hint) t.setHint(escapeCardText(view.hint));
      return t;
    }
    case 'choice': {
      const s = CardService.newSelectionInput()
        .setFieldName(view.name)
        .setTitle(escapeCardText(view.title))
        .setType(
          view.style === 'radio'
            ? CardService.SelectionInputType.RADIO_BUTTON
            : CardService.SelectionInputType.DROPDOWN,
        );
      for (const o of view.options) s.addItem(escapeCardText(o.text), o.value, o.selected);
      return s;
    }
    case 'checkbox': {
      const s = CardService.newSelectionInput()
        .setFieldName(view.name)
        .setType(CardService.SelectionInputType.CHECK_BOX);
      if (view.title) s.setTitle(escapeCardText(view.title));
      s.addItem(escapeCardText(view.text), view.value, view.selected);
      return s;
    }
    case 'divider':
      return CardService.newDivider();
  }
}

/** Widgets that draw something (a row of no buttons is dropped: CardService refuses an empty ButtonSet). */
function drawable(widgets: readonly WidgetView[]): WidgetView[] {
  return widgets.filter((w) => w.kind !== 'buttons' || w.buttons.length > 0);
}

function section(view: SectionView): CardSection {
  const s = CardService.newCardSection();
  if (view.title) s.setHeader(escapeCardText(view.title));
  for (const w of drawable(view.widgets)) s.addWidget(widget(w));
  if (view.collapsible && drawable(view.widgets).length > (view.uncollapsible ?? 0)) {
    s.setCollapsible(true);
    if (view.uncollapsible) s.setNumUncollapsibleWidgets(view.uncollapsible);
  }
  return s;
}

/** A card view as a CardService Card. */
export function renderCard(view: CardView): Card {
  const header = CardService.newCardHeader().setTitle(escapeCardText(view.title));
  if (view.subtitle) header.setSubtitle(escapeCardText(view.subtitle));
  const builder = CardService.newCardBuilder().setName(view.name).setHeader(header);
  for (const s of view.sections) if (drawable(s.widgets).length) builder.addSection(section(s));
  if (view.footer) {
    const footer = CardService.newFixedFooter().setPrimaryButton(button(view.footer.primary));
    if (view.footer.secondary) footer.setSecondaryButton(button(view.footer.secondary));
    builder.setFixedFooter(footer);
  }
  return builder.build();
}

/** An action's answer: a notification and a navigation (push, update, pop-and-update) of the card stack. */
export function renderActionResult(view: ActionResultView): GoogleAppsScript.Card_Service.ActionResponse {
  const builder = CardService.newActionResponseBuilder();
  if (view.notification) builder.setNotification(CardService.newNotification().setText(view.notification));
  if (view.navigation === 'pop') builder.setNavigation(CardService.newNavigation().popCard());
  else if (view.card && view.navigation !== 'none') {
    const card = renderCard(view.card);
    const nav = CardService.newNavigation();
    if (view.navigation === 'push') nav.pushCard(card);
    else if (view.navigation === 'update') nav.updateCard(card);
    else if (view.navigation === 'popAndUpdate') nav.popCard().updateCard(card);
    else nav.popToRoot().updateCard(card);
    builder.setNavigation(nav);
  }
  if (view.navigation !== 'none') builder.setStateChanged(true);
  return builder.build();
}

/** A universal action's answer: the cards to show. */
export function renderUniversalResult(
  cards: readonly CardView[],
): GoogleAppsScript.Card_Service.UniversalActionResponse {
  return CardService.newUniversalActionResponseBuilder().displayAddOnCards(cards.map(renderCard)).build();
}

/** Asks the user to grant drive.file for the spreadsheet open in Sheets (then onFileScopeGranted runs). */
export function renderFileScopeRequest(): GoogleAppsScript.Card_Service.EditorFileScopeActionResponse {
  return CardService.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument().build();
}

/** Going back: pops the top card. */
export function renderPop(notification?: string): GoogleAppsScript.Card_Service.ActionResponse {
  const builder = CardService.newActionResponseBuilder().setNavigation(CardService.newNavigation().popCard());
  if (notification) builder.setNotification(CardService.newNotification().setText(notification));
  return builder.build();
}
