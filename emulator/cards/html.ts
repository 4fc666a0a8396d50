/**
 * HTML renderer of card JSON for the browser playground: turns a google.apps.card.v1 card into an HTML fragment
 * styled by `CARD_CSS` to look like the Workspace add-on side panel. Interactive elements carry their behaviour in
 * data attributes for a page script to collect form inputs and dispatch actions:
 * `data-action` (function name), `data-parameters` (JSON object of string parameters), `data-load-indicator`,
 * `data-persist-values`, `data-open-link` / `data-open-as` / `data-on-close`, `data-change-action` /
 * `data-change-parameters` on inputs, `name` on every form field, and `data-grid-item-id` / `data-grid-item-index`
 * on grid items. All card text is escaped; text fields that support formatting keep only the documented subset.
 * A widget kind the renderer cannot draw throws (or is marked, on request), so a test fails when the add-on starts
 * using one.
 */
import { CARD_CSS } from './cardCss';
import { escapeHtml, formatCardText } from './formatText';
import { arrayAt, booleanAt, isJsonObject, numberAt, objectAt, stringAt, type Json, type JsonObject } from './json';

export { CARD_CSS } from './cardCss';

/** Widget kinds (keys of `GoogleAppsCardV1Widget`) the renderer draws. `carousel` is Chat-only and is not drawn. */
export const supportedWidgetKinds: string[] = [
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
];

/** Options of the renderer. */
export interface RenderOptions {
  /** What to do with a widget kind not in {@link supportedWidgetKinds}: throw (default) or draw a marked box. */
  onUnsupported?: 'throw' | 'mark';
}

/** Glyphs standing in for the built-in icons (the real ones are Google-hosted images). */
const KNOWN_ICON_GLYPHS: Readonly<Record<string, string>> = {
  AIRPLANE: '✈',
  BOOKMARK: '🔖',
  BUS: '🚌',
  CAR: '🚗',
  CLOCK: '🕒',
  CONFIRMATION_NUMBER_ICON: '#',
  DOLLAR: '$',
  DESCRIPTION: '📄',
  EMAIL: '✉',
  EVENT_PERFORMER: '🎤',
  EVENT_SEAT: '💺',
  FLIGHT_ARRIVAL: '🛬',
  FLIGHT_DEPARTURE: '🛫',
  HOTEL: '🏨',
  HOTEL_ROOM_TYPE: '🛏',
  INVITE: '📨',
  MAP_PIN: '📍',
  MEMBERSHIP: '🪪',
  MULTIPLE_PEOPLE: '👥',
  OFFER: '🏷',
  PERSON: '👤',
  PHONE: '☎',
  RESTAURANT_ICON: '🍴',
  SHOPPING_CART: '🛒',
  STAR: '★',
  STORE: '🏬',
  TICKET: '🎫',
  TRAIN: '🚆',
  VIDEO_CAMERA: '📹',
  VIDEO_PLAY: '▶',
};

/**
 * Renders a card as an HTML fragment (a single `<div class="gcard">`).
 *
 * @param card the parsed `printJson()` of a Card.
 * @param options what to do with unsupported widget kinds.
 * @throws Error when `card` is not an object, or on an unsupported widget kind (unless `onUnsupported: 'mark'`).
 */
export function renderCardHtml(card: unknown, options: RenderOptions = {}): string {
  if (!isJsonObject(card)) throw new Error('renderCardHtml expects a card object.');
  const r = new Renderer(options);
  return r.card(card);
}

/** A complete standalone HTML document showing one card (for snapshots and manual inspection). */
export function renderCardDocument(card: unknown, options: RenderOptions = {}): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Card</title>' +
    `<style>body{margin:0;background:#f8fafd}${CARD_CSS}</style></head><body>${renderCardHtml(card, options)}</body></html>`
  );
}

/** Attribute string `name="value"` (value escaped), or '' when value is undefined. */
function attr(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(String(value))}"`;
}

/** A URL that may be used as an image source: http(s) or data:image. */
function imageSrc(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^(https?:\/\/|data:image\/)/i.test(url.trim()) ? url.trim() : undefined;
}

