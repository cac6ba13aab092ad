/**
 * papaparse's types as the renderer sees them (tsconfig.web.json maps `papaparse` here). The
 * published @types/papaparse opens with `/// <reference types="node" />` for its stream API, which
 * would hand every renderer file Node's globals (Buffer, process) and defeat the web config. Only
 * string parsing is declared: the renderer never streams.
 */
export interface ParseError {
  type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
  message: string;
  row?: number;
  index?: number;
}

export interface ParseMeta {
  delimiter: string;
  linebreak: string;
  aborted: boolean;
  truncated: boolean;
  cursor: number;
  fields?: string[];
}

/** One record, as `step` receives it. */
export interface ParseStepResult<T> {
  data: T;
  errors: ParseError[];
  meta: ParseMeta;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
  meta: ParseMeta;
}

export interface Parser {
  abort(): void;
  pause(): void;
  resume(): void;
}

export interface ParseConfig<T> {
  delimiter?: string;
  newline?: string;
  quoteChar?: string;
  escapeChar?: string;
  header?: boolean;
  dynamicTyping?: boolean;
  preview?: number;
  comments?: false | string;
  skipEmptyLines?: boolean | 'greedy';
  delimitersToGuess?: string[];
  transformHeader?(header: string, index: number): string;
  transform?(value: string, field: string | number): unknown;
  step?(results: ParseStepResult<T>, parser: Parser): void;
}

export interface UnparseConfig {
  quotes?: boolean | boolean[];
  quoteChar?: string;
  escapeChar?: string;
  delimiter?: string;
  header?: boolean;
  newline?: string;
  skipEmptyLines?: boolean | 'greedy';
  columns?: string[];
  escapeFormulae?: boolean | RegExp;
}

declare const Papa: {
  parse<T>(input: string, config: ParseConfig<T> & { step: NonNullable<ParseConfig<T>['step']> }): void;
  parse<T>(input: string, config?: ParseConfig<T>): ParseResult<T>;
  unparse(data: readonly unknown[] | { fields: readonly string[]; data: readonly unknown[] }, config?: UnparseConfig): string;
};
export default Papa;
