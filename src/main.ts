/**
 * The add-on's public surface: every function Apps Script calls by name — menu items, simple and manifest
 * triggers, card actions and time-driven triggers. This module only re-exports entry points; the Rollup build
 * turns each export into a top-level function of dist/Code.js and checks appsscript.json against this list.
 */
export {
  onOpen,
  onInstall,
  setUpSheets,
  previewSpaces,
  applySpaces,
  applySelectedSpaces,
  showLastRun,
  cancelJob,
  continueJobs,
} from './entry/menu';
export * from './entry/sidebar';
export * from './entry/members';
export * from './entry/exports';
export * from './entry/retire';
export * from './entry/messages';