/** `rgb()`/`rgba()` from a google.type.Color. */
function cssColor(color: JsonObject | undefined): string | undefined {
  if (!color) return undefined;
  const c = (k: string): number => Math.round(Math.min(1, Math.max(0, numberAt(color, k) ?? 0)) * 255);
  const alpha = numberAt(color, 'alpha');
  return alpha === undefined
    ? `rgb(${c('red')}, ${c('green')}, ${c('blue')})`
    : `rgba(${c('red')}, ${c('green')}, ${c('blue')}, ${alpha})`;
}

/** Parameters `[{key, value}]` as a JSON object string. */
function parametersJson(action: JsonObject): string | undefined {
  const params = arrayAt(action, 'parameters');
  if (params.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const p of params) {
    if (isJsonObject(p)) out[stringAt(p, 'key') ?? ''] = stringAt(p, 'value') ?? '';
  }
  return JSON.stringify(out);
}

/** Data attributes describing an Action, with an attribute-name prefix (`action` or `change-action`). */
function actionAttrs(
  action: JsonObject,
  prefix: 'action' | 'change-action' | 'autocomplete-action' | 'open-dynamic-link-action',
): string {
  const paramAttr = prefix === 'action' ? 'data-parameters' : `data-${prefix.replace(/-action$/, '')}-parameters`;
  const required = arrayAt(action, 'requiredWidgets').filter((w): w is string => typeof w === 'string');
  return (
    attr(`data-${prefix}`, stringAt(action, 'function')) +
    attr(paramAttr, parametersJson(action)) +
    (prefix === 'action'
      ? attr('data-load-indicator', stringAt(action, 'loadIndicator')) +
        attr('data-persist-values', booleanAt(action, 'persistValues')) +
        attr('data-required-widgets', required.length > 0 ? JSON.stringify(required) : undefined) +
        attr('data-all-widgets-required', booleanAt(action, 'allWidgetsAreRequired'))
      : '')
  );
}

/** Data attributes for an OnClick (action, link, dynamic link or card). */
function onClickAttrs(onClick: JsonObject | undefined): string {
  if (!onClick) return '';
  const action = objectAt(onClick, 'action');
  if (action) return actionAttrs(action, 'action');
  const link = objectAt(onClick, 'openLink');
  if (link) {
    return (
      attr('data-open-link', stringAt(link, 'url')) +
      attr('data-open-as', stringAt(link, 'openAs')) +
      attr('data-on-close', stringAt(link, 'onClose'))
    );
  }
  const dynamic = objectAt(onClick, 'openDynamicLinkAction');
  if (dynamic) return actionAttrs(dynamic, 'open-dynamic-link-action');
  const card = objectAt(onClick, 'card');
  if (card) return attr('data-push-card', JSON.stringify(card));
  return '';
}

/** Walks one card and emits HTML. */
class Renderer {
  constructor(private readonly options: RenderOptions) {}

  card(card: JsonObject): string {
    const header = objectAt(card, 'header');
    const peek = objectAt(card, 'peekCardHeader');
    const sections = arrayAt(card, 'sections').filter(isJsonObject);
    const footer = objectAt(card, 'fixedFooter');
    return (
      `<div class="gcard"${attr('data-card-name', stringAt(card, 'name'))}${attr('data-display-style', stringAt(card, 'displayStyle'))}>` +
      (header ? this.header(header) : '') +
      this.cardActions(arrayAt(card, 'cardActions').filter(isJsonObject)) +
      `<div class="gcard-body">${sections.map((s) => this.section(s)).join('')}</div>` +
      (footer ? this.footer(footer) : '') +
      (peek ? `<div class="gcard-peek" hidden>${escapeHtml(stringAt(peek, 'title') ?? '')}</div>` : '') +
      '</div>'
    );
  }

