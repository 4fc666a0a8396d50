/**
 * The event objects Google passes to a Workspace add-on's homepage, universal actions and card callbacks, read into
 * one small shape: the action's parameters, the form inputs (`commonEventObject.formInputs.<name>.stringInputs.value`),
 * and what the Sheets host says about the open spreadsheet (`sheets.id` and `sheets.title` arrive only after the
 * user granted drive.file for it; a missing `addonHasFileScopePermission` means not granted). The deprecated
 * top-level `parameters`/`formInputs` fields are read too, for hosts that still send only those. Pure.
 */

/** A form input as the event carries it. */
interface EventFormInput {
  stringInputs?: { value?: unknown[] };
}

/** The fields of a Workspace add-on event object this add-on reads (open-questions Q6). */
export interface AddonEvent {
  commonEventObject?: {
    hostApp?: string;
    platform?: string;
    formInputs?: Record<string, EventFormInput | undefined>;
    parameters?: Record<string, unknown>;
    userLocale?: string;
    timeZone?: { id?: string; offset?: number };
  };
  sheets?: { addonHasFileScopePermission?: boolean; id?: string; title?: string };
  /** Deprecated copies. */
  parameters?: Record<string, unknown>;
  formInputs?: Record<string, unknown[] | undefined>;
}

export interface SidebarRequest {
  params: Readonly<Record<string, string>>;
  /** First value of a form input, or undefined when the card had no such field. */
  input(name: string): string | undefined;
  /** Every value of a form input (checkboxes, multi-select). */
  inputs(name: string): string[];
  /** The open spreadsheet, when the add-on may open it. */
  spreadsheetId?: string;
  spreadsheetTitle?: string;
  /** drive.file granted for the open spreadsheet. */
  fileAccess: boolean;
  /** The user's time zone, when the host sends it (useLocaleFromApp). */
  timeZone?: string;
}

function strings(value: unknown[] | undefined): string[] {
  return (value ?? []).filter((v): v is string => typeof v === 'string');
}

/** Reads an event object (anything: a missing or odd event reads as empty). */
export function readEvent(event: unknown): SidebarRequest {
  const e = (typeof event === 'object' && event !== null ? event : {}) as AddonEvent;
  const common = e.commonEventObject ?? {};
  const params: Record<string, string> = {};
  for (const source of [e.parameters, common.parameters]) {
    for (const [k, v] of Object.entries(source ?? {})) if (typeof v === 'string') params[k] = v;
  }
  const values = (name: string): string[] | undefined => {
    const current = common.formInputs?.[name];
    if (current) return strings(current.stringInputs?.value);
    const legacy = e.formInputs?.[name];
    return legacy ? strings(legacy) : undefined;
  };
  const sheets = e.sheets ?? {};
  // `id` is present only once drive.file is granted for the file; without it there is nothing to open.
  const granted = typeof sheets.id === 'string' && sheets.id !== '' && sheets.addonHasFileScopePermission !== false;
  return {
    params,
    input: (name) => values(name)?.[0],
    inputs: (name) => values(name) ?? [],
    spreadsheetId: granted ? sheets.id : undefined,
    spreadsheetTitle: granted && typeof sheets.title === 'string' ? sheets.title : undefined,
    fileAccess: granted,
    timeZone: typeof common.timeZone?.id === 'string' && common.timeZone.id ? common.timeZone.id : undefined,
  };
}
