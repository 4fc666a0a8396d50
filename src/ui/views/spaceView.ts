/**
 * The space card: details (name, description, type, history, access, member count, link) with Edit details; the
 * unread indicator and Mark as read; a compose form that posts as the user; the latest messages, paged, each with
 * its reactions, emoji buttons and — for the user's own messages — Edit and Delete; the members, paged, with their
 * role and state and buttons to change the role or remove them; and a form to add people or Google Groups.
 * Every button carries the space and the page tokens, so the card comes back on the same pages after an action.
 */
import { REACTION_EMOJIS, type MessageRow } from '../../app/sidebar/messages';
import type { MemberRow } from '../../app/sidebar/members';
import { memberCount } from '../../app/sidebar/members';
import type { SpaceCardData } from '../../app/sidebar/spaceCard';
import type { ChatSpace } from '../../app/sidebar/chatValues';
import type { MemberRole } from '../../domain/model';
import { plural } from '../../domain/text';
import { formatChatTime, formatWhen, oneLine, roleLabel, spaceTitle, spaceTypeLabel, stateLabel } from './format';
import { act, type ButtonView, type CardView, type SectionView, type WidgetView } from './model';
import { FIELD, PARAM } from './params';

/** Characters of a message shown on the card. */
export const MESSAGE_PREVIEW_CHARS = 300;

export interface SpaceViewContext {
  timeZone: string;
  now: number;
  /** Id of the compose form (one message per draft). */
  draftId: string;
  /** Text to keep in the compose box (after a failed post). */
  draftText?: string;
  draftThreadKey?: string;
  notice?: string;
}

/** Parameters every action of the space card carries. */
export function spaceParams(
  data: Pick<SpaceCardData, 'name' | 'space' | 'members' | 'messages'>,
): Record<string, string> {
  const params: Record<string, string> = { [PARAM.space]: data.name, [PARAM.spaceType]: data.space?.type ?? 'SPACE' };
  if (data.members.pageToken) params[PARAM.membersToken] = data.members.pageToken;
  if (data.messages.pageToken) params[PARAM.messagesToken] = data.messages.pageToken;
  return params;
}

export function spaceView(data: SpaceCardData, ctx: SpaceViewContext): CardView {
  const space = data.space;
  if (!space) {
    return {
      name: 'space',
      title: 'Space',
      sections: [
        {
          widgets: [
            { kind: 'paragraph', text: [{ text: data.error ?? 'The space could not be read.', color: '#d93025' }] },
            {
              kind: 'buttons',
              buttons: [
                { text: 'Try again', action: act('showSpace', { [PARAM.space]: data.name, [PARAM.nav]: 'update' }) },
              ],
            },
          ],
        },
      ],
    };
  }
  const params = spaceParams(data);
  const sections: SectionView[] = [];
  if (ctx.notice) sections.push({ widgets: [{ kind: 'paragraph', text: ctx.notice }] });
  sections.push(
    detailsSection(space, params, ctx),
    messagesSection(data, params, ctx),
    membersSection(data, params),
    addMembersSection(space, params),
  );
  return {
    name: 'space',
    title: spaceTitle(space.displayName, space.type),
    subtitle: `${spaceTypeLabel(space.type)} · ${memberCount(space.joinedPeople, space.joinedGroups)}`,
    sections,
  };
}

function detailsSection(space: ChatSpace, params: Record<string, string>, ctx: SpaceViewContext): SectionView {
  const widgets: WidgetView[] = [
    { kind: 'decorated', top: 'Type', text: spaceTypeLabel(space.type), icon: 'BOOKMARK' },
  ];
  if (space.type === 'SPACE') {
    widgets.push({
      kind: 'decorated',
      top: 'Description',
      text: space.description || '(none)',
      wrap: true,
      icon: 'DESCRIPTION',
    });
    if (space.guidelines)
      widgets.push({ kind: 'decorated', top: 'Guidelines', text: oneLine(space.guidelines, 300), wrap: true });
    widgets.push({
      kind: 'decorated',
      top: 'Access',
      text: space.accessState === 'DISCOVERABLE' ? 'Discoverable by your organisation' : 'Private: invited people only',
      bottom: space.externalUserAllowed
        ? 'People outside your organisation may be added'
        : 'Only people in your organisation',
      wrap: true,
    });
  }
  widgets.push({
    kind: 'decorated',
    top: 'History',
    text: space.historyOn ? 'On: messages are kept' : 'Off: messages disappear after 24 hours',
    wrap: true,
    icon: 'CLOCK',
  });
  widgets.push({
    kind: 'decorated',
    top: 'Members',
    text: memberCount(space.joinedPeople, space.joinedGroups),
    icon: 'MULTIPLE_PEOPLE',
  });
  if (space.lastActiveTime)
    widgets.push({
      kind: 'decorated',
      top: 'Last active',
      text: formatChatTime(space.lastActiveTime, ctx.timeZone, ctx.now),
    });
  const buttons: ButtonView[] = [];
  if (space.spaceUri) buttons.push({ text: 'Open in Chat', openUrl: space.spaceUri, style: 'filled' });
  buttons.push({ text: 'Edit details', action: act('showEditDetails', params) });
  buttons.push({ text: 'Refresh', action: act('showSpace', { ...params, [PARAM.nav]: 'update' }) });
  widgets.unshift({ kind: 'buttons', buttons });
  return { title: 'Details', collapsible: true, uncollapsible: 3, widgets };
}

