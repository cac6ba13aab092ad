/**
 * An assessment (/training/assessments/:assessmentId): the questions from the catalog, a submitted
 * attempt stored locally (queued offline), and the server's verdict and certificate once synced.
 * The client has no answer key, so it never claims a result before SISO has graded the attempt; an
 * attempt SISO refused shows the reason and can be discarded.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { certificateStanding, retakeDecision } from '../../../sync/domain/certifications';
import type { AttemptAnswers } from '../../../sync/schema/training-progress.schema';
import { useOnlineStatus } from '../../platform/online-status';
import { PageHeader } from '../../ui/PageHeader';
import { errorMessage } from '../../ui/error-message';
import { formatDate, formatPercent } from '../../ui/format';
import { submitAttempt } from './certification-writes';
import { RefusedAttempt } from './RefusedAttempt';
import { useCertificationsData, type CertificationAssessment, type CertificationsData } from './use-certifications-data';
import './certifications.css';

export function AssessmentPage() {
  const { assessmentId = '' } = useParams();
  const data = useCertificationsData();
  const assessment = data.assessments.find((candidate) => candidate.id === assessmentId) ?? null;
  const title = assessment?.title ?? 'Assessment';
  return (
    <>
      <title>{`${title} · SISO Partner Workstation`}</title>
      <PageHeader title={title} description="Answer every question, then submit. SISO checks your answers and issues the certificate." />
      <AssessmentBody data={data} assessment={assessment} />
      <p className="certifications__links">
        <Link to="/training">Back to Training</Link> · <Link to="/certifications">Your certifications</Link>
      </p>
    </>
  );
}

function formatDateTime(iso: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(iso);
}

function AssessmentBody({ data, assessment }: { data: CertificationsData; assessment: CertificationAssessment | null }) {
  const online = useOnlineStatus();
  if (!data.db || !data.partnerId) return <p className="card card__text">No workspace is open on this device. Open one to take an assessment.</p>;
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        Your assessments could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading) return <p className="card__text">Loading the assessment…</p>;
  if (!assessment) {
    return (
      <p className="card card__text">
        This assessment is not on this device: it is locked for your tier, or it has not synced yet. Check the course on the Training page, or connect so the workstation can sync.
      </p>
    );
  }
  const attempts = data.attempts.filter((attempt) => attempt.course_id === assessment.id);
  const latest = attempts[0] ?? null;
  const courseCertificates = data.certificates.filter((row) => row.course_id === assessment.body.course_id);
  // Renewal: once every certificate for the course is within the notice period or expired, a passed partner may retake.
  const renewing = courseCertificates.length > 0 && courseCertificates.every((row) => certificateStanding(row.expires_at, data.now).state !== 'valid');
  const decision = retakeDecision(attempts, assessment.body.cooldown_hours, data.now, renewing);
  const certificate = latest ? data.certificates.find((row) => row.ref_id === latest.id) ?? null : null;
  const refusal = latest ? data.refusedAttempts.get(latest.id) ?? null : null;

  return (
    <>
      {renewing && decision.allowed ? <p className="card card__text">Your certificate for this course is due for renewal: pass the assessment again to get a new one.</p> : null}
      {latest ? (
        <section className="card" aria-labelledby="assessment-result">
          <h2 id="assessment-result">Your result</h2>
          {refusal ? <RefusedAttempt problem={refusal} title={assessment.title} discard={data.discardRefused} /> : null}
          <div role="status">
            {refusal ? null : latest.status === 'submitted' ? (
              <p className="card__text">
                Submitted — SISO checks your answers when you’re {online ? 'online' : 'back online'}; the certificate appears here once verified.
              </p>
            ) : latest.status === 'passed' ? (
              <p className="card__text">
                Passed with {formatPercent(latest.score ?? 0)} (pass mark {formatPercent(assessment.body.pass_mark)}).
              </p>
            ) : (
              <p className="card__text">
                Not passed: {formatPercent(latest.score ?? 0)} (pass mark {formatPercent(assessment.body.pass_mark)}).{' '}
                {decision.allowed === false && decision.reason === 'cooldown'
                  ? `You can retake it from ${formatDateTime(decision.retakeAt, data.timeZone)}; review the course modules until then.`
                  : 'You can retake it now.'}
              </p>
            )}
          </div>
          {certificate?.verification_code ? (
            <p className="card__text">
              Certificate verified: {certificate.track ?? assessment.title}, code {certificate.verification_code}, issued {formatDate(certificate.issued_at ?? certificate.created_at, data.timeZone)}.{' '}
              <Link to="/certifications">Download it on the Certifications page</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {decision.allowed ? <AssessmentForm data={data} assessment={assessment} /> : null}
    </>
  );
}

function AssessmentForm({ data, assessment }: { data: CertificationsData; assessment: CertificationAssessment }) {
  const [answers, setAnswers] = useState<AttemptAnswers>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unanswered = useMemo(() => assessment.body.questions.filter((question) => (answers[question.id]?.length ?? 0) === 0), [answers, assessment]);

  function choose(questionId: string, optionId: string, kind: 'single' | 'multiple', checked: boolean) {
    setAnswers((current) => {
      const chosen = current[questionId] ?? [];
      const next = kind === 'single' ? [optionId] : checked ? [...chosen.filter((id) => id !== optionId), optionId] : chosen.filter((id) => id !== optionId);
      return { ...current, [questionId]: next };
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!data.db || !data.partnerId) return;
    if (unanswered.length > 0) {
      const numbers = unanswered.map((question) => assessment.body.questions.indexOf(question) + 1);
      setProblem(`Answer every question before submitting; question ${numbers.join(', ')} ${numbers.length === 1 ? 'has' : 'have'} no answer yet.`);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await submitAttempt(data.db, data.partnerId, assessment.id, answers);
    } catch (caught) {
      setProblem(`Your answers could not be saved on this device: ${errorMessage(caught)}`);
      setBusy(false);
    }
  }

  return (
    <form className="card assessment" aria-labelledby="assessment-questions" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="assessment-questions">Questions</h2>
      <p className="card__text">
        {assessment.body.questions.length} questions; you pass with {formatPercent(assessment.body.pass_mark)} right.
      </p>
      {assessment.body.questions.map((question, index) => (
        <fieldset key={question.id} className="assessment__question">
          <legend>
            {index + 1}. {question.prompt}
            {question.kind === 'multiple' && !/all that apply/i.test(question.prompt) ? <span className="assessment__hint"> (choose all that apply)</span> : null}
          </legend>
          {question.options.map((option) => (
            <label key={option.id} className="assessment__option">
              <input
                type={question.kind === 'single' ? 'radio' : 'checkbox'}
                name={`question-${question.id}`}
                value={option.id}
                checked={(answers[question.id] ?? []).includes(option.id)}
                onChange={(event) => choose(question.id, option.id, question.kind, event.currentTarget.checked)}
              />{' '}
              {option.text}
            </label>
          ))}
        </fieldset>
      ))}
      {problem ? (
        <p className="card__text" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        Submit answers
      </button>
    </form>
  );
}
