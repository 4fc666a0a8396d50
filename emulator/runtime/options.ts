/**
 * Options of the offline Apps Script runtime: the script and its manifest, the execution mode, the cost model that
 * moves the virtual clock, the platform limits, and the switches for behaviour Google does not document (each with
 * the documented or most strictly observed behaviour as default). README.md explains every default.
 */
import type { AdvancedServiceBinding, ApiHost } from '../core/api';
import type { VirtualClock } from '../core/clock';

/** How the script project is running. */
export type ExecutionMode = 'bound' | 'editor-addon' | 'workspace-addon';

/** The parts of appsscript.json the runtime reads. */
export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  urlFetchWhitelist?: string[];
  runtimeVersion?: string;
  dependencies?: { enabledAdvancedServices?: { serviceId: string; userSymbol: string; version: string }[] };
  addOns?: {
    common?: { name?: string; useLocaleFromApp?: boolean; homepageTrigger?: { runFunction?: string } };
    sheets?: { homepageTrigger?: { runFunction?: string }; onFileScopeGrantedTrigger?: { runFunction?: string } };
  };
  [key: string]: unknown;
}

/** One source file, evaluated in push order like the files of an Apps Script project. */
export interface ScriptFile {
  name: string;
  code: string;
}

/**
 * Virtual-time cost of the work an execution does. Defaults (see README "Cost model") are chosen to be in the range
 * of what real executions report; benchmarks state them next to their results.
 */
export interface CostModel {
  /** Per call of a SpreadsheetApp/Spreadsheet/Sheet/Range method that reaches the spreadsheet. Default 20. */
  spreadsheetCallMs: number;
  /** Per cell read or written by such a call. Default 0.05. */
  spreadsheetCellMs: number;
  /** Per Properties read/write. Default 5. */
  propertiesCallMs: number;
  /** Per Cache call. Default 5. */
  cacheCallMs: number;
  /** Per Lock call (waiting is charged on top). Default 5. */
  lockCallMs: number;
  /** Per trigger-management call (create, getProjectTriggers, deleteTrigger...). Default 50. */
  scriptAppCallMs: number;
  /** Per DriveApp/Folder/File call. Default 50. */
  driveCallMs: number;
  /** Per Ui/menu/toast/sidebar call. Default 5. */
  uiCallMs: number;
  /** Time a user takes to answer an alert or prompt (the execution waits). Default 1000. */
  uiDialogMs: number;
  /** Added to each UrlFetchApp request on top of the API host's latency. Default 0. */
  urlFetchOverheadMs: number;
  /**
   * Multiplier applied to the script's own measured CPU time (Node `process.hrtime`, minus time inside services).
   * Default 3. Set 0 for fully reproducible virtual time (CPU time varies between runs).
   */
  cpuFactor: number;
}

export const DEFAULT_COSTS: CostModel = {
  spreadsheetCallMs: 20,
  spreadsheetCellMs: 0.05,
  propertiesCallMs: 5,
  cacheCallMs: 5,
  lockCallMs: 5,
  scriptAppCallMs: 50,
  driveCallMs: 50,
  uiCallMs: 5,
  uiDialogMs: 1000,
  urlFetchOverheadMs: 0,
  cpuFactor: 3,
};

/** Platform limits, on the virtual clock unless noted (quotas page; open-questions Q8). */
export interface Limits {
  /** Script runtime per execution. DOC: 6 min. */
  executionMs: number;
  /** Workspace add-on callbacks (homepage, card actions). DOC: 30 s. */
  cardCallbackMs: number;
  /** Simple triggers (onOpen, onEdit). DOC: "cannot run for longer than 30 seconds". */
  simpleTriggerMs: number;
  /** Real (wall-clock) guard against infinite loops in `runInContext`. Emulator-only. Default 60 s. */
  realTimeoutMs: number;
  /** Triggers per user per script. DOC: 20. */
  triggersPerUser: number;
  /** Properties: bytes per value (DOC: 9 KB) and per store (DOC: 500 KB). */
  propertyValueBytes: number;
  propertyStoreBytes: number;
  /** Cache: key characters (DOC 250), value bytes (DOC 100 KB), max expiration seconds (DOC 21600). */
  cacheKeyChars: number;
  cacheValueBytes: number;
  cacheMaxExpirationSec: number;
  /** URL length for UrlFetchApp. DOC: 2 KB. */
  urlFetchUrlChars: number;
  /** Bytes of one UrlFetchApp response. DOC: 50 MB per call. */
  urlFetchResponseBytes: number;
  /** Characters in one cell. OBSERVED: 50,000. */
  cellChars: number;
}

