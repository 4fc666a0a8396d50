/**
 * Display and button widgets of CardService: TextParagraph, DecoratedText, KeyValue (deprecated; printed as
 * decoratedText, K5), Image, Divider, TextButton, ImageButton, ButtonSet, and the icon classes IconImage and
 * MaterialIcon. A TextButton or ImageButton added straight to a section prints as a one-button `buttonList`.
 */
import { P, adder, compact, hexToColor, read, setter, type ClassDef, type Serializer } from './builderKit';
import { clickMethods, onClickJson } from './actions';
import type { JsonObject } from './json';

const BUTTON_CLASSES = ['TextButton', 'ImageButton'];

/** `Icon` JSON for a predefined icon (`knownIcon`), a URL, or a material icon; undefined when none is set. */
function iconJson(
  st: Record<string, unknown>,
  s: Serializer,
  keys: { icon: string; url: string; material?: string; alt?: string },
): JsonObject | undefined {
  const known = read.enumId(st, keys.icon);
  const url = read.str(st, keys.url);
  const material = keys.material ? read.node(st, keys.material) : undefined;
  const alt = keys.alt ? read.str(st, keys.alt) : undefined;
  const knownIcon = known && known.name !== 'NONE' ? s.enumValue(known) : undefined;
  if (!knownIcon && !url && !material) return undefined;
  if ([knownIcon, url, material].filter(Boolean).length > 1) {
    s.fail('An icon can have only one of setIcon, setIconUrl or setMaterialIcon.');
  }
  return compact({ knownIcon, iconUrl: url, materialIcon: material && s.json(material), altText: alt });
}

/** Button JSON shared by TextButton and ImageButton. */
function buttonJson(st: Record<string, unknown>, s: Serializer, cls: string): JsonObject {
  const onClick = onClickJson(st, s, cls);
  if (!onClick) s.fail(`${cls} must have an action: call setOnClickAction(), setOpenLink() or a similar method.`);
  const icon = iconJson(st, s, { icon: 'icon', url: 'iconUrl', material: 'materialIcon' });
  const text = read.str(st, 'text');
  if (cls === 'TextButton' && !text) s.fail('TextButton must have text: call setText().');
  if (cls === 'ImageButton' && !icon)
    s.fail('ImageButton must have an icon: call setIcon(), setIconUrl() or setMaterialIcon().');
  const style = read.enumId(st, 'style');
  const colorHex = read.str(st, 'backgroundColor');
  let color: JsonObject | undefined;
  if (colorHex !== undefined) {
    color = hexToColor(colorHex);
    if (!color) s.fail(`TextButton background colour "${colorHex}" is not a hex colour such as #1a73e8.`);
  }
  return compact({
    text,
    icon,
    color,
    onClick,
    disabled: read.bool(st, 'disabled'),
    altText: read.str(st, 'altText'),
    type: style && s.enumValue(style),
  });
}

function buttonList(st: Record<string, unknown>, s: Serializer, cls: string): JsonObject {
  return { buttonList: { buttons: [buttonJson(st, s, cls)] } };
}

