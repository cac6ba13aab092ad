/**
 * The leads page's search and filters: full-text search, stage, source, created date range and
 * value range. A field that can't be read says why under itself and is not applied until fixed.
 */
import { useId } from 'react';
import { LEAD_SOURCES, LEAD_STAGES } from '../../../sync/domain/leads';
import type { LeadFilterErrors, LeadFilterInput } from '../../../sync/domain/lead-search';
import { SOURCE_LABELS, STAGE_LABELS } from './labels';

export interface LeadFiltersProps {
  text: string;
  onTextChange(text: string): void;
  input: LeadFilterInput;
  onInputChange(input: LeadFilterInput): void;
  errors: LeadFilterErrors;
}

export function LeadFilters({ text, onTextChange, input, onInputChange, errors }: LeadFiltersProps) {
  const baseId = useId();
  const id = (field: string) => `${baseId}-${field}`;
  const set = (field: keyof LeadFilterInput, value: string) => onInputChange({ ...input, [field]: value });

  function errorProps(field: keyof LeadFilterInput) {
    return errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id(field)}-error` } : {};
  }
  function errorText(field: keyof LeadFilterInput) {
    const message = errors[field];
    return message ? (
      <p id={`${id(field)}-error`} className="form-field__error">
        {message}
      </p>
    ) : null;
  }

  return (
    <div className="filters lead-filters" role="search" aria-label="Filter leads">
      <div className="form-field lead-filters__search">
        <label htmlFor={id('text')}>Search</label>
        <input
          id={id('text')}
          type="search"
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          placeholder="Company, contact, email or notes"
        />
      </div>
      <div className="form-field">
        <label htmlFor={id('stage')}>Stage</label>
        <select id={id('stage')} value={input.stage} onChange={(event) => set('stage', event.target.value)} {...errorProps('stage')}>
          <option value="">All stages</option>
          {LEAD_STAGES.map((value) => (
            <option key={value} value={value}>
              {STAGE_LABELS[value]}
            </option>
          ))}
        </select>
        {errorText('stage')}
      </div>
      <div className="form-field">
        <label htmlFor={id('source')}>Source</label>
        <select id={id('source')} value={input.source} onChange={(event) => set('source', event.target.value)} {...errorProps('source')}>
          <option value="">All sources</option>
          {LEAD_SOURCES.map((value) => (
            <option key={value} value={value}>
              {SOURCE_LABELS[value]}
            </option>
          ))}
        </select>
        {errorText('source')}
      </div>
      <div className="form-field">
        <label htmlFor={id('createdFrom')}>Created from</label>
        <input
          id={id('createdFrom')}
          type="date"
          value={input.createdFrom}
          onChange={(event) => set('createdFrom', event.target.value)}
          {...errorProps('createdFrom')}
        />
        {errorText('createdFrom')}
      </div>
      <div className="form-field">
        <label htmlFor={id('createdTo')}>Created to</label>
        <input
          id={id('createdTo')}
          type="date"
          value={input.createdTo}
          onChange={(event) => set('createdTo', event.target.value)}
          {...errorProps('createdTo')}
        />
        {errorText('createdTo')}
      </div>
      <div className="form-field">
        <label htmlFor={id('valueMin')}>Minimum value</label>
        <input
          id={id('valueMin')}
          type="text"
          inputMode="decimal"
          size={8}
          value={input.valueMin}
          onChange={(event) => set('valueMin', event.target.value)}
          {...errorProps('valueMin')}
        />
        {errorText('valueMin')}
      </div>
      <div className="form-field">
        <label htmlFor={id('valueMax')}>Maximum value</label>
        <input
          id={id('valueMax')}
          type="text"
          inputMode="decimal"
          size={8}
          value={input.valueMax}
          onChange={(event) => set('valueMax', event.target.value)}
          {...errorProps('valueMax')}
        />
        {errorText('valueMax')}
      </div>
    </div>
  );
}