export const DEFAULT_LIMITS: Limits = {
  executionMs: 6 * 60_000,
  cardCallbackMs: 30_000,
  simpleTriggerMs: 30_000,
  realTimeoutMs: 60_000,
  triggersPerUser: 20,
  propertyValueBytes: 9 * 1024,
  propertyStoreBytes: 500 * 1024,
  cacheKeyChars: 250,
  cacheValueBytes: 100 * 1024,
  cacheMaxExpirationSec: 21_600,
  urlFetchUrlChars: 2048,
  urlFetchResponseBytes: 50 * 1024 * 1024,
  cellChars: 50_000,
};

/** Switches for behaviour no primary source settles; defaults follow the documented or strictest observed case. */
export interface Behaviour {
  /**
   * When a one-shot `after()`/`at()` trigger created by an add-on fires (UNCONFIRMED, open-questions Q2):
   * 'as-scheduled' (default), 'next-hour' (not before one hour after creation), or a minimum delay in ms.
   */
  addonOneShotDelay: 'as-scheduled' | 'next-hour' | number;
  /** A one-shot trigger after it fires: kept listed and disabled (default, OBSERVED) or deleted. */
  spentOneShotTriggers: 'keep-disabled' | 'delete';
  /** AuthMode of an editor add-on's onOpen: 'NONE' (default: installed but not yet used in this document) or 'LIMITED'. */
  editorAddonOpenAuthMode: 'NONE' | 'LIMITED';
  /** DOC: editor add-ons "can only have one trigger of each type, per user, per document". Default true. */
  editorAddonOneTriggerPerType: boolean;
  /** ScriptApp.getInstallationSource() in add-on modes. Default 'WEB_STORE_ADD_ON' (user install). */
  addonInstallationSource: 'WEB_STORE_ADD_ON' | 'APPS_MARKETPLACE_DOMAIN_ADD_ON';
  /** Check each call against the manifest's oauthScopes and the trigger's AuthMode. Default true. */
  enforceScopes: boolean;
  /** Check UrlFetchApp URLs against `urlFetchWhitelist` in add-on modes when the manifest has one. Default true. */
  enforceUrlFetchWhitelist: boolean;
  /** Refuse writes that violate a data-validation rule with allowInvalid = false. Default true (weak evidence). */
  enforceDataValidation: boolean;
  /** Requests of one fetchAll in flight together (UNCONFIRMED; no documented cap). Default Infinity. */
  fetchAllConcurrency: number;
  /** Items a cache keeps before evicting the oldest. DOC: 1,000. */
  cacheMaxItems: number;
  /** Characters of the body quoted in "Truncated server response". OBSERVED: 147. */
  truncatedResponseChars: number;
  /** The executing user's locale (`Session.getActiveUserLocale`, event `userLocale`). Default 'en'. */
  userLocale: string;
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  addonOneShotDelay: 'as-scheduled',
  spentOneShotTriggers: 'keep-disabled',
  editorAddonOpenAuthMode: 'NONE',
  editorAddonOneTriggerPerType: true,
  addonInstallationSource: 'WEB_STORE_ADD_ON',
  enforceScopes: true,
  enforceUrlFetchWhitelist: true,
  enforceDataValidation: true,
  fetchAllConcurrency: Infinity,
  cacheMaxItems: 1000,
  truncatedResponseChars: 147,
  userLocale: 'en',
};

export interface RuntimeOptions {
  /** The script: one source (e.g. dist/Code.js) or several files in push order. */
  scripts: string | ScriptFile[];
  manifest: Manifest;
  mode: ExecutionMode;
  /** The executing user. Default `admin@example.com`. */
  user?: string;
  clock?: VirtualClock;
  /** Seed of ids, UUIDs and Math.random. Default 1. */
  seed?: number;
  /** API hosts reachable with UrlFetchApp and by advanced services. */
  apis?: ApiHost[];
  /** Advanced services; installed when the manifest enables the same serviceId and version. */
  advancedServices?: AdvancedServiceBinding[];
  costs?: Partial<CostModel>;
  limits?: Partial<Limits>;
  behaviour?: Partial<Behaviour>;
  /** Script id (ScriptApp.getScriptId). Default derived from the seed. */
  scriptId?: string;
  /** Project name: the caption of createAddonMenu(). Default the manifest's add-on name or 'Untitled project'. */
  projectName?: string;
}

/** The resolved configuration every part of the runtime reads. */
export interface RuntimeConfig {
  manifest: Manifest;
  mode: ExecutionMode;
  defaultUser: string;
  costs: CostModel;
  limits: Limits;
  behaviour: Behaviour;
  scriptId: string;
  projectName: string;
  timeZone: string;
}