/** TextParagraph, DecoratedText, KeyValue, Image, Divider, buttons and icons. */
export const widgetClasses: ClassDef[] = [
  {
    name: 'TextParagraph',
    methods: { setText: setter('text', P.string), setMaxLines: setter('maxLines', P.int) },
    asWidget: (st, s) => {
      const text = read.str(st, 'text');
      if (text === undefined) s.fail('TextParagraph must have text: call setText().');
      return { textParagraph: compact({ text, maxLines: read.num(st, 'maxLines') }) };
    },
  },
  {
    name: 'DecoratedText',
    methods: {
      setText: setter('text', P.string),
      setTopLabel: setter('topLabel', P.string),
      setBottomLabel: setter('bottomLabel', P.string),
      setStartIcon: setter('startIcon', P.classOf('IconImage')),
      setEndIcon: setter('endIcon', P.classOf('IconImage')),
      setButton: setter('button', P.classOf(...BUTTON_CLASSES)),
      setSwitchControl: setter('switchControl', P.classOf('Switch')),
      setWrapText: setter('wrapText', P.boolean),
      ...clickMethods(),
    },
    asWidget: (st, s) => {
      const text = read.str(st, 'text');
      if (text === undefined) s.fail('DecoratedText must have text: call setText().');
      const button = read.node(st, 'button');
      const switchControl = read.node(st, 'switchControl');
      const endIcon = read.node(st, 'endIcon');
      if ([button, switchControl, endIcon].filter(Boolean).length > 1) {
        s.fail('DecoratedText can have only one of setButton, setSwitchControl or setEndIcon.');
      }
      const startIcon = read.node(st, 'startIcon');
      return {
        decoratedText: compact({
          startIcon: startIcon && s.json(startIcon),
          topLabel: read.str(st, 'topLabel'),
          text,
          wrapText: read.bool(st, 'wrapText'),
          bottomLabel: read.str(st, 'bottomLabel'),
          onClick: onClickJson(st, s, 'DecoratedText'),
          button: button && s.json(button),
          switchControl: switchControl && s.json(switchControl),
          endIcon: endIcon && s.json(endIcon),
        }),
      };
    },
  },
  {
    name: 'KeyValue',
    methods: {
      setContent: setter('content', P.string),
      setTopLabel: setter('topLabel', P.string),
      setBottomLabel: setter('bottomLabel', P.string),
      setIcon: setter('icon', P.enumOf('Icon')),
      setIconUrl: setter('iconUrl', P.string),
      setIconAltText: setter('iconAltText', P.string),
      setMultiline: setter('multiline', P.boolean),
      setButton: setter('button', P.classOf(...BUTTON_CLASSES)),
      setSwitch: setter('switchControl', P.classOf('Switch')),
      ...clickMethods(),
    },
    asWidget: (st, s) => {
      const text = read.str(st, 'content');
      if (text === undefined) s.fail('KeyValue must have content: call setContent().');
      const button = read.node(st, 'button');
      const switchControl = read.node(st, 'switchControl');
      if (button && switchControl) s.fail('KeyValue can have only one of setButton or setSwitch.');
      return {
        decoratedText: compact({
          startIcon: iconJson(st, s, { icon: 'icon', url: 'iconUrl', alt: 'iconAltText' }),
          topLabel: read.str(st, 'topLabel'),
          text,
          wrapText: read.bool(st, 'multiline'),
          bottomLabel: read.str(st, 'bottomLabel'),
          onClick: onClickJson(st, s, 'KeyValue'),
          button: button && s.json(button),
          switchControl: switchControl && s.json(switchControl),
        }),
      };
    },
  },
  {
    name: 'Image',
    methods: { setImageUrl: setter('url', P.string), setAltText: setter('altText', P.string), ...clickMethods() },
    asWidget: (st, s) => {
      const imageUrl = read.str(st, 'url');
      if (!imageUrl) s.fail('Image must have a URL: call setImageUrl().');
      return {
        image: compact({ imageUrl, onClick: onClickJson(st, s, 'Image'), altText: read.str(st, 'altText') }),
      };
    },
  },
  { name: 'Divider', methods: {}, asWidget: () => ({ divider: {} }) },
  {
    name: 'TextButton',
    methods: {
      setText: setter('text', P.string),
      setAltText: setter('altText', P.string),
      setBackgroundColor: setter('backgroundColor', P.string),
      setDisabled: setter('disabled', P.boolean),
      setTextButtonStyle: setter('style', P.enumOf('TextButtonStyle')),
      setIcon: setter('icon', P.enumOf('Icon')),
      setIconUrl: setter('iconUrl', P.string),
      setMaterialIcon: setter('materialIcon', P.classOf('MaterialIcon')),
      ...clickMethods(true),
    },
    toJson: (st, s) => buttonJson(st, s, 'TextButton'),
    asWidget: (st, s) => buttonList(st, s, 'TextButton'),
  },
  {
    name: 'ImageButton',
    methods: {
      setAltText: setter('altText', P.string),
      setIcon: setter('icon', P.enumOf('Icon')),
      setIconUrl: setter('iconUrl', P.string),
      setMaterialIcon: setter('materialIcon', P.classOf('MaterialIcon')),
      setImageButtonStyle: setter('style', P.enumOf('ImageButtonStyle')),
      ...clickMethods(true),
    },
    toJson: (st, s) => buttonJson(st, s, 'ImageButton'),
    asWidget: (st, s) => buttonList(st, s, 'ImageButton'),
  },
  {
    name: 'ButtonSet',
    methods: { addButton: adder('buttons', P.classOf(...BUTTON_CLASSES)) },
    asWidget: (st, s) => {
      const buttons = read.nodes(st, 'buttons');
      if (buttons.length === 0) s.fail('ButtonSet must have at least one button: call addButton().');
      return { buttonList: { buttons: buttons.map((b) => s.json(b)) } };
    },
  },
  {
    name: 'IconImage',
    methods: {
      setIcon: setter('icon', P.enumOf('Icon')),
      setIconUrl: setter('iconUrl', P.string),
      setMaterialIcon: setter('materialIcon', P.classOf('MaterialIcon')),
      setAltText: setter('altText', P.string),
      setImageCropType: setter('cropType', P.enumOf('ImageCropType')),
    },
    toJson: (st, s) => {
      const icon = iconJson(st, s, { icon: 'icon', url: 'iconUrl', material: 'materialIcon', alt: 'altText' });
      if (!icon) s.fail('IconImage must have an icon: call setIcon(), setIconUrl() or setMaterialIcon().');
      const crop = read.enumId(st, 'cropType');
      if (crop && crop.name !== 'SQUARE' && crop.name !== 'CIRCLE') {
        s.fail(`IconImage supports only ImageCropType.SQUARE or CIRCLE, not ${crop.name}.`);
      }
      return compact({ ...icon, imageType: crop && crop.name });
    },
  },
  {
    name: 'MaterialIcon',
    methods: {
      setName: setter('name', P.string),
      setFill: setter('fill', P.boolean),
      setWeight: setter('weight', P.int),
      setGrade: setter('grade', P.int),
    },
    toJson: (st, s) => {
      const name = read.str(st, 'name');
      if (!name) s.fail('MaterialIcon must have a name: call setName().');
      return compact({
        name,
        fill: read.bool(st, 'fill'),
        weight: read.num(st, 'weight'),
        grade: read.num(st, 'grade'),
      });
    },
  },
];
