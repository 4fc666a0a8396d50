/**
 * The Session global: the executing (active) user and the effective user (the same here: scripts run as the user
 * who triggered them; time-driven triggers as the trigger's owner), the script's time zone from the manifest, the
 * user's locale, and a temporary user key stable per user and script.
 */
import { createHash } from 'node:crypto';
import { ServiceObject } from '../facade';
import type { Execution } from '../execution';

/** class User */
export class UserImpl extends ServiceObject {
  get className(): string {
    return 'User';
  }

  constructor(private readonly email: string) {
    super();
  }

  getEmail(): string {
    return this.email;
  }
}

export class SessionImpl extends ServiceObject {
  get className(): string {
    return 'Session';
  }

  constructor(private readonly exec: Execution) {
    super();
  }

  getActiveUser(): UserImpl {
    return new UserImpl(this.exec.user);
  }

  getEffectiveUser(): UserImpl {
    return new UserImpl(this.exec.user);
  }

  getScriptTimeZone(): string {
    return this.exec.rt.config.timeZone;
  }

  getActiveUserLocale(): string {
    return this.exec.rt.config.behaviour.userLocale;
  }

  getTemporaryActiveUserKey(): string {
    return createHash('sha256')
      .update(`${this.exec.rt.config.scriptId}:${this.exec.user}`)
      .digest('base64url')
      .slice(0, 43);
  }
}