  private header(h: JsonObject): string {
    const src = imageSrc(stringAt(h, 'imageUrl'));
    const circle = stringAt(h, 'imageType') === 'CIRCLE' ? ' gcard-circle' : '';
    const subtitle = stringAt(h, 'subtitle');
    return (
      '<div class="gcard-header">' +
      (src
        ? `<img class="gcard-header-image${circle}"${attr('src', src)}${attr('alt', stringAt(h, 'imageAltText') ?? '')}>`
        : '') +
      '<div class="gcard-header-text">' +
      `<div class="gcard-title">${escapeHtml(stringAt(h, 'title') ?? '')}</div>` +
      (subtitle !== undefined ? `<div class="gcard-subtitle">${escapeHtml(subtitle)}</div>` : '') +
      '</div></div>'
    );
  }

  private cardActions(actions: JsonObject[]): string {
    if (actions.length === 0) return '';
    const items = actions
      .map(
        (a) =>
          `<button type="button" class="gcard-menu-item"${onClickAttrs(objectAt(a, 'onClick'))}>${escapeHtml(stringAt(a, 'actionLabel') ?? '')}</button>`,
      )
      .join('');
    return `<details class="gcard-menu"><summary aria-label="More">⋮</summary><div class="gcard-menu-items">${items}</div></details>`;
  }

  private section(s: JsonObject): string {
    const header = stringAt(s, 'header');
    const widgets = arrayAt(s, 'widgets').filter(isJsonObject);
    const collapsible = booleanAt(s, 'collapsible') === true;
    const keep = collapsible ? Math.max(0, numberAt(s, 'uncollapsibleWidgetsCount') ?? 0) : widgets.length;
    const shown = widgets
      .slice(0, keep)
      .map((w) => this.widget(w))
      .join('');
    const hidden = widgets
      .slice(keep)
      .map((w) => this.widget(w))
      .join('');
    return (
      `<section class="gcard-section"${collapsible ? ' data-collapsible="true"' : ''}>` +
      (header !== undefined ? `<div class="gcard-section-header">${formatCardText(header)}</div>` : '') +
      shown +
      (hidden
        ? `<details class="gcard-more"><summary><span class="gcard-more-label"></span></summary>${hidden}</details>`
        : '') +
      '</section>'
    );
  }

  /** One widget (`{ textParagraph: {...} }`, ...). */
  widget(w: JsonObject): string {
    const kinds = Object.keys(w).filter((k) => k !== 'horizontalAlignment');
    const kind = kinds[0];
    const body = kind === undefined ? undefined : objectAt(w, kind);
    const align = stringAt(w, 'horizontalAlignment');
    const style = align && align !== 'HORIZONTAL_ALIGNMENT_UNSPECIFIED' ? this.alignStyle(align) : '';
    if (kind === undefined || !supportedWidgetKinds.includes(kind) || body === undefined) {
      const name = kind ?? '(none)';
      if (this.options.onUnsupported === 'mark') {
        return `<div class="gcard-widget gcard-unsupported"${attr('data-unsupported-widget', name)}>Unsupported widget: ${escapeHtml(name)}</div>`;
      }
      throw new Error(`renderCardHtml cannot render widget kind "${name}".`);
    }
    switch (kind) {
      case 'textParagraph':
        return this.textParagraph(body, style);
      case 'decoratedText':
        return this.decoratedText(body, style);
      case 'buttonList':
        return `<div class="gcard-widget gcard-button-list"${style}>${arrayAt(body, 'buttons')
          .filter(isJsonObject)
          .map((b) => this.button(b))
          .join('')}</div>`;
      case 'textInput':
        return this.textInput(body);
      case 'selectionInput':
        return this.selectionInput(body);
      case 'dateTimePicker':
        return this.dateTimePicker(body);
      case 'image':
        return this.image(body, style);
      case 'divider':
        return '<hr class="gcard-divider">';
      case 'grid':
        return this.grid(body);
      case 'columns':
        return this.columns(body);
      default:
        return this.chipList(body, style);
    }
  }

  private alignStyle(align: string): string {
    const map: Record<string, string> = { START: 'flex-start', CENTER: 'center', END: 'flex-end' };
    const text: Record<string, string> = { START: 'left', CENTER: 'center', END: 'right' };
    return map[align] ? ` style="justify-content: ${map[align]}; text-align: ${text[align]}"` : '';
  }

