/**
 * The user's sidebar settings, kept in user properties (private to the user, the same in every spreadsheet):
 * the default member sync mode used when a Spaces row leaves Member sync blank, the time zone in which `Send at`
 * times are read, and whether removing a member, deleting a message or cancelling a job asks first. Jobs read the
 * same values through `loadSettings`, so the sidebar and bulk runs agree.
 */
import { isValidTimeZone } from '../../domain/cells';
import type { MemberSyncMode } from '../../domain/model';
import type { StateStore } from '../../ports/runtime';
import { failed, succeeded, type ActionOutcome } from './deps';

const SETTINGS_KEY = 'sidebar:settings';

export interface SidebarSettings {
  memberSyncDefault: MemberSyncMode;
  /** IANA zone for `Send at`; '' = the spreadsheet's time zone. */
  sendAtTimeZone: string;
  confirmDestructive: boolean;
}

export const DEFAULT_SETTINGS: SidebarSettings = {
  memberSyncDefault: 'add-only',
  sendAtTimeZone: '',
  confirmDestructive: true,
};

/** The user's settings (defaults for anything not yet saved or unreadable). */
export function loadSettings(state: StateStore): SidebarSettings {
  const text = state.get(SETTINGS_KEY);
  if (!text) return { ...DEFAULT_SETTINGS };
  try {
    const saved = JSON.parse(text) as Partial<SidebarSettings>;
    return {
      memberSyncDefault: saved.memberSyncDefault === 'exact' ? 'exact' : 'add-only',
      sendAtTimeZone:
        typeof saved.sendAtTimeZone === 'string' && isValidTimeZone(saved.sendAtTimeZone) ? saved.sendAtTimeZone : '',
      confirmDestructive: saved.confirmDestructive !== false,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export interface SettingsInput {
  memberSyncDefault: string;
  sendAtTimeZone: string;
  confirmDestructive: boolean;
}

/** Checks and saves the settings form. */
export function saveSettings(state: StateStore, input: SettingsInput): ActionOutcome {
  const zone = input.sendAtTimeZone.trim();
  if (zone !== '' && !isValidTimeZone(zone)) {
    return failed(
      `“${zone}” is not a time zone name; write one like Europe/Paris or America/New_York, or leave it blank for the spreadsheet’s time zone.`,
    );
  }
  if (input.memberSyncDefault !== 'add-only' && input.memberSyncDefault !== 'exact') {
    return failed('Member sync must be Add only or Exact.');
  }
  const settings: SidebarSettings = {
    memberSyncDefault: input.memberSyncDefault,
    sendAtTimeZone: zone,
    confirmDestructive: input.confirmDestructive,
  };
  state.set(SETTINGS_KEY, JSON.stringify(settings));
  return succeeded('Settings saved.');
}
