/** Certification rules on the partner's side: retake cooldowns, certificate expiry and renewal notices, tracks by tier, the LinkedIn add link. */
import type { Tier } from '../schema/fields';

export const RENEWAL_NOTICE_DAYS = 30;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface AttemptLike {
  status?: string | null;
  created_at: string;
  completed_at?: string | null;
}

/**
 * Whether the partner may take the assessment (again). The server refuses an attempt within
 * cooldown_hours of the latest failed one, so the UI blocks it too. The UI also holds back while an
 * attempt waits to be graded (a second one would race it) and after a pass, unless the certificate
 * is being renewed.
 */
export type RetakeDecision = { allowed: true } | { allowed: false; reason: 'pending' | 'passed' } | { allowed: false; reason: 'cooldown'; retakeAt: Date };

export function retakeDecision(attempts: readonly AttemptLike[], cooldownHours: number, now: Date, renewing = false): RetakeDecision {
  if (!renewing && attempts.some((attempt) => attempt.status === 'passed')) return { allowed: false, reason: 'passed' };
  if (attempts.some((attempt) => attempt.status === 'submitted')) return { allowed: false, reason: 'pending' };
  const lastFailed = attempts
    .filter((attempt) => attempt.status === 'failed')
    .map((attempt) => Date.parse(attempt.completed_at ?? attempt.created_at))
    .filter((time) => Number.isFinite(time))
    .reduce((latest, time) => Math.max(latest, time), Number.NEGATIVE_INFINITY);
  if (lastFailed === Number.NEGATIVE_INFINITY) return { allowed: true };
  const retakeAt = new Date(lastFailed + cooldownHours * HOUR_MS);
  return retakeAt.getTime() > now.getTime() ? { allowed: false, reason: 'cooldown', retakeAt } : { allowed: true };
}

export type CertificateStanding = { state: 'valid'; daysLeft: number } | { state: 'renew-soon'; daysLeft: number } | { state: 'expired' } | { state: 'no-expiry' };

/** Whether a certificate is valid, due for renewal within RENEWAL_NOTICE_DAYS, or expired. */
export function certificateStanding(expiresAt: string | null | undefined, now: Date): CertificateStanding {
  if (!expiresAt) return { state: 'no-expiry' };
  const remaining = Date.parse(expiresAt) - now.getTime();
  if (!Number.isFinite(remaining)) return { state: 'no-expiry' };
  if (remaining <= 0) return { state: 'expired' };
  const daysLeft = Math.ceil(remaining / DAY_MS);
  return daysLeft <= RENEWAL_NOTICE_DAYS ? { state: 'renew-soon', daysLeft } : { state: 'valid', daysLeft };
}

/** The certification levels from issue 14, in order; each course's track falls into one. */
export const CERTIFICATION_LEVELS = [
  { id: 'basic', title: 'Basic sales certification' },
  { id: 'advanced', title: 'Advanced sales and marketing certification' },
  { id: 'specialist', title: 'Technical and industry specialisations' },
  { id: 'master', title: 'Master trainer' },
] as const;
export type CertificationLevelId = (typeof CERTIFICATION_LEVELS)[number]['id'];

const LEVEL_BY_TIER: Record<Tier, CertificationLevelId> = { starter: 'basic', active: 'advanced', performer: 'specialist', elite: 'master' };

export interface TrackCourse {
  id: string;
  title: string;
  track: string;
  tierRequired: Tier | null;
}

export interface CertificationLevel {
  id: CertificationLevelId;
  title: string;
  courses: TrackCourse[];
}

/** Groups the catalog's courses into the certification levels by the tier each course requires. */
export function tracksByLevel(courses: readonly TrackCourse[]): CertificationLevel[] {
  return CERTIFICATION_LEVELS.map((level) => ({
    ...level,
    courses: courses.filter((course) => LEVEL_BY_TIER[course.tierRequired ?? 'starter'] === level.id),
  }));
}

export const VERIFY_BASE_URL = 'https://siso.agency/verify/';

export function verificationUrl(code: string): string {
  return `${VERIFY_BASE_URL}${encodeURIComponent(code)}`;
}

export interface LinkedInCertificate {
  name: string;
  issuedAt: string;
  verificationCode: string;
}

/** LinkedIn's "add licence or certification" form, filled in; opened in the system browser. */
export function linkedInAddCertificationUrl(certificate: LinkedInCertificate): string {
  const issued = new Date(certificate.issuedAt);
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: certificate.name,
    organizationName: 'SISO',
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    certId: certificate.verificationCode,
    certUrl: verificationUrl(certificate.verificationCode),
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

export function certificateFileName(track: string, code: string): string {
  const slug = track.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'certificate';
  return `siso-${slug}-certificate-${code}.pdf`;
}
