/**
 * CardService for the offline Apps Script runtime: builders that produce the same card JSON as `printJson()`
 * (google.apps.card.v1, lowerCamel keys), action responses, navigation and notifications. The runtime installs the
 * returned object as the `CardService` global of the script's V8 context; every builder object is a plain, frozen
 * object whose methods check arguments like Apps Script and whose `build()` validates like Apps Script (with
 * emulator-worded messages where the reference documents none; see README.md).
 */
import { createKit, type CardServiceOptions, type ClassDef } from './builderKit';
import { actionClasses } from './actions';
import { cardClasses } from './card';
import { inputClasses } from './inputs';
import { layoutClasses } from './layout';
import { responseClasses } from './responses';
import { widgetClasses } from './widgets';

export type { CardServiceOptions } from './builderKit';

const ALL_CLASSES: readonly ClassDef[] = [
  ...actionClasses,
  ...cardClasses,
  ...widgetClasses,
  ...inputClasses,
  ...layoutClasses,
  ...responseClasses,
];

/** Classes a script can create with `CardService.new<Class>()`. */
export const CONSTRUCTIBLE_CLASSES: readonly string[] = [
  'Action',
  'ActionResponseBuilder',
  'BorderStyle',
  'ButtonSet',
  'CardAction',
  'CardBuilder',
  'CardHeader',
  'CardSection',
  'Chip',
  'ChipList',
  'Column',
  'Columns',
  'DatePicker',
  'DateTimePicker',
  'DecoratedText',
  'Divider',
  'EditorFileScopeActionResponseBuilder',
  'FixedFooter',
  'Grid',
  'GridItem',
  'IconImage',
  'Image',
  'ImageButton',
  'ImageComponent',
  'ImageCropStyle',
  'KeyValue',
  'MaterialIcon',
  'Navigation',
  'Notification',
  'OpenLink',
  'OverflowMenu',
  'OverflowMenuItem',
  'SelectionInput',
  'Suggestions',
  'Switch',
  'TextButton',
  'TextInput',
  'TextParagraph',
  'TimePicker',
  'UniversalActionResponseBuilder',
  'Validation',
];

/**
 * Creates the `CardService` global: `new<Class>()` factories for every emulated class and the enums
 * (`CardService.TextButtonStyle.FILLED`, ...).
 *
 * @param makeError creates the errors thrown to the script; the runtime passes one that builds them in the
 *   script's realm, so `e instanceof Error` holds inside the script.
 * @param options unconfirmed behaviours and hooks (see {@link CardServiceOptions}).
 */
export function createCardService(
  makeError: (message: string) => Error,
  options: CardServiceOptions = {},
): Record<string, unknown> {
  const kit = createKit(makeError, options, ALL_CLASSES);
  const service: Record<string, unknown> = {};
  for (const cls of CONSTRUCTIBLE_CLASSES) {
    service[`new${cls}`] = function (...args: unknown[]): object {
      options.onCall?.(`CardService.new${cls}`);
      if (args.length > 0) {
        throw makeError(
          `The parameters (${args.map(() => 'Object').join(',')}) don't match the method signature for CardService.new${cls}.`,
        );
      }
      return kit.create(cls, cls === 'CardBuilder' ? { requireSections: kit.options.requireSections } : undefined);
    };
  }
  for (const [name, values] of Object.entries(kit.enums.enums)) service[name] = values;
  service.toString = () => 'CardService';
  return Object.freeze(service);
}