  private textParagraph(p: JsonObject, style: string): string {
    const maxLines = numberAt(p, 'maxLines');
    const clamp = maxLines && maxLines > 0 ? ` gcard-clamp" style="-webkit-line-clamp: ${Math.floor(maxLines)}` : '';
    return `<div class="gcard-widget gcard-text-paragraph${clamp}"${style}>${formatCardText(stringAt(p, 'text') ?? '')}</div>`;
  }

  private icon(icon: JsonObject | undefined, extraClass = ''): string {
    if (!icon) return '';
    const alt = stringAt(icon, 'altText');
    const circle = stringAt(icon, 'imageType') === 'CIRCLE' ? ' gcard-circle' : '';
    const cls = `gcard-icon${circle}${extraClass}`;
    const known = stringAt(icon, 'knownIcon');
    if (known) {
      const glyph = KNOWN_ICON_GLYPHS[known] ?? '•';
      return `<span class="${cls}"${attr('data-known-icon', known)}${attr('aria-label', alt ?? known)} role="img">${escapeHtml(glyph)}</span>`;
    }
    const material = objectAt(icon, 'materialIcon');
    if (material) {
      const name = stringAt(material, 'name') ?? '';
      return `<span class="${cls} material-symbols-outlined"${attr('data-material-icon', name)}${attr('aria-label', alt ?? name)} role="img">${escapeHtml(name)}</span>`;
    }
    const src = imageSrc(stringAt(icon, 'iconUrl'));
    return `<span class="${cls}">${src ? `<img${attr('src', src)}${attr('alt', alt ?? '')}>` : ''}</span>`;
  }

  private decoratedText(d: JsonObject, style: string): string {
    const onClick = objectAt(d, 'onClick');
    const top = stringAt(d, 'topLabel');
    const bottom = stringAt(d, 'bottomLabel');
    const wrap = booleanAt(d, 'wrapText') === true;
    const button = objectAt(d, 'button');
    const sw = objectAt(d, 'switchControl');
    const end = objectAt(d, 'endIcon');
    const clickable = onClick ? ' gcard-clickable" role="button" tabindex="0' : '';
    return (
      `<div class="gcard-widget gcard-decorated-text${clickable}"${onClickAttrs(onClick)}${style}>` +
      this.icon(objectAt(d, 'startIcon') ?? objectAt(d, 'icon')) +
      '<div class="gcard-dt-body">' +
      (top !== undefined ? `<div class="gcard-top-label">${formatCardText(top)}</div>` : '') +
      `<div class="gcard-dt-text${wrap ? '' : ' gcard-nowrap'}">${formatCardText(stringAt(d, 'text') ?? '')}</div>` +
      (bottom !== undefined ? `<div class="gcard-bottom-label">${formatCardText(bottom)}</div>` : '') +
      '</div>' +
      (button ? this.button(button) : '') +
      (sw ? this.switchControl(sw) : '') +
      (end ? this.icon(end) : '') +
      '</div>'
    );
  }

  private switchControl(sw: JsonObject): string {
    const checkbox = stringAt(sw, 'controlType') === 'CHECKBOX' || stringAt(sw, 'controlType') === 'CHECK_BOX';
    const change = objectAt(sw, 'onChangeAction');
    return (
      `<input type="checkbox" class="${checkbox ? 'gcard-checkbox' : 'gcard-switch'}"${checkbox ? '' : ' role="switch"'}` +
      `${attr('name', stringAt(sw, 'name'))}${attr('value', stringAt(sw, 'value') ?? 'true')}` +
      `${booleanAt(sw, 'selected') ? ' checked' : ''}${change ? actionAttrs(change, 'change-action') : ''}>`
    );
  }

