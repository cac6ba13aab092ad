/**
 * The leads page's search and filters: full-text search, stage, source, created date range and
 * value range. A field that can't be read says why under itself and is not applied until fixed.
 */
import { FormField } from '../../ui/FormField';
import { LEAD_SOURCES, LEAD_STAGES, sourceLabel, stageLabel } from '../../../sync/domain/leads';
import type { LeadFilterErrors, LeadFilterInput } from '../../../sync/domain/lead-search';

export interface LeadFiltersProps {
  text: string;
  onTextChange(text: string): void;
  input: LeadFilterInput;
  onInputChange(input: LeadFilterInput): void;
  errors: LeadFilterErrors;
}

export function LeadFilters({ text, onTextChange, input, onInputChange, errors }: LeadFiltersProps) {
  const set = (field: keyof LeadFilterInput, value: string) => onInputChange({ ...input, [field]: value });

  return (
    <div className="filters lead-filters" role="search" aria-label="Filter leads">
      <FormField label="Search" className="lead-filters__search">
        <input type="search" value={text} onChange={(event) => onTextChange(event.target.value)} placeholder="Company, contact, email or notes" />
      </FormField>
      <FormField label="Stage" error={errors.stage}>
        <select value={input.stage} onChange={(event) => set('stage', event.target.value)}>
          <option value="">All stages</option>
          {LEAD_STAGES.map((value) => (
            <option key={value} value={value}>
              {stageLabel(value)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Source" error={errors.source}>
        <select value={input.source} onChange={(event) => set('source', event.target.value)}>
          <option value="">All sources</option>
          {LEAD_SOURCES.map((value) => (
            <option key={value} value={value}>
              {sourceLabel(value)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Created from" error={errors.createdFrom}>
        <input type="date" value={input.createdFrom} onChange={(event) => set('createdFrom', event.target.value)} />
      </FormField>
      <FormField label="Created to" error={errors.createdTo}>
        <input type="date" value={input.createdTo} onChange={(event) => set('createdTo', event.target.value)} />
      </FormField>
      <FormField label="Minimum value" error={errors.valueMin}>
        <input type="text" inputMode="decimal" size={8} value={input.valueMin} onChange={(event) => set('valueMin', event.target.value)} />
      </FormField>
      <FormField label="Maximum value" error={errors.valueMax}>
        <input type="text" inputMode="decimal" size={8} value={input.valueMax} onChange={(event) => set('valueMax', event.target.value)} />
      </FormField>
    </div>
  );
}
