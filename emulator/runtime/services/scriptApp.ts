/**
 * The ScriptApp global: trigger management (see triggers.ts), the OAuth token of the executing user (the token
 * emulator API hosts accept, core/auth.ts), the script id, the installation source by mode (NONE for a bound
 * script, WEB_STORE_ADD_ON or APPS_MARKETPLACE_DOMAIN_ADD_ON for add-ons: InstallationSource reference), and enums.
 */
import { issueToken } from '../../core/auth';
import { EnumValue, makeEnum, ServiceObject } from '../facade';
import type { Execution } from '../execution';
import { badSignature, expectString } from '../signature';
import { SpreadsheetImpl } from '../spreadsheet/spreadsheet';
import { EventType, TriggerBuilderImpl, TriggerImpl, TriggerSource, WeekDay } from './triggers';

export const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const InstallationSource = makeEnum('InstallationSource', [
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);
export const AuthorizationStatus = makeEnum('AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED']);

/** class AuthorizationInfo: the user has authorized the script (the emulator never asks). */
class AuthorizationInfoImpl extends ServiceObject {
  get className(): string {
    return 'AuthorizationInfo';
  }

  getAuthorizationStatus(): EnumValue {
    return AuthorizationStatus.NOT_REQUIRED;
  }

  getAuthorizationUrl(): null {
    return null;
  }
}

/** class Service (ScriptApp.getService): the web-app deployment. */
class ServiceImpl extends ServiceObject {
  get className(): string {
    return 'Service';
  }

  constructor(private readonly scriptId: string) {
    super();
  }

  getUrl(): string {
    return `https://script.google.com/macros/s/${this.scriptId}/exec`;
  }

  isEnabled(): boolean {
    return false;
  }
}

export class ScriptAppImpl extends ServiceObject {
  get className(): string {
    return 'ScriptApp';
  }

  constructor(private readonly exec: Execution) {
    super();
  }

  override _constants(): Record<string, unknown> {
    return { AuthMode, EventType, TriggerSource, WeekDay, InstallationSource, AuthorizationStatus };
  }

  newTrigger(functionName: unknown): TriggerBuilderImpl {
    return new TriggerBuilderImpl(this.exec, expectString('ScriptApp.newTrigger', [functionName], functionName));
  }

  /** Installable triggers of this script for the current user. */
  getProjectTriggers(): TriggerImpl[] {
    return this.exec.rt.triggers.ofUser(this.exec.user).map((t) => new TriggerImpl(t));
  }

  /** The current user's triggers on one spreadsheet. */
  getUserTriggers(document: unknown): TriggerImpl[] {
    if (!(document instanceof SpreadsheetImpl)) badSignature('ScriptApp.getUserTriggers', [document]);
    const id = document._ss.id;
    return this.exec.rt.triggers
      .ofUser(this.exec.user)
      .filter((t) => t.sourceId === id)
      .map((t) => new TriggerImpl(t));
  }

  deleteTrigger(trigger: unknown): void {
    if (!(trigger instanceof TriggerImpl)) badSignature('ScriptApp.deleteTrigger', [trigger]);
    this.exec.rt.triggers.remove(trigger._record.uid);
  }

  getOAuthToken(): string {
    return issueToken({ email: this.exec.user, scopes: this.exec.rt.config.manifest.oauthScopes ?? [] });
  }

  getScriptId(): string {
    return this.exec.rt.config.scriptId;
  }

  getInstallationSource(): EnumValue {
    const cfg = this.exec.rt.config;
    return cfg.mode === 'bound' ? InstallationSource.NONE : InstallationSource[cfg.behaviour.addonInstallationSource];
  }

  getAuthorizationInfo(): AuthorizationInfoImpl {
    return new AuthorizationInfoImpl();
  }

  getService(): ServiceImpl {
    return new ServiceImpl(this.exec.rt.config.scriptId);
  }

  invalidateAuth(): void {}
}