  private button(b: JsonObject): string {
    const text = stringAt(b, 'text');
    const color = cssColor(objectAt(b, 'color'));
    const type = stringAt(b, 'type');
    const variant =
      color || type === 'FILLED'
        ? 'filled'
        : type === 'FILLED_TONAL'
          ? 'tonal'
          : type === 'BORDERLESS'
            ? 'borderless'
            : 'outlined';
    const iconOnly = !text;
    const cls = `gcard-button gcard-button--${variant}${iconOnly ? ' gcard-icon-button' : ''}`;
    const styleAttr = color ? attr('style', `background: ${color}; color: #fff`) : '';
    const label = attr(
      'aria-label',
      stringAt(b, 'altText') ?? (iconOnly ? stringAt(objectAt(b, 'icon') ?? {}, 'altText') : undefined),
    );
    const disabled = booleanAt(b, 'disabled') ? ' disabled' : '';
    const inner = this.icon(objectAt(b, 'icon')) + (text ? formatCardText(text) : '');
    const onClick = objectAt(b, 'onClick');
    const menu = onClick && objectAt(onClick, 'overflowMenu');
    if (menu) {
      const items = arrayAt(menu, 'items')
        .filter(isJsonObject)
        .map(
          (i) =>
            `<button type="button" class="gcard-menu-item"${booleanAt(i, 'disabled') ? ' disabled' : ''}${onClickAttrs(objectAt(i, 'onClick'))}>` +
            `${this.icon(objectAt(i, 'startIcon'))}${escapeHtml(stringAt(i, 'text') ?? '')}</button>`,
        )
        .join('');
      return `<details class="gcard-overflow"><summary class="${cls}"${styleAttr}${label}>${inner}</summary><div class="gcard-menu-items">${items}</div></details>`;
    }
    return `<button type="button" class="${cls}"${styleAttr}${label}${disabled}${onClickAttrs(onClick)}>${inner}</button>`;
  }

  private textInput(t: JsonObject): string {
    const name = stringAt(t, 'name');
    const label = stringAt(t, 'label');
    const hint = stringAt(t, 'hintText');
    const value = stringAt(t, 'value');
    const multiline = stringAt(t, 'type') === 'MULTIPLE_LINE';
    const change = objectAt(t, 'onChangeAction');
    const auto = objectAt(t, 'autoCompleteAction');
    const suggestions = arrayAt(objectAt(t, 'initialSuggestions') ?? {}, 'items').filter(isJsonObject);
    const listId = suggestions.length > 0 && name ? `gcard-suggest-${name.replace(/[^A-Za-z0-9_-]/g, '_')}` : undefined;
    const validation = objectAt(t, 'validation');
    const limit = validation && numberAt(validation, 'characterLimit');
    const common =
      `class="gcard-input"${attr('name', name)}${attr('placeholder', stringAt(t, 'placeholderText'))}` +
      `${attr('maxlength', limit)}${attr('data-input-type', validation && stringAt(validation, 'inputType'))}` +
      `${change ? actionAttrs(change, 'change-action') : ''}${auto ? actionAttrs(auto, 'autocomplete-action') : ''}`;
    const field = multiline
      ? `<textarea ${common}>${escapeHtml(value ?? '')}</textarea>`
      : `<input type="text" ${common}${attr('value', value)}${attr('list', listId)}>`;
    const datalist = listId
      ? `<datalist${attr('id', listId)}>${suggestions.map((s) => `<option${attr('value', stringAt(s, 'text') ?? '')}>`).join('')}</datalist>`
      : '';
    return (
      '<label class="gcard-widget gcard-field">' +
      (label !== undefined ? `<span class="gcard-field-label">${escapeHtml(label)}</span>` : '') +
      field +
      datalist +
      (hint !== undefined ? `<span class="gcard-hint">${escapeHtml(hint)}</span>` : '') +
      '</label>'
    );
  }

