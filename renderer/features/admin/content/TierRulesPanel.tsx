/**
 * Tier rules: what each tier requires, what it unlocks and its commission rate, edited as a form
 * and validated with tierRuleBodySchema (the schema the tier engine and entitlements read) before
 * saving. A changed rate applies to a partner when their tier is next set (Partners tab).
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { PAYOUT_FREQUENCIES, tierRuleBodySchema, type TierRuleBody } from '../../../../sync/schema/catalog-bodies';
import type { PlainDoc } from '../../../data/collection-queries';
import { useCatalog } from '../../../data/workstation-hooks';
import { FormField, SubmitRow } from '../../../ui/FormField';
import { TIER_LABELS } from '../shared/labels';
import type { AdminAccess } from '../shared/use-admin-access';
import { errorMessage } from '../../../ui/error-message';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const REQUIREMENTS = [
  ['referred_leads_per_month', 'Referred leads per month'],
  ['training_modules_completed', 'Training modules completed'],
  ['satisfaction_rating', 'Client satisfaction rating (0–5)'],
  ['support_calls_attended', 'Support calls attended'],
  ['min_days_in_previous_tier', 'Minimum days in the tier below'],
] as const satisfies readonly (readonly [keyof TierRuleBody['requirements'], string])[];

const LISTS = [
  ['marketing_categories', 'Marketing categories'],
  ['support_channels', 'Support channels'],
  ['lead_features', 'Lead features'],
] as const satisfies readonly (readonly [Exclude<keyof TierRuleBody['benefits'], 'payout_frequency'>, string])[];

type Form = {
  commission_rate: string;
  payout_frequency: string;
  /** Course catalog ids. */
  training_courses: readonly string[];
} & Record<(typeof REQUIREMENTS)[number][0], string> &
  Record<(typeof LISTS)[number][0], string>;

function formOf(body: TierRuleBody): Form {
  return {
    commission_rate: String(body.commission_rate),
    payout_frequency: body.benefits.payout_frequency,
    referred_leads_per_month: String(body.requirements.referred_leads_per_month),
    training_modules_completed: String(body.requirements.training_modules_completed),
    satisfaction_rating: String(body.requirements.satisfaction_rating),
    support_calls_attended: String(body.requirements.support_calls_attended),
    min_days_in_previous_tier: String(body.requirements.min_days_in_previous_tier),
    marketing_categories: body.benefits.marketing_categories.join(', '),
    training_courses: body.benefits.training_courses,
    support_channels: body.benefits.support_channels.join(', '),
    lead_features: body.benefits.lead_features.join(', '),
  };
}

function numberOrNaN(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** Form → body, keeping what the form does not edit (tier, rank) from the stored rule. */
function bodyOf(form: Form, base: TierRuleBody): ReturnType<typeof tierRuleBodySchema.safeParse> {
  return tierRuleBodySchema.safeParse({
    ...base,
    commission_rate: numberOrNaN(form.commission_rate),
    requirements: Object.fromEntries(REQUIREMENTS.map(([key]) => [key, numberOrNaN(form[key])])),
    benefits: {
      ...Object.fromEntries(LISTS.map(([key]) => [key, form[key].split(',').map((item) => item.trim()).filter(Boolean)])),
      training_courses: form.training_courses,
      payout_frequency: form.payout_frequency,
    },
  });
}

function errorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path.at(-1) ?? '');
    const message = issue.code === 'invalid_type' ? 'Enter a number.' : issue.code === 'too_small' ? 'Must not be negative.' : issue.code === 'too_big' ? `Must be at most ${'maximum' in issue ? String(issue.maximum) : 'the limit'}.` : issue.message;
    errors[key] ??= message;
  }
  return errors;
}

interface CourseOption {
  id: string;
  title: string;
}

