/**
 * Form-input widgets of CardService: TextInput (with Suggestions and Validation), SelectionInput, Switch (used by
 * DecoratedText / KeyValue), and the pickers DatePicker, DateTimePicker and TimePicker, all printed as
 * google.apps.card.v1 JSON. Field names are required because the add-on reads values back from
 * `commonEventObject.formInputs[fieldName]`.
 */
import { P, adder, compact, read, setter, type ClassDef, type MethodDef, type Serializer } from './builderKit';
import type { JsonObject } from './json';

/** Most items a SelectionInput accepts ("Supports up to 100 items", card.proto). */
export const MAX_SELECTION_ITEMS = 100;

function requireName(st: Record<string, unknown>, s: Serializer, cls: string): string {
  const name = read.str(st, 'fieldName');
  if (!name) s.fail(`${cls} must have a field name: call setFieldName().`);
  return name;
}

function actionAt(st: Record<string, unknown>, s: Serializer, key: string): JsonObject | undefined {
  const node = read.node(st, key);
  return node && s.json(node);
}

const addItem: MethodDef = {
  params: [P.objectAsString, P.objectAsString, P.boolean],
  apply: (node, [text, value, selected], kit) => {
    const items = (node.state.items as JsonObject[] | undefined) ?? [];
    if (items.length >= MAX_SELECTION_ITEMS) {
      throw kit.makeError(`A SelectionInput can have at most ${MAX_SELECTION_ITEMS} items.`);
    }
    items.push({ text: String(text), value: String(value), selected: selected as boolean });
    node.state.items = items;
    return undefined;
  },
};