  private selectionInput(s: JsonObject): string {
    const name = stringAt(s, 'name');
    const label = stringAt(s, 'label');
    const type = stringAt(s, 'type') ?? 'CHECK_BOX';
    const items = arrayAt(s, 'items').filter(isJsonObject);
    const change = objectAt(s, 'onChangeAction');
    const changeAttrs = change ? actionAttrs(change, 'change-action') : '';
    if (type === 'DROPDOWN' || type === 'MULTI_SELECT') {
      const options = items
        .map(
          (i) =>
            `<option${attr('value', stringAt(i, 'value') ?? '')}${booleanAt(i, 'selected') ? ' selected' : ''}>${escapeHtml(stringAt(i, 'text') ?? '')}</option>`,
        )
        .join('');
      return (
        '<label class="gcard-widget gcard-field">' +
        (label !== undefined ? `<span class="gcard-field-label">${escapeHtml(label)}</span>` : '') +
        `<select class="gcard-input"${attr('name', name)}${type === 'MULTI_SELECT' ? ' multiple' : ''}${attr('data-selection-type', type)}${changeAttrs}>${options}</select>` +
        '</label>'
      );
    }
    const inputType = type === 'RADIO_BUTTON' ? 'radio' : 'checkbox';
    const extra = type === 'SWITCH' ? ' class="gcard-switch" role="switch"' : '';
    const choices = items
      .map(
        (i) =>
          `<label class="gcard-choice"><input type="${inputType}"${extra}${attr('name', name)}${attr('value', stringAt(i, 'value') ?? '')}` +
          `${booleanAt(i, 'selected') ? ' checked' : ''}>${escapeHtml(stringAt(i, 'text') ?? '')}</label>`,
      )
      .join('');
    return (
      `<fieldset class="gcard-widget gcard-selection"${attr('data-selection-type', type)}${attr('data-name', name)}${changeAttrs}>` +
      (label !== undefined ? `<legend>${escapeHtml(label)}</legend>` : '') +
      choices +
      '</fieldset>'
    );
  }

  private dateTimePicker(p: JsonObject): string {
    const type = stringAt(p, 'type') ?? 'DATE_AND_TIME';
    const ms = numberAt(p, 'valueMsEpoch');
    const offset = numberAt(p, 'timezoneOffsetDate') ?? 0;
    const inputType = type === 'DATE_ONLY' ? 'date' : type === 'TIME_ONLY' ? 'time' : 'datetime-local';
    let value: string | undefined;
    if (ms !== undefined) {
      const iso = new Date(type === 'DATE_AND_TIME' ? ms + offset * 60_000 : ms).toISOString();
      value = type === 'DATE_ONLY' ? iso.slice(0, 10) : type === 'TIME_ONLY' ? iso.slice(11, 16) : iso.slice(0, 16);
    }
    const label = stringAt(p, 'label');
    const change = objectAt(p, 'onChangeAction');
    return (
      '<label class="gcard-widget gcard-field">' +
      (label !== undefined ? `<span class="gcard-field-label">${escapeHtml(label)}</span>` : '') +
      `<input type="${inputType}" class="gcard-input"${attr('name', stringAt(p, 'name'))}${attr('value', value)}` +
      `${attr('data-picker-type', type)}${attr('data-timezone-offset', numberAt(p, 'timezoneOffsetDate'))}` +
      `${change ? actionAttrs(change, 'change-action') : ''}>` +
      '</label>'
    );
  }

  private image(i: JsonObject, style: string): string {
    const onClick = objectAt(i, 'onClick');
    const src = imageSrc(stringAt(i, 'imageUrl'));
    return (
      `<div class="gcard-widget${onClick ? ' gcard-clickable" role="button" tabindex="0' : ''}"${onClickAttrs(onClick)}${style}>` +
      `<img class="gcard-image"${attr('src', src)}${attr('alt', stringAt(i, 'altText') ?? '')}>` +
      '</div>'
    );
  }

