/**
 * The card itself: CardBuilder (validated by `build()`), the built Card with `printJson()`, CardHeader,
 * CardSection, FixedFooter and CardAction. Enforces the documented limits of 100 sections per card and 100 widgets
 * per section (chat-api-facts §5.4; CardBuilder.addSection: "You can't add more than 100 sections to a card").
 */
import { P, adder, compact, read, setter, type ClassDef, type MethodDef, type Serializer } from './builderKit';
import { clickMethods, onClickJson } from './actions';
import type { JsonObject } from './json';

/** Most sections a card may have. */
export const MAX_SECTIONS = 100;
/** Most widgets a section may have. */
export const MAX_WIDGETS_PER_SECTION = 100;

/** `printJson()` for objects that hold a snapshot of their JSON (indentation is unconfirmed: K1). */
export function printJsonMethod(): MethodDef {
  return { params: [], apply: (node) => JSON.stringify(node.state.json, null, 2) };
}

function headerJson(st: Record<string, unknown>, s: Serializer): JsonObject {
  const title = read.str(st, 'title');
  if (!title) s.fail('CardHeader must have a title: call setTitle().');
  const style = read.enumId(st, 'imageStyle');
  return compact({
    title,
    subtitle: read.str(st, 'subtitle'),
    imageType: style && s.enumValue(style),
    imageUrl: read.str(st, 'imageUrl'),
    imageAltText: read.str(st, 'imageAltText'),
  });
}

/** CardBuilder, Card, CardHeader, CardSection, FixedFooter and CardAction. */
export const cardClasses: ClassDef[] = [
  {
    name: 'CardBuilder',
    methods: {
      setHeader: setter('header', P.classOf('CardHeader')),
      addSection: adder('sections', P.classOf('CardSection'), {
        max: MAX_SECTIONS,
        message: `A card can have at most ${MAX_SECTIONS} sections.`,
      }),
      setName: setter('name', P.string),
      setFixedFooter: setter('fixedFooter', P.classOf('FixedFooter')),
      addCardAction: adder('cardActions', P.classOf('CardAction')),
      setDisplayStyle: setter('displayStyle', P.enumOf('DisplayStyle')),
      setPeekCardHeader: setter('peekCardHeader', P.classOf('CardHeader')),
      build: {
        params: [],
        apply: (node, _args, kit) => {
          const json = kit.serialize(node);
          return kit.create('Card', { json });
        },
      },
    },
    toJson: (st, s) => {
      const sections = read.nodes(st, 'sections');
      if (sections.length === 0 && kitRequiresSections(st)) {
        s.fail('Card must have at least one section: call addSection().');
      }
      const header = read.node(st, 'header');
      const footer = read.node(st, 'fixedFooter');
      const peek = read.node(st, 'peekCardHeader');
      const style = read.enumId(st, 'displayStyle');
      const actions = read.nodes(st, 'cardActions');
      return compact({
        header: header && s.json(header),
        sections: sections.map((sec) => s.json(sec)),
        cardActions: actions.length > 0 ? actions.map((a) => s.json(a)) : undefined,
        name: read.str(st, 'name'),
        fixedFooter: footer && s.json(footer),
        displayStyle: style && s.enumValue(style),
        peekCardHeader: peek && s.json(peek),
      });
    },
  },
  { name: 'Card', methods: { printJson: printJsonMethod() }, toJson: (st) => st.json as JsonObject },
  {
    name: 'CardHeader',
    methods: {
      setTitle: setter('title', P.string),
      setSubtitle: setter('subtitle', P.string),
      setImageUrl: setter('imageUrl', P.string),
      setImageStyle: setter('imageStyle', P.enumOf('ImageStyle')),
      setImageAltText: setter('imageAltText', P.string),
    },
    toJson: headerJson,
  },
  {
    name: 'CardSection',
    methods: {
      setHeader: setter('header', P.string),
      addWidget: adder('widgets', P.widget, {
        max: MAX_WIDGETS_PER_SECTION,
        message: `A card section can have at most ${MAX_WIDGETS_PER_SECTION} widgets.`,
      }),
      setCollapsible: setter('collapsible', P.boolean),
      setNumUncollapsibleWidgets: setter('uncollapsible', P.int),
    },
    toJson: (st, s) => {
      const widgets = read.nodes(st, 'widgets');
      if (widgets.length === 0) s.fail('CardSection must have at least one widget: call addWidget().');
      return compact({
        header: read.str(st, 'header'),
        widgets: widgets.map((w) => s.widget(w)),
        collapsible: read.bool(st, 'collapsible'),
        uncollapsibleWidgetsCount: read.num(st, 'uncollapsible'),
      });
    },
  },
  {
    name: 'FixedFooter',
    methods: {
      setPrimaryButton: setter('primary', P.classOf('TextButton')),
      setSecondaryButton: setter('secondary', P.classOf('TextButton')),
    },
    toJson: (st, s) => {
      // "This method does nothing if setPrimaryButton(button) isn't called" (FixedFooter.setSecondaryButton).
      const primary =
        read.node(st, 'primary') ?? s.fail('FixedFooter must have a primary button: call setPrimaryButton().');
      const secondary = read.node(st, 'secondary');
      return compact({ primaryButton: s.json(primary), secondaryButton: secondary && s.json(secondary) });
    },
  },
  {
    name: 'CardAction',
    methods: { setText: setter('text', P.string), ...clickMethods() },
    toJson: (st, s) => {
      const actionLabel = read.str(st, 'text') || s.fail('CardAction must have text: call setText().');
      const onClick =
        onClickJson(st, s, 'CardAction') ??
        s.fail('CardAction must have an action: call setOnClickAction() or setOpenLink().');
      return { actionLabel, onClick };
    },
  },
];

/** The CardBuilder reads the section requirement from its own state (set by the service from its options). */
function kitRequiresSections(st: Record<string, unknown>): boolean {
  return st.requireSections !== false;
}
