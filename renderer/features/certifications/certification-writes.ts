/**
 * Every write the certification screens make: an assessment attempt into the local store (queued
 * offline, pushed by replication; the server grades it and may refuse a too-early retake, which
 * lands in Sync problems and can be discarded here), the certificate PDF made on this device and saved through the platform,
 * and the LinkedIn add-certification form opened in the system browser.
 */
import { certificateFileName, linkedInAddCertificationUrl } from '../../../sync/domain/certifications';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { encodeAttemptAnswers, trainingProgressSchema, type AttemptAnswers, type TrainingProgressDoc } from '../../../sync/schema/training-progress.schema';
import type { Platform, SaveFileResult } from '../../platform';
import { loadPdfFonts } from '../../platform/pdf-fonts';

/** Adds the partner's answers as a submitted attempt; course_id is the assessment's catalog id. */
export async function submitAttempt(db: WorkstationDatabase, partnerId: string, assessmentId: string, answers: AttemptAnswers): Promise<TrainingProgressDoc> {
  const now = new Date().toISOString();
  const attempt = trainingProgressSchema.parse({
    id: crypto.randomUUID(),
    partner_id: partnerId,
    created_at: now,
    updated_at: now,
    kind: 'attempt',
    course_id: assessmentId,
    module_index: 0,
    answers: encodeAttemptAnswers(answers),
    status: 'submitted',
    completed_at: now,
  });
  await db.training_progress.insert(attempt);
  return attempt;
}

/**
 * Drops an attempt the server refused from this device (the refusal's discard removes the local
 * row and keeps it from being pushed again); the partner's earlier results stay as SISO recorded them.
 */
export async function discardRefusedAttempt(discard: (problemId: string) => Promise<void>, problemId: string): Promise<void> {
  await discard(problemId);
}

export interface CertificateSource {
  partnerName: string | null;
  courseTitle: string | null;
  certificate: Pick<TrainingProgressDoc, 'track' | 'issued_at' | 'expires_at' | 'verification_code'>;
}

/**
 * Makes the certificate PDF on this device and offers to save it (`saved: false` when the person
 * cancels). Rejects with a sentence saying what went wrong; show it with errorMessage().
 */
export async function downloadCertificate(platform: Pick<Platform, 'saveFile'>, source: CertificateSource): Promise<SaveFileResult> {
  const { certificate } = source;
  if (!certificate.verification_code || !certificate.issued_at) throw new Error('This certificate has not been verified by SISO yet. Sync once, then try again.');
  if (!source.partnerName) throw new Error('Your profile has not synced to this device yet, so the certificate has no name to show. Sync once, then try again.');
  const [{ renderCertificate }, fontBytes] = await Promise.all([import('../../../sync/domain/certificates'), loadPdfFonts('certificate')]);
  const track = certificate.track ?? source.courseTitle ?? 'SISO';
  const data = await renderCertificate({
    partnerName: source.partnerName,
    track,
    courseTitle: source.courseTitle,
    issuedAt: certificate.issued_at,
    expiresAt: certificate.expires_at ?? null,
    verificationCode: certificate.verification_code,
    fonts: fontBytes,
  });
  return platform.saveFile({ suggestedName: certificateFileName(track, certificate.verification_code), mimeType: 'application/pdf', data });
}

/** Opens LinkedIn's add-certification form, filled in, in the system browser. */
export async function addCertificateToLinkedIn(platform: Pick<Platform, 'openExternal'>, certificate: { track: string; issuedAt: string; verificationCode: string }) {
  return platform.openExternal(linkedInAddCertificationUrl({ name: `SISO ${certificate.track} certification`, issuedAt: certificate.issuedAt, verificationCode: certificate.verificationCode }));
}
