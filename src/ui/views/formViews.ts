/**
 * Small cards pushed on top of the space card or the homepage: edit a space's details, edit one of the user's
 * messages, confirm a destructive action, and ask for access to the spreadsheet. Each has a Back button that pops
 * it; saving pops it and refreshes the card beneath.
 */
import type { ChatMessage, ChatSpace } from '../../app/sidebar/chatValues';
import { MAX_MESSAGE_CHARS } from '../../app/sidebar/messages';
import { SPACE_LIMITS } from '../../domain/spaceRows';
import { formatCount } from '../../domain/text';
import { spaceTitle } from './format';
import { act, type ActionRef, type CardView } from './model';
import { FIELD, PARAM, YES } from './params';

const back = { text: 'Back', action: act('goBack') };

export function editDetailsView(space: ChatSpace, params: Record<string, string>): CardView {
  const named = space.type === 'SPACE';
  return {
    name: 'editDetails',
    title: 'Edit details',
    subtitle: spaceTitle(space.displayName, space.type),
    sections: [
      {
        widgets: [
          ...(named
            ? [
                {
                  kind: 'textInput' as const,
                  name: FIELD.displayName,
                  title: 'Space name',
                  value: space.displayName,
                  hint: `At most ${SPACE_LIMITS.displayName} characters, one line`,
                },
                {
                  kind: 'textInput' as const,
                  name: FIELD.description,
                  title: 'Description',
                  value: space.description,
                  hint: `At most ${SPACE_LIMITS.description} characters`,
                  multiline: true,
                },
                {
                  kind: 'textInput' as const,
                  name: FIELD.guidelines,
                  title: 'Guidelines',
                  value: space.guidelines,
                  hint: `At most ${formatCount(SPACE_LIMITS.guidelines)} characters`,
                  multiline: true,
                },
              ]
            : [
                {
                  kind: 'paragraph' as const,
                  text: 'Group chats and direct messages have no name, description or guidelines; only history can change.',
                },
              ]),
          {
            kind: 'choice',
            name: FIELD.history,
            title: 'History',
            style: 'radio',
            options: [
              { text: 'On: messages are kept', value: 'on', selected: space.historyOn },
              { text: 'Off: messages disappear after 24 hours', value: 'off', selected: !space.historyOn },
            ],
          },
          { kind: 'paragraph', text: 'Your organisation may not allow changing history; Chat then says so.' },
        ],
      },
    ],
    footer: { primary: { text: 'Save', action: act('saveSpaceDetails', params), style: 'filled' }, secondary: back },
  };
}

export function editMessageView(message: ChatMessage, params: Record<string, string>): CardView {
  return {
    name: 'editMessage',
    title: 'Edit message',
    sections: [
      {
        widgets: [
          {
            kind: 'textInput',
            name: FIELD.editText,
            title: 'Message',
            value: message.text,
            hint: `At most ${formatCount(MAX_MESSAGE_CHARS)} characters`,
            multiline: true,
          },
        ],
      },
    ],
    footer: {
      primary: {
        text: 'Save',
        action: act('saveMessageEdit', { ...params, [PARAM.message]: message.name }),
        style: 'filled',
      },
      secondary: back,
    },
  };
}

/** "Remove ana@example.com?" with a button that repeats the action, confirmed. */
export function confirmView(question: string, consequence: string, confirmText: string, action: ActionRef): CardView {
  return {
    name: 'confirm',
    title: question,
    sections: [{ widgets: [{ kind: 'paragraph', text: consequence }] }],
    footer: {
      primary: {
        text: confirmText,
        action: { fn: action.fn, params: { ...(action.params ?? {}), [PARAM.confirmed]: YES } },
        style: 'filled',
      },
      secondary: back,
    },
  };
}

/** Shown when an action needs the spreadsheet and the add-on may not open it yet. */
export function fileAccessView(): CardView {
  return {
    name: 'fileAccess',
    title: 'Allow access to this spreadsheet',
    sections: [
      {
        widgets: [
          {
            kind: 'paragraph',
            text: 'Chat Spaces reads the Spaces, Members and Messages tabs of this spreadsheet and writes the results back. Allow it to use this spreadsheet (only this file) to continue.',
          },
          { kind: 'buttons', buttons: [{ text: 'Allow access', action: act('requestFileAccess'), style: 'filled' }] },
        ],
      },
    ],
  };
}

export function helpView(): CardView {
  return {
    name: 'help',
    title: 'Help',
    subtitle: 'Chat Spaces for Sheets',
    sections: [
      {
        title: 'How it works',
        widgets: [
          {
            kind: 'paragraph',
            text: 'Each row of the Spaces tab describes a Google Chat space. Preview shows what would change; Apply makes Chat match the rows and writes Status and Details back, row by row. Runs continue by themselves in the background.',
          },
          {
            kind: 'paragraph',
            text: 'Open a space from the homepage to manage it directly: add or remove members, change roles, post, react, edit or delete your messages, and mark it as read.',
          },
        ],
      },
      {
        title: 'Limits',
        widgets: [
          {
            kind: 'paragraph',
            text: 'The sidebar shows members and messages a page at a time and adds at most 20 people per click; for larger changes use the Members tab. Google allows 60 space changes and 300 membership changes a minute per add-on, so big runs take a while.',
          },
          { kind: 'paragraph', text: 'Schedules (Settings) run at most hourly in an add-on.' },
        ],
      },
      {
        widgets: [
          {
            kind: 'buttons',
            buttons: [
              { text: 'Home', action: act('showHome', { [PARAM.nav]: 'push' }) },
              { text: 'Settings', action: act('showSettings') },
            ],
          },
        ],
      },
    ],
  };
}
