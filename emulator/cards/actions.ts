/**
 * The interactive pieces of CardService: Action (callback function + string parameters), OpenLink, OverflowMenu,
 * and the click-handler methods shared by buttons, decorated text, images, grids, chips and card actions
 * (`setOnClickAction`, `setOpenLink`, `setOnClickOpenLinkAction`), printed as google.apps.card.v1 `OnClick`.
 */
import { P, adder, compact, read, setter, type ClassDef, type MethodDef, type Serializer } from './builderKit';
import type { JsonObject } from './json';

/** State key holding the click handlers a script set, by kind (the reference allows only one kind: K7). */
const CLICK = 'onClick';

type ClickKind = 'action' | 'openLink' | 'openDynamicLinkAction' | 'overflowMenu';

function clickSetter(kind: ClickKind, param: ReturnType<typeof P.classOf>): MethodDef {
  return {
    params: [param],
    apply: (node, [value], kit) => {
      const handlers = (node.state[CLICK] as Partial<Record<ClickKind, unknown>> | undefined) ?? {};
      handlers[kind] = kit.nodeOf(value);
      node.state[CLICK] = handlers;
      return undefined;
    },
  };
}

/** The click-handler methods of a clickable class. */
export function clickMethods(withOverflowMenu = false): Record<string, MethodDef> {
  const methods: Record<string, MethodDef> = {
    setOnClickAction: clickSetter('action', P.classOf('Action')),
    setOpenLink: clickSetter('openLink', P.classOf('OpenLink')),
    setOnClickOpenLinkAction: clickSetter('openDynamicLinkAction', P.classOf('Action')),
  };
  if (withOverflowMenu) methods.setOverflowMenu = clickSetter('overflowMenu', P.classOf('OverflowMenu'));
  return methods;
}

/**
 * The `OnClick` JSON of a clickable, or undefined when no handler is set. `owner` names the class for the error
 * raised when handlers of two kinds were set.
 */
export function onClickJson(state: Record<string, unknown>, s: Serializer, owner: string): JsonObject | undefined {
  const handlers = state[CLICK] as Partial<Record<ClickKind, unknown>> | undefined;
  if (!handlers) return undefined;
  const kinds = Object.keys(handlers) as ClickKind[];
  if (kinds.length > 1) {
    s.fail(
      `${owner} can have only one of setOnClickAction, setOpenLink, setOnClickOpenLinkAction or setOverflowMenu; ` +
        `found ${kinds.length}.`,
    );
  }
  const kind = kinds[0];
  const target = read.node(handlers, kind);
  if (!target) return undefined;
  return { [kind]: s.json(target) };
}

/** Action, OpenLink, OverflowMenu and OverflowMenuItem. */
export const actionClasses: ClassDef[] = [
  {
    name: 'Action',
    methods: {
      setFunctionName: setter('functionName', P.string),
      setParameters: {
        params: [P.map],
        apply: (node, [map], kit) => {
          const params: { key: string; value: string }[] = [];
          for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
            if (typeof value !== 'string') {
              throw kit.makeError(
                `Action parameters must be strings: the value of parameter "${key}" is ${value === null ? 'null' : typeof value}.`,
              );
            }
            params.push({ key, value });
          }
          node.state.parameters = params;
          return undefined;
        },
      },
      setLoadIndicator: setter('loadIndicator', P.enumOf('LoadIndicator')),
      setPersistValues: setter('persistValues', P.boolean),
      setInteraction: setter('interaction', P.enumOf('Interaction')),
      addRequiredWidget: adder('requiredWidgets', P.string),
      setAllWidgetsAreRequired: setter('allWidgetsAreRequired', P.boolean),
    },
    toJson: (st, s) => {
      const fn = read.str(st, 'functionName');
      if (!fn) s.fail('Action must have a function name: call setFunctionName().');
      const params = st.parameters as { key: string; value: string }[] | undefined;
      const loadIndicator = read.enumId(st, 'loadIndicator');
      const interaction = read.enumId(st, 'interaction');
      const required = st.requiredWidgets as string[] | undefined;
      return compact({
        function: fn,
        parameters: params && params.length > 0 ? params.map((p) => ({ key: p.key, value: p.value })) : undefined,
        loadIndicator: loadIndicator && s.enumValue(loadIndicator),
        persistValues: read.bool(st, 'persistValues'),
        interaction: interaction && s.enumValue(interaction),
        requiredWidgets: required && [...required],
        allWidgetsAreRequired: read.bool(st, 'allWidgetsAreRequired'),
      });
    },
  },
  {
    name: 'OpenLink',
    methods: {
      setUrl: setter('url', P.string),
      setOpenAs: setter('openAs', P.enumOf('OpenAs')),
      setOnClose: setter('onClose', P.enumOf('OnClose')),
    },
    toJson: (st, s) => {
      const url = read.str(st, 'url');
      if (!url) s.fail('OpenLink must have a URL: call setUrl().');
      const openAs = read.enumId(st, 'openAs');
      const onClose = read.enumId(st, 'onClose');
      return compact({ url, openAs: openAs && s.enumValue(openAs), onClose: onClose && s.enumValue(onClose) });
    },
  },
  {
    name: 'OverflowMenu',
    methods: { addMenuItem: adder('items', P.classOf('OverflowMenuItem')) },
    toJson: (st, s) => {
      const items = read.nodes(st, 'items');
      if (items.length === 0) s.fail('OverflowMenu must have at least one item: call addMenuItem().');
      return { items: items.map((i) => s.json(i)) };
    },
  },
  {
    name: 'OverflowMenuItem',
    methods: {
      setText: setter('text', P.string),
      setStartIcon: setter('startIcon', P.classOf('IconImage')),
      setDisabled: setter('disabled', P.boolean),
      ...clickMethods(),
    },
    toJson: (st, s) => {
      const text = read.str(st, 'text');
      if (!text) s.fail('OverflowMenuItem must have text: call setText().');
      const onClick = onClickJson(st, s, 'OverflowMenuItem');
      if (!onClick) s.fail('OverflowMenuItem must have an action: call setOnClickAction() or setOpenLink().');
      const icon = read.node(st, 'startIcon');
      return compact({ startIcon: icon && s.json(icon), text, onClick, disabled: read.bool(st, 'disabled') });
    },
  },
];