function TierRuleEditor({
  access,
  row,
  body,
  courses,
  announce,
}: {
  access: Admin;
  row: PlainDoc<'catalog'>;
  body: TierRuleBody;
  courses: readonly CourseOption[];
  announce(message: string): void;
}) {
  const headingId = useId();
  const [form, setForm] = useState<Form>(() => formOf(body));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggleCourse = (id: string, included: boolean) => {
    setForm((previous) => ({
      ...previous,
      training_courses: included ? [...previous.training_courses, id] : previous.training_courses.filter((course) => course !== id),
    }));
  };
  // Courses the rule names that are not in the catalog stay listed, so unticking them is a choice.
  const courseOptions = [
    ...courses,
    ...form.training_courses.filter((id) => !courses.some((course) => course.id === id)).map((id) => ({ id, title: `Course not in the catalog (${id})` })),
  ];

  const set = (key: Exclude<keyof Form, 'training_courses'>, value: string) => {
    setForm((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [key]: _removed, ...rest }) => rest);
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    setFailure(null);
    const parsed = bodyOf(form, body);
    if (!parsed.success) {
      setErrors(errorsOf(parsed.error));
      return;
    }
    setBusy(true);
    try {
      const saved = await access.api.updateEntry(row.id, { body: parsed.data }, `save the ${TIER_LABELS[body.tier]} tier rule`);
      announce(`Saved the ${TIER_LABELS[body.tier]} tier rule (version ${saved.version}). Partners’ tier progress uses it now.`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card admin-form" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {TIER_LABELS[body.tier]} <span className="data-table__sub">version {row.version}{row.published ? '' : ' · draft'}</span>
      </h2>
      <form className="form" noValidate onSubmit={(event) => void save(event)}>
        <fieldset className="admin-fieldset">
          <legend>Commission and payouts</legend>
          <div className="form-grid">
            <FormField label="Commission rate (%)" error={errors.commission_rate}>
              <input type="number" inputMode="decimal" min={0} max={100} step="0.5" value={form.commission_rate} onChange={(event) => set('commission_rate', event.target.value)} />
            </FormField>
            <FormField label="Payout frequency" error={errors.payout_frequency}>
              <select value={form.payout_frequency} onChange={(event) => set('payout_frequency', event.target.value)}>
                {PAYOUT_FREQUENCIES.map((frequency) => (
                  <option key={frequency} value={frequency}>
                    {frequency}
                  </option>
                ))}
              </select>
            </FormField>
          </div>
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>Requirements to reach {TIER_LABELS[body.tier]}</legend>
          <div className="form-grid">
            {REQUIREMENTS.map(([key, label]) => (
              <FormField key={key} label={label} error={errors[key]}>
                <input type="number" inputMode="decimal" min={0} step={key === 'satisfaction_rating' ? '0.1' : '1'} value={form[key]} onChange={(event) => set(key, event.target.value)} />
              </FormField>
            ))}
          </div>
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>Benefits</legend>
          <div className="form-grid">
            {LISTS.map(([key, label]) => (
              <FormField key={key} label={label} hint="Separate items with commas." error={errors[key]}>
                <input type="text" value={form[key]} onChange={(event) => set(key, event.target.value)} />
              </FormField>
            ))}
          </div>
          <fieldset className="admin-fieldset admin-checks">
            <legend>Training courses</legend>
            {courseOptions.length === 0 ? <p className="form-field__hint">There are no courses in the catalog yet.</p> : null}
            {courseOptions.map((course) => (
              <label key={course.id} className="admin-checkbox admin-checkbox--plain">
                <input type="checkbox" checked={form.training_courses.includes(course.id)} onChange={(event) => toggleCourse(course.id, event.target.checked)} /> {course.title}
              </label>
            ))}
          </fieldset>
        </fieldset>
        <div role="alert" className="form__alert">
          {Object.keys(errors).length ? <p className="inline-message">Check the highlighted fields; nothing was saved.</p> : null}
          {failure ? <p className="inline-message">{failure}</p> : null}
        </div>
        <SubmitRow label={`Save ${TIER_LABELS[body.tier]} rule`} busyLabel="Saving…" busy={busy} blocked={access.blocked} />
      </form>
    </section>
  );
}

export function TierRulesPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const rules = useCatalog('tier_rule', { includeUnpublished: true });
  const courseRows = useCatalog('course', { includeUnpublished: true });
  const courses = useMemo(() => courseRows.data.map((course) => ({ id: course.id, title: course.title })), [courseRows.data]);
  if (rules.loading) return <p className="card__text">Loading tier rules…</p>;
  const parsed = rules.data
    .map((row) => ({ row, body: tierRuleBodySchema.safeParse(row.body) }))
    .sort((a, b) => (a.body.success ? a.body.data.rank : 99) - (b.body.success ? b.body.data.rank : 99));
  if (parsed.length === 0) return <p className="card card__text">There are no tier rules in the catalog. They are created with the server’s seed; contact the SISO engineering team.</p>;
  return (
    <div className="admin-stack">
      {parsed.map(({ row, body }) =>
        body.success ? (
          <TierRuleEditor key={row.id} access={access} row={row} body={body.data} courses={courses} announce={announce} />
        ) : (
          <p key={row.id} className="card card__text" role="alert">
            The rule “{row.title}” does not match the tier rule format ({z.prettifyError(body.error).split('\n')[0]}), so it cannot be edited here. Contact the SISO engineering team.
          </p>
        ),
      )}
    </div>
  );
}
