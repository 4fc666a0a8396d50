/**
 * Layout widgets of CardService: Grid with GridItem, ImageComponent, ImageCropStyle and BorderStyle; Columns with
 * Column; ChipList with Chip. Printed as google.apps.card.v1 JSON. Setters the discovery schema has no field for
 * (GridItem.setTextAlignment, Columns.setWrapStyle) are accepted and not printed (known difference K8).
 */
import { P, adder, compact, hexToColor, read, setter, type ClassDef } from './builderKit';
import { clickMethods, onClickJson } from './actions';
import type { JsonObject } from './json';

/** Widget classes a Column accepts (the `GoogleAppsCardV1Widgets` schema). */
export const COLUMN_WIDGET_CLASSES = [
  'TextParagraph',
  'DecoratedText',
  'Image',
  'TextButton',
  'ImageButton',
  'ButtonSet',
  'TextInput',
  'SelectionInput',
  'DatePicker',
  'DateTimePicker',
  'TimePicker',
  'ChipList',
];

/** Grid, GridItem, image styling, Columns, Column, ChipList and Chip. */
export const layoutClasses: ClassDef[] = [
  {
    name: 'Grid',
    methods: {
      setTitle: setter('title', P.string),
      addItem: adder('items', P.classOf('GridItem')),
      setNumColumns: setter('columns', P.int),
      setBorderStyle: setter('borderStyle', P.classOf('BorderStyle')),
      ...clickMethods(),
    },
    asWidget: (st, s) => {
      const items = read.nodes(st, 'items');
      const border = read.node(st, 'borderStyle');
      return {
        grid: compact({
          title: read.str(st, 'title'),
          items: items.map((i) => s.json(i)),
          borderStyle: border && s.json(border),
          columnCount: read.num(st, 'columns'),
          onClick: onClickJson(st, s, 'Grid'),
        }),
      };
    },
  },
  {
    name: 'GridItem',
    methods: {
      setIdentifier: setter('id', P.string),
      setImage: setter('image', P.classOf('ImageComponent')),
      setTitle: setter('title', P.string),
      setSubtitle: setter('subtitle', P.string),
      setLayout: setter('layout', P.enumOf('GridItemLayout')),
      setTextAlignment: setter('textAlignment', P.enumOf('HorizontalAlignment')),
    },
    toJson: (st, s) => {
      const image = read.node(st, 'image');
      const layout = read.enumId(st, 'layout');
      return compact({
        id: read.str(st, 'id'),
        image: image && s.json(image),
        title: read.str(st, 'title'),
        subtitle: read.str(st, 'subtitle'),
        layout: layout && s.enumValue(layout),
      });
    },
  },
  {
    name: 'ImageComponent',
    methods: {
      setImageUrl: setter('url', P.string),
      setAltText: setter('altText', P.string),
      setCropStyle: setter('cropStyle', P.classOf('ImageCropStyle')),
      setBorderStyle: setter('borderStyle', P.classOf('BorderStyle')),
    },
    toJson: (st, s) => {
      const imageUri = read.str(st, 'url');
      if (!imageUri) s.fail('ImageComponent must have a URL: call setImageUrl().');
      const crop = read.node(st, 'cropStyle');
      const border = read.node(st, 'borderStyle');
      return compact({
        imageUri,
        altText: read.str(st, 'altText'),
        cropStyle: crop && s.json(crop),
        borderStyle: border && s.json(border),
      });
    },
  },
  {
    name: 'ImageCropStyle',
    methods: {
      setImageCropType: setter('type', P.enumOf('ImageCropType')),
      setAspectRatio: setter('aspectRatio', P.number),
    },
    toJson: (st, s) => {
      const type = read.enumId(st, 'type');
      return compact({ type: type && s.enumValue(type), aspectRatio: read.num(st, 'aspectRatio') });
    },
  },
  {
    name: 'BorderStyle',
    methods: {
      setType: setter('type', P.enumOf('BorderType')),
      setStrokeColor: setter('strokeColor', P.string),
      setCornerRadius: setter('cornerRadius', P.int),
    },
    toJson: (st, s) => {
      const type = read.enumId(st, 'type');
      const hex = read.str(st, 'strokeColor');
      let strokeColor: JsonObject | undefined;
      if (hex !== undefined) {
        strokeColor = hexToColor(hex);
        if (!strokeColor) s.fail(`BorderStyle stroke colour "${hex}" is not a hex colour such as #dadce0.`);
      }
      return compact({ cornerRadius: read.num(st, 'cornerRadius'), strokeColor, type: type && s.enumValue(type) });
    },
  },
  {
    name: 'Columns',
    methods: {
      addColumn: adder('columns', P.classOf('Column')),
      setWrapStyle: setter('wrapStyle', P.enumOf('WrapStyle')),
    },
    asWidget: (st, s) => {
      const columns = read.nodes(st, 'columns');
      if (columns.length === 0) s.fail('Columns must have at least one column: call addColumn().');
      return { columns: { columnItems: columns.map((c) => s.json(c)) } };
    },
  },
  {
    name: 'Column',
    methods: {
      addWidget: adder('widgets', P.classOf(...COLUMN_WIDGET_CLASSES)),
      setHorizontalAlignment: setter('horizontalAlignment', P.enumOf('HorizontalAlignment')),
      setHorizontalSizeStyle: setter('horizontalSizeStyle', P.enumOf('HorizontalSizeStyle')),
      setVerticalAlignment: setter('verticalAlignment', P.enumOf('VerticalAlignment')),
    },
    toJson: (st, s) => {
      const h = read.enumId(st, 'horizontalAlignment');
      const size = read.enumId(st, 'horizontalSizeStyle');
      const v = read.enumId(st, 'verticalAlignment');
      return compact({
        horizontalSizeStyle: size && s.enumValue(size),
        horizontalAlignment: h && s.enumValue(h),
        verticalAlignment: v && s.enumValue(v),
        widgets: read.nodes(st, 'widgets').map((w) => s.widget(w)),
      });
    },
  },
  {
    name: 'ChipList',
    methods: { addChip: adder('chips', P.classOf('Chip')), setLayout: setter('layout', P.enumOf('ChipListLayout')) },
    asWidget: (st, s) => {
      const layout = read.enumId(st, 'layout');
      return {
        chipList: compact({
          layout: layout && s.enumValue(layout),
          chips: read.nodes(st, 'chips').map((c) => s.json(c)),
        }),
      };
    },
  },
  {
    name: 'Chip',
    methods: {
      setLabel: setter('label', P.string),
      setIcon: setter('icon', P.classOf('IconImage')),
      setAltText: setter('altText', P.string),
      setDisabled: setter('disabled', P.boolean),
      ...clickMethods(),
    },
    toJson: (st, s) => {
      const icon = read.node(st, 'icon');
      return compact({
        icon: icon && s.json(icon),
        label: read.str(st, 'label'),
        onClick: onClickJson(st, s, 'Chip'),
        disabled: read.bool(st, 'disabled'),
        altText: read.str(st, 'altText'),
      });
    },
  },
];