function messagesSection(data: SpaceCardData, params: Record<string, string>, ctx: SpaceViewContext): SectionView {
  const widgets: WidgetView[] = [];
  const rs = data.readState;
  if (rs.error) {
    widgets.push({ kind: 'paragraph', text: rs.error });
  } else if (data.unreadCount > 0) {
    widgets.push({
      kind: 'decorated',
      text: [
        { text: `${plural(data.unreadCount, 'unread message')}${data.unreadMayBeMore ? ' or more' : ''}`, bold: true },
      ],
      bottom: rs.lastReadTime ? `Last read ${formatWhen(rs.lastReadTime, ctx.timeZone, ctx.now)}` : 'Never read',
      icon: 'EMAIL',
      button: { text: 'Mark as read', action: act('markSpaceAsRead', params) },
    });
  } else {
    widgets.push({
      kind: 'decorated',
      text: 'No unread messages',
      bottom: rs.lastReadTime ? `Last read ${formatWhen(rs.lastReadTime, ctx.timeZone, ctx.now)}` : undefined,
      icon: 'EMAIL',
    });
  }
  widgets.push({
    kind: 'textInput',
    name: FIELD.messageText,
    title: 'New message',
    value: ctx.draftText,
    hint: 'Posted as you. *bold*, _italic_ work.',
    multiline: true,
  });
  if (data.space?.type === 'SPACE') {
    widgets.push({
      kind: 'textInput',
      name: FIELD.threadKey,
      title: 'Thread key (optional)',
      value: ctx.draftThreadKey,
      hint: 'Same key, same thread',
    });
  }
  widgets.push({
    kind: 'buttons',
    buttons: [{ text: 'Post', action: act('postToSpace', { ...params, [PARAM.draft]: ctx.draftId }), style: 'filled' }],
  });
  if (data.messages.error) widgets.push({ kind: 'paragraph', text: [{ text: data.messages.error, color: '#d93025' }] });
  else if (!data.messages.rows.length)
    widgets.push({ kind: 'paragraph', text: data.messages.pageToken ? 'No older messages.' : 'No messages yet.' });
  for (const row of data.messages.rows) widgets.push(...messageWidgets(row, params, ctx));
  const pager: ButtonView[] = [];
  if (data.messages.pageToken)
    pager.push({
      text: '« Newest',
      action: act('showSpace', { ...params, [PARAM.messagesToken]: '', [PARAM.nav]: 'update' }),
    });
  if (data.messages.nextPageToken)
    pager.push({
      text: 'Older ›',
      action: act('showSpace', {
        ...params,
        [PARAM.messagesToken]: data.messages.nextPageToken,
        [PARAM.nav]: 'update',
      }),
    });
  if (pager.length) widgets.push({ kind: 'buttons', buttons: pager });
  return { title: 'Messages', widgets };
}

