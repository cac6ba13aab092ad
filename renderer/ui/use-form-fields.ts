/**
 * The state every validated form keeps: its text inputs, the error per field (cleared as that field
 * is edited), the summary read out on a refused submit, and stable field ids. `accept` takes a
 * domain validator's result: the values when valid, otherwise null after reporting the fields at
 * fault and moving focus to the first.
 */
import { useId, useState } from 'react';
import { reportInvalidFields } from './invalid-fields';

export type ValidationResult<F extends string, V> = { ok: true; values: V } | { ok: false; errors: Partial<Record<F, string>> };

export interface FieldLabels<F extends string> {
  /** Form order: the summary lists fields, and focus goes, in this order. */
  order: readonly F[];
  names: Record<F, string>;
}

export function useFormFields<F extends string, I extends Record<F, string>>(initial: I | (() => I), labels: FieldLabels<F>) {
  const baseId = useId();
  const [input, setInput] = useState<I>(initial);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const fieldId = (field: F) => `${baseId}-${field}`;

  function set(field: F, value: string) {
    setInput((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  }

  /** `lead` goes before the summary, e.g. "The link was not created. ". */
  function accept<V>(result: ValidationResult<F, V>, lead = ''): V | null {
    if (!result.ok) {
      setErrors(result.errors);
      setSummary(lead + reportInvalidFields(result.errors, labels.order, labels.names, fieldId));
      return null;
    }
    setErrors({});
    setSummary(null);
    return result.values;
  }

  return { baseId, input, setInput, errors, setErrors, summary, setSummary, fieldId, set, accept };
}
