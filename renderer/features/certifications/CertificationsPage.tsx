/**
 * Certifications (/certifications): the partner's certificates with expiry and renewal notices,
 * download as PDF and "Add to LinkedIn", attempts SISO refused (with the reason, to discard), the
 * assessment history, and the certification tracks by level. All from the local store, so it works
 * offline; certificates come from SISO via sync.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { certificateStanding, tracksByLevel } from '../../../sync/domain/certifications';
import type { TrainingProgressDoc } from '../../../sync/schema/training-progress.schema';
import { usePlatform } from '../../platform';
import { prepareCertificatePdf } from '../../platform/pdf-fonts';
import { PageHeader } from '../../ui/PageHeader';
import { errorMessage } from '../../ui/error-message';
import { formatDate, formatPercent, plural } from '../../ui/format';
import { addCertificateToLinkedIn, downloadCertificate } from './certification-writes';
import { RefusedAttempt } from './RefusedAttempt';
import { useCertificationsData, type CertificationsData } from './use-certifications-data';
import './certifications.css';

export function CertificationsPage() {
  const data = useCertificationsData();
  // A first certificate render in a fresh page costs several warm ones: do it while the partner reads.
  const hasCertificate = data.certificates.length > 0;
  useEffect(() => {
    if (hasCertificate) prepareCertificatePdf();
  }, [hasCertificate]);
  return (
    <>
      <title>Certifications · SISO Partner Workstation</title>
      <PageHeader title="Certifications" description="Certificates SISO issued when you passed an assessment, and the tracks you can certify in." />
      <CertificationsBody data={data} />
    </>
  );
}

const STATUS_WORDS: Record<string, string> = { submitted: 'Waiting for SISO to check', passed: 'Passed', failed: 'Not passed' };

function CertificationsBody({ data }: { data: CertificationsData }) {
  const courseTitles = useMemo(() => new Map(data.courses.map((course) => [course.id, course.title])), [data.courses]);
  const assessmentTitles = useMemo(() => new Map(data.assessments.map((assessment) => [assessment.id, assessment.title])), [data.assessments]);
  const levels = useMemo(() => tracksByLevel(data.courses), [data.courses]);

  if (!data.db || !data.partnerId) return <p className="card card__text">No workspace is open on this device. Open one to see your certifications.</p>;
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        Your certifications could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading) return <p className="card__text">Loading your certifications…</p>;

  return (
    <div className="certifications">
      <section className="card" aria-labelledby="certificates-heading">
        <h2 id="certificates-heading">Your certificates</h2>
        {data.certificates.length === 0 ? (
          <p className="card__text">
            No certificates yet. Pass a course’s assessment and SISO issues one; it appears here after the next sync. <Link to="/training">Go to Training</Link>
          </p>
        ) : (
          <ul className="certifications__list">
            {data.certificates.map((certificate) => (
              <CertificateItem key={certificate.id} data={data} certificate={certificate} courseTitle={courseTitles.get(certificate.course_id) ?? null} />
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="tracks-heading">
        <h2 id="tracks-heading">Certification tracks</h2>
        {levels.map((level) => (
          <div key={level.id} className="certifications__level">
            <h3>{level.title}</h3>
            {level.courses.length === 0 ? (
              <p className="card__text">No courses for this level have reached this device yet.</p>
            ) : (
              <ul>
                {level.courses.map((course) => {
                  const assessment = data.assessments.find((candidate) => candidate.body.course_id === course.id);
                  const earned = data.certificates.some((certificate) => certificate.course_id === course.id);
                  return (
                    <li key={course.id}>
                      {course.track} — {course.title}:{' '}
                      {earned ? 'certified' : assessment ? <Link to={`/training/assessments/${assessment.id}`}>{`Take the ${course.title} assessment`}</Link> : 'locked for your tier'}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        ))}
      </section>

      {data.refusedAttempts.size > 0 ? (
        <section className="card" aria-labelledby="refused-attempts-heading">
          <h2 id="refused-attempts-heading">Attempts SISO did not accept</h2>
          {[...data.refusedAttempts].map(([attemptId, problem]) => {
            const attempt = data.attempts.find((candidate) => candidate.id === attemptId);
            const title = (attempt && assessmentTitles.get(attempt.course_id)) ?? 'assessment';
            return <RefusedAttempt key={attemptId} problem={problem} title={title} discard={data.discardRefused} />;
          })}
        </section>
      ) : null}

      <section className="card" aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">Assessment history</h2>
        {data.attempts.length === 0 ? (
          <p className="card__text">You have not taken an assessment yet.</p>
        ) : (
          <table className="certifications__table" aria-labelledby="attempts-heading">
            <thead>
              <tr>
                <th scope="col">Assessment</th>
                <th scope="col">Taken</th>
                <th scope="col">Result</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {data.attempts.map((attempt) => (
                <tr key={attempt.id}>
                  <td>{assessmentTitles.get(attempt.course_id) ?? 'An assessment no longer on this device'}</td>
                  <td>{formatDate(attempt.completed_at ?? attempt.created_at, data.timeZone)}</td>
                  <td>{data.refusedAttempts.has(attempt.id) ? 'Not accepted by SISO' : STATUS_WORDS[attempt.status ?? 'submitted'] ?? attempt.status}</td>
                  <td>{attempt.status === 'submitted' || attempt.score == null ? '—' : formatPercent(attempt.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function CertificateItem({ data, certificate, courseTitle }: { data: CertificationsData; certificate: TrainingProgressDoc; courseTitle: string | null }) {
  const platform = usePlatform();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const track = certificate.track ?? courseTitle ?? 'SISO';
  const standing = certificateStanding(certificate.expires_at, data.now);
  const code = certificate.verification_code;
  const issuedAt = certificate.issued_at ?? certificate.created_at;
  const assessment = data.assessments.find((candidate) => candidate.body.course_id === certificate.course_id) ?? null;

  async function download() {
    setBusy(true);
    setNotice(null);
    try {
      const result = await downloadCertificate(platform, { partnerName: data.partnerName, courseTitle, certificate });
      setNotice(result.saved ? 'Certificate PDF saved.' : 'Saving was cancelled; nothing was saved.');
    } catch (caught) {
      setNotice(`The certificate PDF could not be made: ${errorMessage(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  async function addToLinkedIn() {
    if (!code) return;
    const result = await addCertificateToLinkedIn(platform, { track, issuedAt, verificationCode: code });
    setNotice(result.opened ? 'LinkedIn opened in your browser; check the details and save them there.' : `LinkedIn could not be opened: ${result.reason}`);
  }

  return (
    <li className="certifications__item">
      <h3>{track} certification</h3>
      <dl className="certifications__facts">
        {courseTitle ? (
          <div>
            <dt>Course</dt>
            <dd>{courseTitle}</dd>
          </div>
        ) : null}
        <div>
          <dt>Issued</dt>
          <dd>{formatDate(issuedAt, data.timeZone)}</dd>
        </div>
        <div>
          <dt>Valid until</dt>
          <dd>{certificate.expires_at ? formatDate(certificate.expires_at, data.timeZone) : 'No expiry'}</dd>
        </div>
        <div>
          <dt>Verification code</dt>
          <dd>{code ?? 'Not verified yet'}</dd>
        </div>
      </dl>
      {standing.state === 'renew-soon' ? (
        <p className="certifications__notice" role="status">
          Renew soon: this certificate expires in {plural(standing.daysLeft, 'day')}.{' '}
          {assessment ? <Link to={`/training/assessments/${assessment.id}`}>Retake the assessment to renew it</Link> : 'Retake the course’s assessment to renew it.'}
        </p>
      ) : standing.state === 'expired' ? (
        <p className="certifications__notice" role="status">
          This certificate has expired.{' '}
          {assessment ? <Link to={`/training/assessments/${assessment.id}`}>Retake the assessment to earn a new one</Link> : 'Retake the course’s assessment to earn a new one.'}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void download()} disabled={busy || !code} aria-label={`Download ${track} certificate PDF`}>
          Download PDF
        </button>
        <button type="button" className="button" onClick={() => void addToLinkedIn()} disabled={!code} aria-label={`Add ${track} certificate to LinkedIn`}>
          Add to LinkedIn
        </button>
      </div>
      {notice ? (
        <p className="card__text" role="status">
          {notice}
        </p>
      ) : null}
    </li>
  );
}
