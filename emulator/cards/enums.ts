/**
 * The CardService enums the emulation exposes (`CardService.TextButtonStyle.FILLED`, `CardService.Icon.EMAIL`, ...),
 * with the value names of the Apps Script reference, and how each value is printed into google.apps.card.v1 JSON.
 * Enum values are branded, frozen objects (not strings), so passing a string literal where Apps Script expects an
 * enum fails here as it does in Apps Script. `CardService.DateTimePickerType` is deliberately absent: the reference
 * has no such enum (the JSON `type` follows from DatePicker / TimePicker / DateTimePicker).
 */

/** Value names per enum, in reference order. */
export const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  BorderType: ['NO_BORDER', 'STROKE'],
  ChipListLayout: ['WRAPPED', 'HORIZONTAL_SCROLLABLE'],
  DisplayStyle: ['PEEK', 'REPLACE'],
  GridItemLayout: ['TEXT_BELOW', 'TEXT_ABOVE'],
  HorizontalAlignment: ['START', 'CENTER', 'END'],
  HorizontalSizeStyle: ['FILL_AVAILABLE_SPACE', 'FILL_MINIMUM_SPACE'],
  Icon: [
    'NONE',
    'AIRPLANE',
    'BOOKMARK',
    'BUS',
    'CAR',
    'CLOCK',
    'CONFIRMATION_NUMBER_ICON',
    'DOLLAR',
    'DESCRIPTION',
    'EMAIL',
    'EVENT_PERFORMER',
    'EVENT_SEAT',
    'FLIGHT_ARRIVAL',
    'FLIGHT_DEPARTURE',
    'HOTEL',
    'HOTEL_ROOM_TYPE',
    'INVITE',
    'MAP_PIN',
    'MEMBERSHIP',
    'MULTIPLE_PEOPLE',
    'OFFER',
    'PERSON',
    'PHONE',
    'RESTAURANT_ICON',
    'SHOPPING_CART',
    'STAR',
    'STORE',
    'TICKET',
    'TRAIN',
    'VIDEO_CAMERA',
    'VIDEO_PLAY',
  ],
  ImageButtonStyle: ['BORDERLESS', 'OUTLINED', 'FILLED', 'FILLED_TONAL'],
  ImageCropType: ['SQUARE', 'CIRCLE', 'RECTANGLE_CUSTOM', 'RECTANGLE_4_3'],
  ImageStyle: ['SQUARE', 'CIRCLE'],
  InputType: ['TEXT', 'INTEGER', 'FLOAT', 'EMAIL'],
  Interaction: ['INTERACTION_UNSPECIFIED', 'OPEN_DIALOG'],
  LoadIndicator: ['SPINNER', 'NONE'],
  OnClose: ['NOTHING', 'RELOAD'],
  OpenAs: ['FULL_SIZE', 'OVERLAY'],
  SelectionInputType: ['CHECK_BOX', 'RADIO_BUTTON', 'DROPDOWN', 'SWITCH', 'MULTI_SELECT'],
  SwitchControlType: ['SWITCH', 'CHECK_BOX'],
  TextButtonStyle: ['OUTLINED', 'TEXT', 'FILLED', 'FILLED_TONAL', 'BORDERLESS'],
  VerticalAlignment: ['CENTER', 'TOP', 'BOTTOM'],
  WrapStyle: ['NOWRAP', 'WRAP'],
};

/**
 * JSON spelling of enum values whose name differs from the google.apps.card.v1 enum value. `TextButtonStyle.TEXT`
 * is the deprecated spelling of OUTLINED and has no JSON value of its own (known difference K6).
 */
const JSON_SPELLING: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  TextButtonStyle: { TEXT: 'OUTLINED' },
};

/** The identity of an enum value: which enum and which name. */
export interface EnumIdentity {
  enumName: string;
  name: string;
}

/** An Apps Script enum value as seen by scripts: `toString()`, `name()` and `ordinal()` as on Java enums. */
export interface EnumValue {
  toString(): string;
  toJSON(): string;
  name(): string;
  ordinal(): number;
}

/** Enum objects plus a lookup from value object to identity (identity-based, so it works across realms). */
export interface EnumRegistry {
  enums: Record<string, Readonly<Record<string, EnumValue>>>;
  identify(value: unknown): EnumIdentity | undefined;
}

/** Creates fresh enum objects for one CardService instance. */
export function createEnums(): EnumRegistry {
  const identities = new WeakMap<object, EnumIdentity>();
  const enums: Record<string, Readonly<Record<string, EnumValue>>> = {};
  for (const [enumName, names] of Object.entries(ENUM_VALUES)) {
    const values: Record<string, EnumValue> = {};
    names.forEach((name, index) => {
      const value: EnumValue = Object.freeze({
        toString: () => name,
        toJSON: () => name,
        name: () => name,
        ordinal: () => index,
      });
      identities.set(value, { enumName, name });
      values[name] = value;
    });
    enums[enumName] = Object.freeze(values);
  }
  return {
    enums,
    identify: (value) => (typeof value === 'object' && value !== null ? identities.get(value) : undefined),
  };
}

/** The google.apps.card.v1 JSON spelling of an enum value. */
export function enumJson(identity: EnumIdentity): string {
  return JSON_SPELLING[identity.enumName]?.[identity.name] ?? identity.name;
}
