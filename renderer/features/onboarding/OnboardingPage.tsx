/**
 * /onboarding: a new partner's first steps — welcome by tier, profile, the partner agreement
 * (accepted online through the server), payout setup or a reminder, the first-week checklist and
 * finish. Progress lives on the profile (saved offline, synced later), so the page resumes at the
 * first unfinished step; a partner asked to accept a new agreement version lands on that step.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  ONBOARDING_STEPS,
  ONBOARDING_STEP_LABELS,
  PAYOUT_LATER_MARK,
  agreementParagraphs,
  programmeSummary,
  stepDone,
  type OnboardingStep,
} from '../../../sync/domain/onboarding';
import { isValidTimeZone } from '../../../sync/domain/zoned-time';
import { tierLabel } from '../../../sync/domain/tiers';
import { PageHeader } from '../../ui/PageHeader';
import { ProgressBar } from '../../ui/ProgressBar';
import { FormAlert, FormField, SubmitRow } from '../../ui/FormField';
import { errorMessage } from '../../ui/error-message';
import { formatDate, systemTimeZone } from '../../ui/format';
import { useOnboardingData, type OnboardingData } from './use-onboarding-data';
import { acceptAgreement, finishOnboarding, markStepPassed, onboardingProfileSchema, saveChecklist, saveOnboardingProfile } from './onboarding-writes';
import { OnboardingChecklist } from './OnboardingChecklist';
import './onboarding.css';

export function OnboardingPage() {
  return (
    <>
      <title>Onboarding · SISO Partner Workstation</title>
      <PageHeader title="Welcome to SISO" description="A few steps to set up your partner account. Your progress is saved on this device and syncs when you are online." />
      <OnboardingBody />
    </>
  );
}

function OnboardingBody() {
  const live = useOnboardingData();
  const [chosen, setChosen] = useState<OnboardingStep | null>(null);
  // What the server confirmed just now counts before sync brings it to the profile.
  const [accepted, setAccepted] = useState<Acceptance | null>(null);
  const acceptedLatest = accepted !== null && live.agreement !== null && accepted.version >= live.agreement.version;
  const data: OnboardingData = acceptedLatest ? { ...live, progress: { ...live.progress, agreementCurrent: true } } : live;
  if (!data.db || !data.partnerId) return <p className="card card__text">No workspace is open on this device. Open one to continue onboarding.</p>;
  if (!data.profile) {
    return (
      <p className="card card__text" role="status">
        {data.profileLoading ? 'Loading your profile…' : 'Your profile has not reached this device yet. Stay online while sync finishes; onboarding continues here.'}
      </p>
    );
  }
  const step = chosen ?? live.resumeAt;
  const doneCount = ONBOARDING_STEPS.filter((candidate) => stepDone(candidate, data.progress)).length;
  const go = (next: OnboardingStep) => setChosen(next);
  const index = ONBOARDING_STEPS.indexOf(step);
  return (
    <div className="onboarding">
      <nav className="onboarding__steps card" aria-label="Onboarding steps">
        <ProgressBar fraction={doneCount / ONBOARDING_STEPS.length} label="Onboarding progress" valueText={`${doneCount} of ${ONBOARDING_STEPS.length} steps done`} />
        <p className="card__text">
          {doneCount} of {ONBOARDING_STEPS.length} steps done
        </p>
        <ol className="onboarding__step-list">
          {ONBOARDING_STEPS.map((candidate, position) => {
            const done = stepDone(candidate, data.progress);
            return (
              <li key={candidate}>
                <button
                  type="button"
                  className="onboarding__step"
                  aria-current={candidate === step ? 'step' : undefined}
                  data-done={done}
                  onClick={() => go(candidate)}
                >
                  <span className="onboarding__step-mark" aria-hidden="true">
                    {done ? '✓' : position + 1}
                  </span>
                  {ONBOARDING_STEP_LABELS[candidate]}
                  {done ? <span className="visually-hidden"> (done)</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <section className="card onboarding__panel" aria-labelledby="onboarding-step-heading">
        <p className="onboarding__step-count">
          Step {index + 1} of {ONBOARDING_STEPS.length}
        </p>
        {step === 'agreement' ? <AgreementStep
            data={data}
            go={go}
            accepted={accepted}
            onAccepted={(acceptance) => {
              // Stay on the agreement to confirm it, though the first unfinished step has moved on.
              setChosen('agreement');
              setAccepted(acceptance);
            }}
          /> : <StepContent step={step} data={data} go={go} />}
      </section>
    </div>
  );
}

interface StepProps {
  data: OnboardingData;
  go(step: OnboardingStep): void;
}

function StepContent({ step, data, go }: StepProps & { step: Exclude<OnboardingStep, 'agreement'> }) {
  switch (step) {
    case 'welcome':
      return <WelcomeStep data={data} go={go} />;
    case 'profile':
      return <ProfileStep data={data} go={go} />;
    case 'payout':
      return <PayoutStep data={data} go={go} />;
    case 'checklist':
      return <ChecklistStep data={data} go={go} />;
    case 'finish':
      return <FinishStep data={data} go={go} />;
  }
}

/** Moves past a step: records it on the profile (offline too), then shows the next one. */
function useStepAdvance(data: OnboardingData, go: (step: OnboardingStep) => void) {
  const [failure, setFailure] = useState<string | null>(null);
  async function advance(from: OnboardingStep, to: OnboardingStep) {
    setFailure(null);
    try {
      if (data.db && data.partnerId) await markStepPassed(data.db, data.partnerId, from);
      go(to);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }
  return { failure, advance };
}

function WelcomeStep({ data, go }: StepProps) {
  const { failure, advance } = useStepAdvance(data, go);
  const name = data.profile?.display_name?.split(' ')[0] ?? '';
  return (
    <>
      <h2 id="onboarding-step-heading">{name ? `Welcome, ${name}` : 'Welcome'}</h2>
      <p className="card__text">
        The SISO partner programme pays you for introducing organisations that need custom software, apps, websites or automation. You
        refer them, SISO’s team scopes and delivers the project, and you earn a commission when the client pays.
      </p>
      <p className="card__text">
        {data.tier ? <strong>{tierLabel(data.tier)} tier. </strong> : null}
        {programmeSummary(data.tier)}
      </p>
      <p className="card__text">Next: your profile, the partner agreement, how you are paid and a checklist for your first week.</p>
      <FormAlert message={failure} />
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void advance('welcome', 'profile')}>
          Get started
        </button>
      </div>
    </>
  );
}

function timeZoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

function ProfileStep({ data, go }: StepProps) {
  const profile = data.profile;
  const [values, setValues] = useState({
    display_name: profile?.display_name ?? '',
    company: profile?.company ?? '',
    country: profile?.country ?? '',
    timezone: isValidTimeZone(profile?.timezone) ? profile.timezone : systemTimeZone(),
    phone: profile?.phone ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((previous) => ({ ...previous, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = onboardingProfileSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setErrors({});
    if (!data.db || !data.partnerId) return;
    setBusy(true);
    try {
      await saveOnboardingProfile(data.db, data.partnerId, parsed.data);
      go('agreement');
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="onboarding-step-heading">Your profile</h2>
      <p className="card__text">How SISO and your clients see you. Saved on this device and sent to SISO when you are online.</p>
      <div className="onboarding__fields">
        <FormField label="Name" error={errors.display_name}>
          <input value={values.display_name} onChange={set('display_name')} autoComplete="name" />
        </FormField>
        <FormField label="Company" error={errors.company} hint="Leave empty if you refer as an individual.">
          <input value={values.company} onChange={set('company')} autoComplete="organization" />
        </FormField>
        <FormField label="Country" error={errors.country}>
          <input value={values.country} onChange={set('country')} autoComplete="country-name" />
        </FormField>
        <FormField label="Time zone" error={errors.timezone} hint="Dates, reminders and quiet hours follow it.">
          <select value={values.timezone} onChange={set('timezone')}>
            {timeZoneOptions(values.timezone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Phone" error={errors.phone}>
          <input value={values.phone} onChange={set('phone')} autoComplete="tel" inputMode="tel" />
        </FormField>
      </div>
      <p className="card__text">
        Logo: add it in the <Link to="/brand-kit">Brand kit</Link>, which checks its type, size and dimensions and puts it on your proposals.
      </p>
      <FormAlert message={failure} />
      <SubmitRow label="Save and continue" busyLabel="Saving…" busy={busy} blocked={null} />
    </form>
  );
}

interface Acceptance {
  version: number;
  acceptedAt: string;
}

function AgreementStep({ data, go, accepted, onAccepted }: StepProps & { accepted: Acceptance | null; onAccepted(acceptance: Acceptance): void }) {
  const { agreement, profile } = data;
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { failure: advanceFailure, advance } = useStepAdvance(data, go);
  const timeZone = isValidTimeZone(profile?.timezone) ? profile.timezone : systemTimeZone();

  if (!agreement) {
    return (
      <>
        <h2 id="onboarding-step-heading">Partner agreement</h2>
        <p className="card__text">
          The partner agreement has not reached this device yet. Stay online while sync finishes; you can carry on with the other steps meanwhile.
        </p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => void advance('agreement', 'payout')}>
            Continue to payout setup
          </button>
        </div>
      </>
    );
  }

  const acceptedNow = accepted && accepted.version >= agreement.version ? accepted : null;
  const current = acceptedNow !== null || (profile?.agreement_version ?? 0) >= agreement.version;
  const acceptedAt = acceptedNow?.acceptedAt ?? profile?.agreement_accepted_at ?? null;
  const reaccepting = !current && (profile?.agreement_version ?? 0) > 0;

  async function accept() {
    if (!data.client || !agreement) return;
    setBusy(true);
    setFailure(null);
    try {
      onAccepted(await acceptAgreement(data.client, agreement));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h2 id="onboarding-step-heading">Partner agreement</h2>
      <p className="card__text">
        {agreement.title}, version {agreement.version}, effective from {formatDate(agreement.effective_from, 'UTC')}.
      </p>
      {reaccepting ? (
        <div className="onboarding__changes" role="note" aria-labelledby="agreement-changes-heading">
          <h3 id="agreement-changes-heading">What changed</h3>
          <p className="card__text">
            You accepted version {profile?.agreement_version}. {agreement.changes.trim() || 'SISO did not summarise the changes; please read the whole text.'}
          </p>
        </div>
      ) : null}
      <div className="onboarding__agreement-text" role="region" aria-label="Partner agreement text" tabIndex={0}>
        {agreementParagraphs(agreement.text).map((paragraph, position) => (
          <p key={position}>{paragraph}</p>
        ))}
      </div>
      {current ? (
        <p className="inline-message onboarding__accepted" role="status">
          You accepted version {agreement.version}
          {acceptedAt ? ` on ${formatDate(acceptedAt, timeZone)}` : ''}.
        </p>
      ) : (
        <>
          <label className="onboarding__consent">
            <input type="checkbox" checked={checked} onChange={(event) => setChecked(event.target.checked)} disabled={busy} />
            I have read and accept the partner agreement
          </label>
          <FormAlert message={failure} />
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={busy || !checked || data.acceptBlocked !== null}
              aria-describedby={data.acceptBlocked ? 'agreement-blocked' : undefined}
              onClick={() => void accept()}
            >
              {busy ? 'Accepting…' : 'Accept agreement'}
            </button>
          </div>
          {data.acceptBlocked ? (
            <p id="agreement-blocked" className="inline-message">
              {data.acceptBlocked}
            </p>
          ) : null}
        </>
      )}
      <FormAlert message={advanceFailure} />
      <div className="button-row">
        <button type="button" className={current ? 'button button--primary' : 'button'} onClick={() => void advance('agreement', 'payout')}>
          {current ? 'Continue' : 'Accept later and continue'}
        </button>
      </div>
    </>
  );
}

function PayoutStep({ data, go }: StepProps) {
  const { failure, advance } = useStepAdvance(data, go);
  const [laterFailure, setLaterFailure] = useState<string | null>(null);
  const hasMethod = Boolean(data.profile?.payout_method);

  async function later() {
    setLaterFailure(null);
    try {
      if (data.db && data.partnerId && !data.done.includes(PAYOUT_LATER_MARK)) await saveChecklist(data.db, data.partnerId, [...data.done, PAYOUT_LATER_MARK]);
      await advance('payout', 'checklist');
    } catch (error) {
      setLaterFailure(errorMessage(error));
    }
  }

  return (
    <>
      <h2 id="onboarding-step-heading">Payout setup</h2>
      {hasMethod ? (
        <p className="card__text">Your payout method is set up. You can change it any time under Commissions → Payment management.</p>
      ) : (
        <p className="card__text">
          SISO pays approved commissions to your bank account or PayPal. Add the account and your tax details under Commissions → Payment management
          (this needs a connection: the details go straight to SISO and are never kept on this device).
        </p>
      )}
      <FormAlert message={failure ?? laterFailure} />
      <div className="button-row">
        <Link className={hasMethod ? 'button' : 'button button--primary'} to="/commissions">
          Open Payment management
        </Link>
        {hasMethod ? (
          <button type="button" className="button button--primary" onClick={() => void advance('payout', 'checklist')}>
            Continue
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void later()}>
            Later
          </button>
        )}
      </div>
      {!hasMethod ? <p className="form-field__hint">Later adds a reminder to your first-week checklist.</p> : null}
    </>
  );
}

function ChecklistStep({ data, go }: StepProps) {
  const { failure, advance } = useStepAdvance(data, go);
  return (
    <>
      <h2 id="onboarding-step-heading">Your first week</h2>
      <p className="card__text">
        {data.tier ? `For ${tierLabel(data.tier)} partners: ` : ''}tick items off as you go. The list stays on your dashboard until it is done.
      </p>
      <OnboardingChecklist data={data} />
      <FormAlert message={failure} />
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void advance('checklist', 'finish')}>
          Continue
        </button>
      </div>
    </>
  );
}

function FinishStep({ data, go }: StepProps) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const open = ONBOARDING_STEPS.filter((step) => step !== 'finish' && !stepDone(step, data.progress));
  const blocked = !data.progress.agreementCurrent ? 'Accept the partner agreement first: SISO needs it before you refer clients. It needs a connection.' : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!data.db || !data.partnerId || blocked) return;
    setBusy(true);
    setFailure(null);
    try {
      await finishOnboarding(data.db, data.partnerId);
      void navigate('/');
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)}>
      <h2 id="onboarding-step-heading">{data.progress.completed ? 'Onboarding complete' : 'Finish'}</h2>
      {open.length === 0 ? (
        <p className="card__text">Every step is done. Your dashboard keeps the first-week checklist until you have ticked it off.</p>
      ) : (
        <>
          <p className="card__text">Still open (you can finish and come back to them):</p>
          <ul className="onboarding__open-steps">
            {open.map((step) => (
              <li key={step}>
                <button type="button" className="button button--small" onClick={() => go(step)}>
                  {ONBOARDING_STEP_LABELS[step]}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <FormAlert message={failure} />
      <SubmitRow label={data.progress.completed ? 'Go to the dashboard' : 'Finish onboarding'} busyLabel="Finishing…" busy={busy} blocked={blocked} />
    </form>
  );
}