function messageWidgets(row: MessageRow, params: Record<string, string>, ctx: SpaceViewContext): WidgetView[] {
  const m = row.message;
  const when = formatChatTime(m.createTime, ctx.timeZone, ctx.now);
  const edited = m.lastUpdateTime && m.lastUpdateTime !== m.createTime ? ' · edited' : '';
  const reactions = m.reactions.map((r) => `${r.emoji} ${r.count}`).join('   ');
  const text = m.text
    ? oneLine(m.text, MESSAGE_PREVIEW_CHARS)
    : m.attachments
      ? `(${plural(m.attachments, 'attachment')})`
      : '(no text)';
  const messageParams = { ...params, [PARAM.message]: m.name };
  const buttons: ButtonView[] = REACTION_EMOJIS.map((emoji) => ({
    text: emoji,
    action: act('reactToMessage', { ...messageParams, [PARAM.emoji]: emoji }),
    style: 'borderless' as const,
  }));
  if (row.own) {
    buttons.push({ text: 'Edit', action: act('showEditMessage', messageParams), style: 'borderless' });
    buttons.push({ text: 'Delete', action: act('deleteSpaceMessage', messageParams), style: 'borderless' });
  }
  return [
    {
      kind: 'decorated',
      top: `${row.senderLabel} · ${when}${edited}${m.threadReply ? ' · in a thread' : ''}`,
      text: row.unread ? [{ text, bold: true }] : text,
      bottom: reactions || undefined,
      wrap: true,
    },
    { kind: 'buttons', buttons },
  ];
}

const ROLE_ACTIONS: readonly { role: MemberRole; text: string }[] = [
  { role: 'ROLE_MEMBER', text: 'Make member' },
  { role: 'ROLE_ASSISTANT_MANAGER', text: 'Make manager' },
  { role: 'ROLE_MANAGER', text: 'Make owner' },
];

function membersSection(data: SpaceCardData, params: Record<string, string>): SectionView {
  const widgets: WidgetView[] = [];
  const page = data.members;
  if (page.error) widgets.push({ kind: 'paragraph', text: [{ text: page.error, color: '#d93025' }] });
  else if (!page.rows.length) widgets.push({ kind: 'paragraph', text: 'No members on this page.' });
  for (const row of page.rows) widgets.push(...memberWidgets(row, params, data.space?.type === 'SPACE'));
  const pager: ButtonView[] = [];
  if (page.pageToken)
    pager.push({
      text: '« First page',
      action: act('showSpace', { ...params, [PARAM.membersToken]: '', [PARAM.nav]: 'update' }),
    });
  if (page.nextPageToken)
    pager.push({
      text: 'Next ›',
      action: act('showSpace', { ...params, [PARAM.membersToken]: page.nextPageToken, [PARAM.nav]: 'update' }),
    });
  if (pager.length) widgets.push({ kind: 'buttons', buttons: pager });
  return { title: 'Members', widgets };
}

function memberWidgets(row: MemberRow, params: Record<string, string>, named: boolean): WidgetView[] {
  const m = row.membership;
  const isGroup = m.kind === 'GROUP';
  const decorated: WidgetView = {
    kind: 'decorated',
    top: isGroup
      ? `Google Group · ${stateLabel(m.state)}`
      : `${roleLabel(m.role)} · ${stateLabel(m.state)}${m.kind === 'BOT' ? ' · app' : ''}`,
    text: row.label,
    icon: isGroup ? 'MULTIPLE_PEOPLE' : 'PERSON',
  };
  if (row.isSelf || m.kind === 'BOT') return [decorated];
  const memberParams = { ...params, [PARAM.membership]: m.name, [PARAM.label]: row.label };
  const buttons: ButtonView[] = [];
  if (named && !isGroup) {
    for (const r of ROLE_ACTIONS) {
      if (r.role !== m.role)
        buttons.push({
          text: r.text,
          action: act('changeMemberRole', { ...memberParams, [PARAM.role]: r.role }),
          style: 'borderless',
        });
    }
  }
  buttons.push({ text: 'Remove', action: act('removeSpaceMember', memberParams), style: 'borderless' });
  return [decorated, { kind: 'buttons', buttons }];
}

function addMembersSection(space: ChatSpace, params: Record<string, string>): SectionView {
  const widgets: WidgetView[] = [
    {
      kind: 'textInput',
      name: FIELD.people,
      title: 'People',
      hint: 'Emails separated by commas or new lines (up to 20)',
      multiline: true,
    },
  ];
  if (space.type === 'SPACE') {
    widgets.push({
      kind: 'textInput',
      name: FIELD.groups,
      title: 'Google Groups',
      hint: 'Group emails, e.g. team@example.com',
    });
    widgets.push({
      kind: 'choice',
      name: FIELD.role,
      title: 'Role of the people added',
      style: 'dropdown',
      options: ROLE_ACTIONS.map((r, i) => ({ text: roleLabel(r.role), value: r.role, selected: i === 0 })),
    });
  }
  widgets.push({
    kind: 'buttons',
    buttons: [{ text: 'Add', action: act('addSpaceMembers', params), style: 'filled' }],
  });
  return { title: 'Add members', widgets };
}
