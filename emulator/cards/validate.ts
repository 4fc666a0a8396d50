/**
 * Validator for card JSON: checks a google.apps.card.v1 card (or the cards inside a Workspace add-on action
 * response) against the `GoogleAppsCardV1*` schemas of the Chat discovery document (unknown fields, wrong types,
 * enum values), the documented limits (100 sections per card, 100 widgets per section, 100 selection items), the
 * fields the reference marks "Required", and one-of groups (one widget kind per widget, one handler per OnClick).
 * It also reports every action function name and widget kind used, so tests can check each function is an
 * exported function of the bundle and each widget kind is one the HTML renderer supports.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ENUM_VALUES } from './enums';
import { isJsonObject, type Json, type JsonObject } from './json';

/** A property of a discovery schema. */
export interface SchemaProperty {
  type?: string;
  $ref?: string;
  enum?: string[];
  format?: string;
  items?: SchemaProperty;
  additionalProperties?: SchemaProperty;
  deprecated?: boolean;
}

/** A discovery schema (object types only are used here). */
export interface Schema {
  id?: string;
  type?: string;
  properties?: Record<string, SchemaProperty>;
}

/** Discovery schemas by id. */
export type Schemas = Record<string, Schema>;

/** Result of a validation. */
export interface CardValidation {
  /** One sentence per problem, each starting with the JSON path (`card.sections[0].widgets[2].textInput`). */
  errors: string[];
  /** Every `Action.function` used (onClick, onChangeAction, autoCompleteAction, ...), sorted, unique. */
  actionFunctions: string[];
  /** Every widget kind used (`textParagraph`, `buttonList`, ...), including widgets nested in columns, sorted. */
  widgetKinds: string[];
}

/** Options of a validation. */
export interface ValidateOptions {
  /** Schemas to validate against; default: those of `emulator/data/chat-v1-discovery.json`. */
  schemas?: Schemas;
  /** Whether a card needs at least one section (default true, like the CardService emulation; K4). */
  requireSections?: boolean;
}

/** Most sections per card, widgets per section and items per selection input. */
export const CARD_LIMITS = { sections: 100, widgetsPerSection: 100, selectionItems: 100 } as const;

const WIDGET_SCHEMAS = new Set(['GoogleAppsCardV1Widget', 'GoogleAppsCardV1Widgets', 'GoogleAppsCardV1NestedWidget']);
const KNOWN_ICONS = new Set(ENUM_VALUES.Icon.filter((n) => n !== 'NONE'));

let defaultSchemas: Schemas | undefined;

/** The schemas of the project's copy of the Chat v1 discovery document (read once). */
export function loadDiscoverySchemas(): Schemas {
  if (!defaultSchemas) {
    const text = readFileSync(join(__dirname, '..', 'data', 'chat-v1-discovery.json'), 'utf8');
    defaultSchemas = (JSON.parse(text) as { schemas: Schemas }).schemas;
  }
  return defaultSchemas;
}

/**
 * Validates one card (the parsed `printJson()` of a Card).
 *
 * @param json the card JSON.
 * @param options schemas and unconfirmed rules.
 * @param path the JSON path to report errors under (default `card`).
 */
export function validateCard(json: unknown, options: ValidateOptions = {}, path = 'card'): CardValidation {
  const checker = new Checker(options);
  checker.ref(json, 'GoogleAppsCardV1Card', path);
  return checker.result();
}

/**
 * Validates a Workspace add-on action response (the parsed `printJson()` of an ActionResponse,
 * UniversalActionResponse or EditorFileScopeActionResponse), including every card it pushes or updates.
 */
export function validateActionResponse(json: unknown, options: ValidateOptions = {}): CardValidation {
  const checker = new Checker(options);
  checker.actionResponse(json, 'response');
  return checker.result();
}

/**
 * Validates whatever an add-on entry point returned, after `printJson()`: a card, an array of cards (homepage
 * triggers may return several), or an action response.
 */