/** Shared picker methods; `kind` decides the JSON `type`. */
function pickerClass(name: string, type: 'DATE_ONLY' | 'DATE_AND_TIME' | 'TIME_ONLY'): ClassDef {
  const methods: Record<string, MethodDef> = {
    setFieldName: setter('fieldName', P.string),
    setTitle: setter('title', P.string),
    setOnChangeAction: setter('onChange', P.classOf('Action')),
  };
  if (type !== 'TIME_ONLY') methods.setValueInMsSinceEpoch = setter('valueMs', P.numberOrString);
  if (type === 'DATE_AND_TIME') methods.setTimeZoneOffsetInMins = setter('tzOffset', P.int);
  if (type === 'TIME_ONLY') {
    methods.setHours = {
      params: [P.int],
      apply: (node, [h], kit) => {
        if ((h as number) < 0 || (h as number) > 23) throw kit.makeError(`Hours must be between 0 and 23, not ${h}.`);
        node.state.hours = h;
        return undefined;
      },
    };
    methods.setMinutes = {
      params: [P.int],
      apply: (node, [m], kit) => {
        if ((m as number) < 0 || (m as number) > 59) throw kit.makeError(`Minutes must be between 0 and 59, not ${m}.`);
        node.state.minutes = m;
        return undefined;
      },
    };
  }
  return {
    name,
    methods,
    asWidget: (st, s) => {
      const fieldName = requireName(st, s, name);
      let valueMsEpoch = read.str(st, 'valueMs');
      const hours = read.num(st, 'hours');
      const minutes = read.num(st, 'minutes');
      if (type === 'TIME_ONLY' && (hours !== undefined || minutes !== undefined)) {
        valueMsEpoch = String(((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000);
      }
      return {
        dateTimePicker: compact({
          name: fieldName,
          label: read.str(st, 'title'),
          type,
          valueMsEpoch,
          timezoneOffsetDate: read.num(st, 'tzOffset'),
          onChangeAction: actionAt(st, s, 'onChange'),
        }),
      };
    },
  };
}

/** TextInput, Suggestions, Validation, SelectionInput, Switch and the three pickers. */
export const inputClasses: ClassDef[] = [
  {
    name: 'TextInput',
    methods: {
      setFieldName: setter('fieldName', P.string),
      setTitle: setter('title', P.string),
      setHint: setter('hint', P.string),
      setValue: setter('value', P.string),
      setMultiline: setter('multiline', P.boolean),
      setOnChangeAction: setter('onChange', P.classOf('Action')),
      setSuggestions: setter('suggestions', P.classOf('Suggestions')),
      setSuggestionsAction: setter('suggestionsAction', P.classOf('Action')),
      setValidation: setter('validation', P.classOf('Validation')),
    },
    asWidget: (st, s) => {
      const name = requireName(st, s, 'TextInput');
      const label = read.str(st, 'title');
      if (!label) s.fail('TextInput must have a title: call setTitle().');
      const multiline = read.bool(st, 'multiline');
      const suggestions = read.node(st, 'suggestions');
      const validation = read.node(st, 'validation');
      return {
        textInput: compact({
          name,
          label,
          hintText: read.str(st, 'hint'),
          value: read.str(st, 'value'),
          type: multiline === undefined ? undefined : multiline ? 'MULTIPLE_LINE' : 'SINGLE_LINE',
          onChangeAction: actionAt(st, s, 'onChange'),
          initialSuggestions: suggestions && s.json(suggestions),
          autoCompleteAction: actionAt(st, s, 'suggestionsAction'),
          validation: validation && s.json(validation),
        }),
      };
    },
  },
  {
    name: 'Suggestions',
    methods: {
      addSuggestion: adder('items', P.string),
      addSuggestions: {
        params: [P.arrayOf(P.string)],
        apply: (node, [list]) => {
          const items = (node.state.items as string[] | undefined) ?? [];
          node.state.items = [...items, ...(list as unknown[]).map(String)];
          return undefined;
        },
      },
    },
    toJson: (st) => ({ items: ((st.items as string[] | undefined) ?? []).map((text) => ({ text })) }),
  },
  {
    name: 'Validation',
    methods: {
      setCharacterLimit: setter('characterLimit', P.int),
      setInputType: setter('inputType', P.enumOf('InputType')),
    },
    toJson: (st, s) => {
      const inputType = read.enumId(st, 'inputType');
      return compact({
        characterLimit: read.num(st, 'characterLimit'),
        inputType: inputType && s.enumValue(inputType),
      });
    },
  },
  {
    name: 'SelectionInput',
    methods: {
      setType: setter('type', P.enumOf('SelectionInputType')),
      setFieldName: setter('fieldName', P.string),
      setTitle: setter('title', P.string),
      addItem,
      setOnChangeAction: setter('onChange', P.classOf('Action')),
      setExternalDataSource: setter('externalDataSource', P.classOf('Action')),
      setMultiSelectMaxSelectedItems: setter('maxSelected', P.int),
      setMultiSelectMinQueryLength: setter('minQueryLength', P.int),
    },
    asWidget: (st, s) => {
      const name = requireName(st, s, 'SelectionInput');
      const type = read.enumId(st, 'type');
      const items = (st.items as JsonObject[] | undefined) ?? [];
      return {
        selectionInput: compact({
          name,
          label: read.str(st, 'title'),
          type: type && s.enumValue(type),
          items: items.map((i) => ({ ...i })),
          onChangeAction: actionAt(st, s, 'onChange'),
          multiSelectMaxSelectedItems: read.num(st, 'maxSelected'),
          multiSelectMinQueryLength: read.num(st, 'minQueryLength'),
          externalDataSource: actionAt(st, s, 'externalDataSource'),
        }),
      };
    },
  },
  {
    name: 'Switch',
    methods: {
      setFieldName: setter('fieldName', P.string),
      setValue: setter('value', P.string),
      setSelected: setter('selected', P.boolean),
      setOnChangeAction: setter('onChange', P.classOf('Action')),
      setControlType: setter('controlType', P.enumOf('SwitchControlType')),
    },
    toJson: (st, s) => {
      const name = requireName(st, s, 'Switch');
      const controlType = read.enumId(st, 'controlType');
      return compact({
        name,
        value: read.str(st, 'value'),
        selected: read.bool(st, 'selected'),
        onChangeAction: actionAt(st, s, 'onChange'),
        controlType: controlType && s.enumValue(controlType),
      });
    },
  },
  pickerClass('DatePicker', 'DATE_ONLY'),
  pickerClass('DateTimePicker', 'DATE_AND_TIME'),
  pickerClass('TimePicker', 'TIME_ONLY'),
];
