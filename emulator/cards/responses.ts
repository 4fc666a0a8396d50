/**
 * What card callbacks return: Navigation (pushCard / popCard / popToRoot / popToNamedCard / updateCard),
 * Notification, ActionResponseBuilder, UniversalActionResponseBuilder and EditorFileScopeActionResponseBuilder,
 * and the built responses with `printJson()`. Printed in the Workspace add-on render-action shape:
 * `{ renderActions: { action: { navigations, notification, link } }, stateChanged }` and, for the `drive.file`
 * request, `{ renderActions: { hostAppAction: { editorAction: { requestFileScopeForActiveDocument: {} } } } }`.
 */
import { P, compact, read, setter, type ClassDef, type Kit, type MethodDef } from './builderKit';
import { printJsonMethod } from './card';
import type { Json, JsonObject } from './json';

/** The JSON snapshot held by a built Card. */
function cardJson(kit: Kit, card: unknown): JsonObject {
  return kit.nodeOf(card)?.state.json as JsonObject;
}

function navOp(op: (args: unknown[], kit: Kit) => JsonObject, params: MethodDef['params']): MethodDef {
  return {
    params,
    apply: (node, args, kit) => {
      const ops = (node.state.ops as JsonObject[] | undefined) ?? [];
      ops.push(op(args, kit));
      node.state.ops = ops;
      return undefined;
    },
  };
}

/** Builds a response object holding its JSON snapshot. */
function buildTo(cls: string, make: (st: Record<string, unknown>, kit: Kit) => JsonObject): MethodDef {
  return { params: [], apply: (node, _args, kit) => kit.create(cls, { json: make(node.state, kit) }) };
}

function renderActions(action: Record<string, Json | undefined>): JsonObject {
  return { renderActions: { action: compact(action) } };
}

/** Navigation, Notification and the three response builders with their built responses. */
export const responseClasses: ClassDef[] = [
  {
    name: 'Navigation',
    methods: {
      pushCard: navOp(([card], kit) => ({ pushCard: cardJson(kit, card) }), [P.classOf('Card')]),
      popCard: navOp(() => ({ popCard: true }), []),
      popToRoot: navOp(() => ({ popToRoot: true }), []),
      popToNamedCard: navOp(([name]) => ({ popToCard: String(name) }), [P.string]),
      updateCard: navOp(([card], kit) => ({ updateCard: cardJson(kit, card) }), [P.classOf('Card')]),
      printJson: { params: [], apply: (node) => JSON.stringify({ navigations: node.state.ops ?? [] }, null, 2) },
    },
    toJson: (st, s) => {
      const ops = (st.ops as JsonObject[] | undefined) ?? [];
      if (ops.length === 0)
        s.fail('Navigation must have at least one step: call pushCard(), popCard() or a similar method.');
      return { navigations: ops };
    },
  },
  {
    name: 'Notification',
    methods: { setText: setter('text', P.string) },
    toJson: (st, s) => {
      const text = read.str(st, 'text') || s.fail('Notification must have text: call setText().');
      return { text };
    },
  },
  {
    name: 'ActionResponseBuilder',
    methods: {
      setNavigation: setter('navigation', P.classOf('Navigation')),
      setNotification: setter('notification', P.classOf('Notification')),
      setOpenLink: setter('openLink', P.classOf('OpenLink')),
      setStateChanged: setter('stateChanged', P.boolean),
      build: buildTo('ActionResponse', (st, kit) => {
        const nav = read.node(st, 'navigation');
        const notification = read.node(st, 'notification');
        const link = read.node(st, 'openLink');
        return compact({
          ...renderActions({
            navigations: nav ? (kit.serialize(nav).navigations as Json) : undefined,
            notification: notification && kit.serialize(notification),
            link: link && kit.serialize(link),
          }),
          stateChanged: read.bool(st, 'stateChanged'),
        });
      }),
    },
  },
  { name: 'ActionResponse', methods: { printJson: printJsonMethod() }, toJson: (st) => st.json as JsonObject },
  {
    name: 'UniversalActionResponseBuilder',
    methods: {
      displayAddOnCards: setter('cards', P.arrayOf(P.classOf('Card'))),
      setOpenLink: setter('openLink', P.classOf('OpenLink')),
      build: buildTo('UniversalActionResponse', (st, kit) => {
        const cards = read.nodes(st, 'cards');
        const link = read.node(st, 'openLink');
        if (cards.length > 0 && link) {
          throw kit.makeError('UniversalActionResponse can have only one of displayAddOnCards or setOpenLink.');
        }
        if (link) return renderActions({ link: kit.serialize(link) });
        if (cards.length === 0) {
          throw kit.makeError('UniversalActionResponse must display cards or open a link: call displayAddOnCards().');
        }
        return renderActions({ navigations: cards.map((c) => ({ pushCard: c.state.json as JsonObject })) });
      }),
    },
  },
  { name: 'UniversalActionResponse', methods: { printJson: printJsonMethod() }, toJson: (st) => st.json as JsonObject },
  {
    name: 'EditorFileScopeActionResponseBuilder',
    methods: {
      requestFileScopeForActiveDocument: {
        params: [],
        apply: (node) => {
          node.state.requestFileScope = true;
          return undefined;
        },
      },
      build: buildTo('EditorFileScopeActionResponse', (st, kit) => {
        if (st.requestFileScope !== true) {
          throw kit.makeError(
            'EditorFileScopeActionResponse must request something: call requestFileScopeForActiveDocument().',
          );
        }
        return { renderActions: { hostAppAction: { editorAction: { requestFileScopeForActiveDocument: {} } } } };
      }),
    },
  },
  {
    name: 'EditorFileScopeActionResponse',
    methods: { printJson: printJsonMethod() },
    toJson: (st) => st.json as JsonObject,
  },
];
