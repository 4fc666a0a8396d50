/**
 * The sidebar's view model: cards described as plain data — sections of widgets, buttons that name the entry point
 * they call (typed against main.ts's exports, so a misspelt action fails to compile) with string parameters, and
 * form fields by name. View builders produce these from use-case results; src/ui/render.ts is the only code that
 * turns them into CardService objects. All text here is plain text: the renderer escapes it, so a space named
 * `<b>x</b>` shows as typed.
 */
import type { EntryPoint } from '../../entry/entryNames';

/** A callback: the exported function and its parameters (Action.setParameters takes strings only). */
export interface ActionRef {
  fn: EntryPoint;
  params?: Readonly<Record<string, string>>;
}

export type ButtonStyle = 'filled' | 'outlined' | 'borderless';

export interface ButtonView {
  text: string;
  /** Exactly one of action and openUrl. */
  action?: ActionRef;
  openUrl?: string;
  style?: ButtonStyle;
  disabled?: boolean;
}

/** A piece of text with optional emphasis; the renderer escapes `text`. */
export interface TextRun {
  text: string;
  bold?: boolean;
  /** A hex colour such as `#d93025` for warnings. */
  color?: string;
}

/** Plain text, or runs with emphasis. */
export type RichText = string | readonly TextRun[];

/** Icons of CardService.Icon the sidebar uses. */
export type IconName =
  'PERSON' | 'MULTIPLE_PEOPLE' | 'CLOCK' | 'DESCRIPTION' | 'EMAIL' | 'BOOKMARK' | 'STAR' | 'INVITE' | 'MEMBERSHIP';

export interface ParagraphWidget {
  kind: 'paragraph';
  text: RichText;
}

export interface DecoratedWidget {
  kind: 'decorated';
  top?: string;
  text: RichText;
  bottom?: string;
  /** Wrap long text instead of cutting it at one line. */
  wrap?: boolean;
  icon?: IconName;
  onClick?: ActionRef;
  button?: ButtonView;
}

export interface ButtonsWidget {
  kind: 'buttons';
  buttons: readonly ButtonView[];
}

export interface TextInputWidget {
  kind: 'textInput';
  name: string;
  title: string;
  value?: string;
  hint?: string;
  multiline?: boolean;
}

export interface ChoiceWidget {
  kind: 'choice';
  name: string;
  title: string;
  style: 'dropdown' | 'radio';
  options: readonly { text: string; value: string; selected: boolean }[];
}

/** A single checkbox; its form input is `value` when ticked and absent otherwise. */
export interface CheckboxWidget {
  kind: 'checkbox';
  name: string;
  title?: string;
  text: string;
  value: string;
  selected: boolean;
}

export interface DividerWidget {
  kind: 'divider';
}

export type WidgetView =
  ParagraphWidget | DecoratedWidget | ButtonsWidget | TextInputWidget | ChoiceWidget | CheckboxWidget | DividerWidget;

export interface SectionView {
  title?: string;
  /** Collapsible sections show `uncollapsible` widgets until opened. */
  collapsible?: boolean;
  uncollapsible?: number;
  widgets: WidgetView[];
}

export interface CardView {
  /** Card name (for navigation). */
  name: string;
  title: string;
  subtitle?: string;
  sections: SectionView[];
  footer?: { primary: ButtonView; secondary?: ButtonView };
}

/** How an action's answer changes the card stack. */
export type NavigationKind = 'push' | 'update' | 'popAndUpdate' | 'popToRootAndUpdate' | 'pop' | 'none';

export interface ActionResultView {
  notification?: string;
  navigation: NavigationKind;
  /** The card to push or to put in place of the current one (absent for 'pop' and 'none'). */
  card?: CardView;
}

/** Limits of a card (concepts/cards): the view builders stay under them by construction; tests check. */
export const CARD_LIMITS = { sections: 100, widgetsPerSection: 100 } as const;

/** The entry point and parameters of an action, ready for a button. */
export function act(fn: EntryPoint, params?: Record<string, string | undefined>): ActionRef {
  if (!params) return { fn };
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') clean[k] = v;
  return { fn, params: clean };
}