export function validateRenderResult(json: unknown, options: ValidateOptions = {}): CardValidation {
  const checker = new Checker(options);
  if (Array.isArray(json)) {
    if (json.length === 0) checker.error('cards', 'an entry point returned an empty array of cards.');
    json.forEach((card, i) => checker.ref(card, 'GoogleAppsCardV1Card', `cards[${i}]`));
  } else if (isJsonObject(json) && ('renderActions' in json || 'stateChanged' in json)) {
    checker.actionResponse(json, 'response');
  } else {
    checker.ref(json, 'GoogleAppsCardV1Card', 'card');
  }
  return checker.result();
}

/** Walks JSON against the schemas, collecting errors, action functions and widget kinds. */
class Checker {
  private readonly errors: string[] = [];
  private readonly functions = new Set<string>();
  private readonly kinds = new Set<string>();
  private readonly schemas: Schemas;
  private readonly requireSections: boolean;

  constructor(options: ValidateOptions) {
    this.schemas = options.schemas ?? loadDiscoverySchemas();
    this.requireSections = options.requireSections ?? true;
  }

  result(): CardValidation {
    return { errors: this.errors, actionFunctions: [...this.functions].sort(), widgetKinds: [...this.kinds].sort() };
  }

  error(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }

  /** Checks `value` against the schema named `ref`. */
  ref(value: unknown, ref: string, path: string): void {
    const schema = this.schemas[ref];
    if (!schema) {
      this.error(path, `schema ${ref} is missing from the discovery document.`);
      return;
    }
    if (!isJsonObject(value)) {
      this.error(path, `expected an object (${ref}), got ${describe(value)}.`);
      return;
    }
    const props = schema.properties ?? {};
    for (const [key, v] of Object.entries(value)) {
      const prop = props[key];
      if (!prop) this.error(`${path}.${key}`, `unknown field (${ref} has no "${key}").`);
      else this.prop(v, prop, `${path}.${key}`);
    }
    this.rules(ref, value, path);
  }

