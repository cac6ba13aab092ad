/**
 * What a form does when it is submitted with errors: one summary sentence naming the fields at
 * fault, in form order, and focus moved to the first of them.
 */
export function reportInvalidFields<F extends string>(
  errors: Partial<Record<F, string | undefined>>,
  order: readonly F[],
  names: Record<F, string>,
  idOf: (field: F) => string,
): string {
  const invalid = order.filter((field) => errors[field]);
  const first = invalid[0];
  if (first) document.getElementById(idOf(first))?.focus();
  return `Check ${invalid.length === 1 ? 'this field' : 'these fields'}: ${invalid.map((field) => names[field]).join(', ')}.`;
}
