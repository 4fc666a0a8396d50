/**
 * Data validation: SpreadsheetApp.newDataValidation() builds a rule (requireValueInList, requireCheckbox,
 * setAllowInvalid, setHelpText...), Range.setDataValidation(s) stores it on cells, getDataValidation(s) reads it
 * back. Rules are immutable values; `copy()` gives a builder prefilled with a rule, as in Apps Script.
 */
import { EnumValue, ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import { badSignature } from '../signature';
import { DataValidationCriteria } from './enums';
import type { DataValidationRule } from './model';

const FQ = 'SpreadsheetApp.DataValidationBuilder';

/** A built rule (class DataValidation). */
export class DataValidationImpl extends ServiceObject {
  get className(): string {
    return 'DataValidation';
  }

  constructor(readonly _rule: DataValidationRule) {
    super();
  }

  getAllowInvalid(): boolean {
    return this._rule.allowInvalid;
  }

  getHelpText(): string | null {
    return this._rule.helpText;
  }

  getCriteriaType(): EnumValue | undefined {
    return DataValidationCriteria[this._rule.criteria];
  }

  getCriteriaValues(): unknown[] {
    return [...this._rule.values];
  }

  copy(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl({ ...this._rule, values: [...this._rule.values] });
  }
}

/** SpreadsheetApp.newDataValidation(). */
export class DataValidationBuilderImpl extends ServiceObject {
  get className(): string {
    return 'DataValidationBuilder';
  }

  private rule: DataValidationRule;

  constructor(rule?: DataValidationRule) {
    super();
    this.rule = rule ?? { criteria: '', values: [], allowInvalid: true, helpText: null };
  }

  requireValueInList(values: unknown, showDropdown?: unknown): this {
    if (!Array.isArray(values)) badSignature(`${FQ}.requireValueInList`, [values, showDropdown]);
    this.rule = { ...this.rule, criteria: 'VALUE_IN_LIST', values: [values.map(String), showDropdown !== false] };
    return this;
  }

  requireValueInRange(range: unknown, showDropdown?: unknown): this {
    this.rule = { ...this.rule, criteria: 'VALUE_IN_RANGE', values: [range, showDropdown !== false] };
    return this;
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    const values = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    this.rule = { ...this.rule, criteria: 'CHECKBOX', values };
    return this;
  }

  requireTextIsEmail(): this {
    this.rule = { ...this.rule, criteria: 'TEXT_IS_VALID_EMAIL', values: [] };
    return this;
  }

  requireTextIsUrl(): this {
    this.rule = { ...this.rule, criteria: 'TEXT_IS_VALID_URL', values: [] };
    return this;
  }

  setAllowInvalid(allowInvalidData: unknown): this {
    if (typeof allowInvalidData !== 'boolean') badSignature(`${FQ}.setAllowInvalid`, [allowInvalidData]);
    this.rule = { ...this.rule, allowInvalid: allowInvalidData };
    return this;
  }

  setHelpText(helpText: unknown): this {
    this.rule = { ...this.rule, helpText: helpText === null || helpText === undefined ? null : String(helpText) };
    return this;
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getHelpText(): string | null {
    return this.rule.helpText;
  }

  getCriteriaType(): EnumValue | undefined {
    return DataValidationCriteria[this.rule.criteria];
  }

  getCriteriaValues(): unknown[] {
    return [...this.rule.values];
  }

  build(): DataValidationImpl {
    if (!this.rule.criteria) throw new ScriptException(MSG.invalidArgument('criteria'));
    return new DataValidationImpl({ ...this.rule, values: [...this.rule.values] });
  }
}