  private prop(value: Json, prop: SchemaProperty, path: string): void {
    if (prop.$ref) {
      this.ref(value, prop.$ref, path);
      return;
    }
    switch (prop.type) {
      case 'string':
        if (prop.format === 'int64') {
          const ok = (typeof value === 'string' && /^-?\d+$/.test(value)) || Number.isInteger(value);
          if (!ok) this.error(path, `expected an int64 (string of digits), got ${describe(value)}.`);
          return;
        }
        if (typeof value !== 'string') {
          this.error(path, `expected a string, got ${describe(value)}.`);
          return;
        }
        if (prop.enum && !prop.enum.includes(value)) {
          this.error(path, `"${value}" is not one of ${prop.enum.join(', ')}.`);
        }
        return;
      case 'integer':
        if (!Number.isInteger(value)) this.error(path, `expected an integer, got ${describe(value)}.`);
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          this.error(path, `expected a number, got ${describe(value)}.`);
        }
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.error(path, `expected a boolean, got ${describe(value)}.`);
        return;
      case 'array':
        if (!Array.isArray(value)) {
          this.error(path, `expected an array, got ${describe(value)}.`);
          return;
        }
        if (prop.items) {
          const items = prop.items;
          value.forEach((item, i) => this.prop(item, items, `${path}[${i}]`));
        }
        return;
      case 'object':
        if (!isJsonObject(value)) {
          this.error(path, `expected an object, got ${describe(value)}.`);
          return;
        }
        if (prop.additionalProperties) {
          const ap = prop.additionalProperties;
          for (const [k, v] of Object.entries(value)) this.prop(v, ap, `${path}.${k}`);
        }
        return;
      default:
        return;
    }
  }

  /** Rules the schemas cannot express: required fields, one-of groups, limits. */
  private rules(ref: string, v: JsonObject, path: string): void {
    const need = (key: string, what = `"${key}" is required.`): void => {
      const x = v[key];
      if (x === undefined || x === null || x === '') this.error(path, what);
    };
    if (WIDGET_SCHEMAS.has(ref)) {
      const kinds = Object.keys(v).filter((k) => k !== 'horizontalAlignment');
      if (kinds.length !== 1) {
        this.error(path, `a widget must have exactly one kind, found ${kinds.length} (${kinds.join(', ') || 'none'}).`);
      }
      kinds.forEach((k) => this.kinds.add(k));
      return;
    }
    switch (ref) {
      case 'GoogleAppsCardV1Card': {
        const sections = Array.isArray(v.sections) ? v.sections : [];
        if (sections.length > CARD_LIMITS.sections) {
          this.error(path, `a card can have at most ${CARD_LIMITS.sections} sections, found ${sections.length}.`);
        }
        if (sections.length === 0 && this.requireSections) this.error(path, 'a card must have at least one section.');
        return;
      }
      case 'GoogleAppsCardV1Section': {
        const widgets = Array.isArray(v.widgets) ? v.widgets : [];
        if (widgets.length > CARD_LIMITS.widgetsPerSection) {
          this.error(
            path,
            `a section can have at most ${CARD_LIMITS.widgetsPerSection} widgets, found ${widgets.length}.`,
          );
        }
        if (widgets.length === 0) this.error(path, 'a section must have at least one widget.');
        return;
      }
      case 'GoogleAppsCardV1OnClick': {
        const n = Object.keys(v).length;
        if (n !== 1) this.error(path, `an onClick must have exactly one handler, found ${n}.`);
        return;
      }
      case 'GoogleAppsCardV1Action':
        need('function', '"function" is required (the callback function name).');
        if (typeof v.function === 'string' && v.function !== '') this.functions.add(v.function);
        return;
      case 'GoogleAppsCardV1ActionParameter':
        if (typeof v.key !== 'string') this.error(path, '"key" is required and must be a string.');
        if (typeof v.value !== 'string') this.error(path, '"value" is required and must be a string.');
        return;
      case 'GoogleAppsCardV1CardHeader':
        need('title');
        return;
      case 'GoogleAppsCardV1Button':
        need('onClick');
        if (!v.text && !v.icon) this.error(path, 'a button needs "text" or an "icon".');
        return;
      case 'GoogleAppsCardV1DecoratedText': {
        need('text');
        const controls = ['button', 'switchControl', 'endIcon'].filter((k) => k in v);
        if (controls.length > 1) this.error(path, `only one of button, switchControl, endIcon may be set.`);
        return;
      }
      case 'GoogleAppsCardV1TextParagraph':
        if (typeof v.text !== 'string') this.error(path, '"text" is required.');
        return;
      case 'GoogleAppsCardV1Image':
        need('imageUrl');
        return;
      case 'GoogleAppsCardV1ImageComponent':
        need('imageUri');
        return;
      case 'GoogleAppsCardV1TextInput':
        need('name', '"name" is required (the form input key).');
        if (!v.label && !v.hintText) this.error(path, '"label" or "hintText" is required.');
        return;
      case 'GoogleAppsCardV1SelectionInput': {
        need('name', '"name" is required (the form input key).');
        const items = Array.isArray(v.items) ? v.items : [];
        if (items.length > CARD_LIMITS.selectionItems) {
          this.error(path, `a selection input can have at most ${CARD_LIMITS.selectionItems} items.`);
        }
        return;
      }
      case 'GoogleAppsCardV1DateTimePicker':
      case 'GoogleAppsCardV1SwitchControl':
        need('name', '"name" is required (the form input key).');
        return;
      case 'GoogleAppsCardV1Icon': {
        const sources = ['knownIcon', 'iconUrl', 'materialIcon'].filter((k) => k in v);
        if (sources.length !== 1) {
          this.error(path, `an icon must have exactly one of knownIcon, iconUrl, materialIcon.`);
        }
        if (typeof v.knownIcon === 'string' && !KNOWN_ICONS.has(v.knownIcon)) {
          this.error(path, `"${v.knownIcon}" is not a built-in icon.`);
        }
        return;
      }
      case 'GoogleAppsCardV1MaterialIcon':
        need('name');
        return;
      case 'GoogleAppsCardV1CardFixedFooter':
        if (!v.primaryButton && !v.secondaryButton) {
          this.error(path, 'a fixed footer needs a primaryButton or a secondaryButton.');
        }
        return;
      case 'GoogleAppsCardV1CardAction':
        need('actionLabel');
        need('onClick');
        return;
      case 'GoogleAppsCardV1OverflowMenu':
        if (!Array.isArray(v.items) || v.items.length === 0) this.error(path, '"items" is required.');
        return;
      case 'GoogleAppsCardV1OverflowMenuItem':
        need('text');
        need('onClick');
        return;
      case 'GoogleAppsCardV1OpenLink':
        need('url');
        return;
      case 'Color':
        for (const c of ['red', 'green', 'blue', 'alpha']) {
          const x = v[c];
          if (typeof x === 'number' && (x < 0 || x > 1)) this.error(`${path}.${c}`, `must be between 0 and 1.`);
        }
        return;
      default:
        return;
    }
  }

  /** Checks an add-on action response and the cards inside it. */
  actionResponse(json: unknown, path: string): void {
    if (!isJsonObject(json)) {
      this.error(path, `expected an action response object, got ${describe(json)}.`);
      return;
    }
    this.onlyKeys(json, ['renderActions', 'stateChanged'], path);
    if ('stateChanged' in json && typeof json.stateChanged !== 'boolean') {
      this.error(`${path}.stateChanged`, 'expected a boolean.');
    }
    const ra = json.renderActions;
    if (!isJsonObject(ra)) {
      this.error(`${path}.renderActions`, 'is required and must be an object.');
      return;
    }
    const raPath = `${path}.renderActions`;
    this.onlyKeys(ra, ['action', 'hostAppAction'], raPath);
    if (ra.action === undefined && ra.hostAppAction === undefined) this.error(raPath, 'has no action.');
    if (ra.action !== undefined) this.renderAction(ra.action, `${raPath}.action`);
    if (ra.hostAppAction !== undefined) this.hostAppAction(ra.hostAppAction, `${raPath}.hostAppAction`);
  }

  private renderAction(action: Json, path: string): void {
    if (!isJsonObject(action)) {
      this.error(path, 'must be an object.');
      return;
    }
    this.onlyKeys(action, ['navigations', 'notification', 'link'], path);
    if (action.navigations !== undefined) {
      if (!Array.isArray(action.navigations)) this.error(`${path}.navigations`, 'must be an array.');
      else action.navigations.forEach((n, i) => this.navigation(n, `${path}.navigations[${i}]`));
    }
    if (action.notification !== undefined) {
      const n = action.notification;
      const nPath = `${path}.notification`;
      if (!isJsonObject(n)) this.error(nPath, 'must be an object.');
      else {
        this.onlyKeys(n, ['text'], nPath);
        if (typeof n.text !== 'string' || n.text === '') this.error(nPath, '"text" is required.');
      }
    }
    if (action.link !== undefined) this.ref(action.link, 'GoogleAppsCardV1OpenLink', `${path}.link`);
  }

  private navigation(nav: Json, path: string): void {
    if (!isJsonObject(nav)) {
      this.error(path, 'must be an object.');
      return;
    }
    const keys = Object.keys(nav);
    if (keys.length !== 1) {
      this.error(path, `a navigation must have exactly one step, found ${keys.length} (${keys.join(', ')}).`);
    }
    for (const key of keys) {
      const v = nav[key];
      switch (key) {
        case 'pushCard':
        case 'updateCard':
          this.ref(v, 'GoogleAppsCardV1Card', `${path}.${key}`);
          break;
        case 'popCard':
        case 'popToRoot':
          if (v !== true) this.error(`${path}.${key}`, 'must be true.');
          break;
        case 'popToCard':
          if (typeof v !== 'string' || v === '') this.error(`${path}.${key}`, 'must be a card name.');
          break;
        default:
          this.error(`${path}.${key}`, 'unknown navigation step.');
      }
    }
  }

  private hostAppAction(host: Json, path: string): void {
    const ok =
      isJsonObject(host) &&
      Object.keys(host).length === 1 &&
      isJsonObject(host.editorAction) &&
      Object.keys(host.editorAction).length === 1 &&
      isJsonObject(host.editorAction.requestFileScopeForActiveDocument);
    if (!ok) this.error(path, 'only { editorAction: { requestFileScopeForActiveDocument: {} } } is emulated.');
  }

  private onlyKeys(obj: JsonObject, allowed: string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.error(`${path}.${key}`, `unknown field (expected ${allowed.join(', ')}).`);
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
