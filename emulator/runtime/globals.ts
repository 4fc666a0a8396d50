/**
 * Installs the Apps Script globals in a fresh execution context: the services (as facades that count and charge
 * every call), console, CardService (from emulator/cards), MimeType, and the advanced services the manifest enables.
 * Nothing else is visible to the script: no Node globals, no emulator internals.
 */
import type { AdvancedServiceBinding } from '../core/api';
import { createCardService } from '../cards/cardService';
import type { Execution } from './execution';
import { installAdvancedServices } from './services/advanced';
import { CacheServiceImpl } from './services/cache';
import { DriveAppImpl } from './services/drive';
import { HtmlServiceImpl } from './services/html';
import { LockServiceImpl } from './services/lock';
import { LoggerImpl, makeConsole } from './services/logging';
import { PropertiesServiceImpl } from './services/properties';
import { ScriptAppImpl } from './services/scriptApp';
import { SessionImpl } from './services/session';
import { UrlFetchAppImpl } from './services/urlFetch';
import { UtilitiesImpl } from './services/utilities';
import { SpreadsheetAppImpl } from './spreadsheet/app';

/** MimeType enum values (Apps Script exposes them as strings where a content type is expected). */
const MIME_TYPES: Record<string, string> = {
  CSV: 'text/csv',
  HTML: 'text/html',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  PLAIN_TEXT: 'text/plain',
  PDF: 'application/pdf',
  PNG: 'image/png',
  JPEG: 'image/jpeg',
  GIF: 'image/gif',
  ZIP: 'application/zip',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  FOLDER: 'application/vnd.google-apps.folder',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface GlobalsDeps {
  advancedServices: readonly AdvancedServiceBinding[];
  htmlFiles: ReadonlyMap<string, string>;
}

/** Puts every global the script may use on the execution's context. */
export function installGlobals(exec: Execution, deps: GlobalsDeps): void {
  const g = exec.realm.global;
  const services = {
    SpreadsheetApp: new SpreadsheetAppImpl(exec),
    PropertiesService: new PropertiesServiceImpl(exec),
    CacheService: new CacheServiceImpl(exec),
    LockService: new LockServiceImpl(exec),
    ScriptApp: new ScriptAppImpl(exec),
    Utilities: new UtilitiesImpl(exec),
    Session: new SessionImpl(exec),
    UrlFetchApp: new UrlFetchAppImpl(exec),
    HtmlService: new HtmlServiceImpl(exec, deps.htmlFiles),
    DriveApp: new DriveAppImpl(exec),
    Logger: new LoggerImpl(exec),
  };
  for (const [name, impl] of Object.entries(services)) {
    Object.defineProperty(g, name, { value: exec.facade(impl), writable: true, configurable: true, enumerable: false });
  }
  Object.defineProperty(g, 'console', {
    value: makeConsole(exec),
    writable: true,
    configurable: true,
    enumerable: false,
  });
  Object.defineProperty(g, 'MimeType', { value: exec.toScript({ ...MIME_TYPES }), writable: true, configurable: true });
  Object.defineProperty(g, 'CardService', {
    value: createCardService((message: string) => exec.makeError(message), {
      // `CardService.CardBuilder.build` is counted as `CardBuilder.build`, like other classes.
      onCall: (method: string) =>
        exec.countCall(method.split('.').length > 2 ? method.slice(method.indexOf('.') + 1) : method),
    }),
    writable: true,
    configurable: true,
  });
  installAdvancedServices(exec, exec.rt.config.manifest, deps.advancedServices, g);
}