  private grid(g: JsonObject): string {
    const cols = Math.max(1, Math.floor(numberAt(g, 'columnCount') ?? 2));
    const title = stringAt(g, 'title');
    const onClick = objectAt(g, 'onClick');
    const border = objectAt(g, 'borderStyle');
    const bordered = border && stringAt(border, 'type') === 'STROKE' ? ' gcard-bordered' : '';
    const items = arrayAt(g, 'items')
      .filter(isJsonObject)
      .map((item, index) => {
        const image = objectAt(item, 'image');
        const crop = image && objectAt(image, 'cropStyle');
        const circle = crop && stringAt(crop, 'type') === 'CIRCLE' ? ' class="gcard-circle"' : '';
        const src = image && imageSrc(stringAt(image, 'imageUri'));
        const img = image ? `<img${circle}${attr('src', src)}${attr('alt', stringAt(image, 'altText') ?? '')}>` : '';
        const subtitle = stringAt(item, 'subtitle');
        const text =
          `<div class="gcard-grid-item-title">${escapeHtml(stringAt(item, 'title') ?? '')}</div>` +
          (subtitle !== undefined ? `<div class="gcard-grid-item-subtitle">${escapeHtml(subtitle)}</div>` : '');
        const above = stringAt(item, 'layout') === 'TEXT_ABOVE';
        return (
          `<div class="gcard-grid-item${bordered}${onClick ? ' gcard-clickable' : ''}"${attr('data-grid-item-id', stringAt(item, 'id'))}` +
          `${attr('data-grid-item-index', index)}${onClickAttrs(onClick)}>${above ? text + img : img + text}</div>`
        );
      })
      .join('');
    return (
      '<div class="gcard-widget">' +
      (title !== undefined ? `<div class="gcard-grid-title">${escapeHtml(title)}</div>` : '') +
      `<div class="gcard-grid" style="grid-template-columns: repeat(${cols}, minmax(0, 1fr))">${items}</div></div>`
    );
  }

  private columns(c: JsonObject): string {
    const columns = arrayAt(c, 'columnItems')
      .filter(isJsonObject)
      .map((col) => {
        const min = stringAt(col, 'horizontalSizeStyle') === 'FILL_MINIMUM_SPACE' ? ' gcard-column--min' : '';
        const v: Record<string, string> = { TOP: 'flex-start', CENTER: 'center', BOTTOM: 'flex-end' };
        const h: Record<string, string> = { START: 'flex-start', CENTER: 'center', END: 'flex-end' };
        const va = v[stringAt(col, 'verticalAlignment') ?? ''];
        const ha = h[stringAt(col, 'horizontalAlignment') ?? ''];
        const style = [va && `justify-content: ${va}`, ha && `align-items: ${ha}`].filter(Boolean).join('; ');
        const widgets = arrayAt(col, 'widgets')
          .filter(isJsonObject)
          .map((w) => this.widget(w))
          .join('');
        return `<div class="gcard-column${min}"${style ? attr('style', style) : ''}>${widgets}</div>`;
      })
      .join('');
    return `<div class="gcard-widget gcard-columns">${columns}</div>`;
  }

  private chipList(c: JsonObject, style: string): string {
    const scroll = stringAt(c, 'layout') === 'HORIZONTAL_SCROLLABLE' ? ' gcard-chip-list--scroll' : '';
    const chips = arrayAt(c, 'chips')
      .filter(isJsonObject)
      .map(
        (chip) =>
          `<button type="button" class="gcard-chip"${booleanAt(chip, 'disabled') ? ' disabled' : ''}` +
          `${attr('aria-label', stringAt(chip, 'altText'))}${onClickAttrs(objectAt(chip, 'onClick'))}>` +
          `${this.icon(objectAt(chip, 'icon'))}${escapeHtml(stringAt(chip, 'label') ?? '')}</button>`,
      )
      .join('');
    return `<div class="gcard-widget gcard-chip-list${scroll}"${style}>${chips}</div>`;
  }

  private footer(f: JsonObject): string {
    const primary = objectAt(f, 'primaryButton');
    const secondary = objectAt(f, 'secondaryButton');
    const withDefault = (b: JsonObject, type: string): JsonObject =>
      b.type === undefined && !b.color ? { ...b, type } : b;
    return (
      '<div class="gcard-footer">' +
      (primary ? this.button(withDefault(primary, 'FILLED')) : '') +
      (secondary ? this.button(withDefault(secondary, 'OUTLINED')) : '') +
      '</div>'
    );
  }
}

/** Re-exported for page scripts and tests that need the same text handling. */
export { formatCardText } from './formatText';

/** The JSON type, re-exported for callers of the renderer. */
export type { Json, JsonObject };
