/**
 * Everything the certification screens read, live from the local store: courses and their
 * assessments (catalog rows), the partner's attempts and certificates, the attempts the server
 * refused, and the profile's name and time zone. Works offline; graded attempts and certificates
 * arrive when replication pulls them.
 */
import { useMemo } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { useQuery } from '../../data/use-query';
import { useCatalog } from '../../data/workstation-hooks';
import { useOpenWorkspace } from '../../session';
import { useRefusedWrites } from '../../session/sync/use-refused-writes';
import { useNow } from '../../ui/use-now';
import { systemTimeZone } from '../../ui/format';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';
import type { TrackCourse } from '../../../sync/domain/certifications';
import { assessmentBodySchema, courseBodySchema, type AssessmentBody } from '../../../sync/schema/catalog-bodies';
import type { TrainingProgressDoc } from '../../../sync/schema/training-progress.schema';

export interface CertificationAssessment {
  id: string;
  title: string;
  body: AssessmentBody;
}

export function useCertificationsData() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const courseRows = useCatalog('course');
  const assessmentRows = useCatalog('assessment');
  const progress = useQuery('training_progress', { sort: [{ created_at: 'desc' }] });
  const profiles = useQuery('profiles', { limit: 1 });
  const now = useNow(30_000);
  const refused = useRefusedWrites('training_progress');

  const courses = useMemo<TrackCourse[]>(
    () =>
      courseRows.data.flatMap((row) => {
        const body = courseBodySchema.safeParse(row.body);
        return body.success ? [{ id: row.id, title: row.title, track: body.data.track ?? row.title, tierRequired: row.tier_required }] : [];
      }),
    [courseRows.data],
  );
  const assessments = useMemo<CertificationAssessment[]>(
    () =>
      assessmentRows.data.flatMap((row) => {
        const body = assessmentBodySchema.safeParse(row.body);
        return body.success ? [{ id: row.id, title: row.title, body: body.data }] : [];
      }),
    [assessmentRows.data],
  );
  const attempts = useMemo<TrainingProgressDoc[]>(() => progress.data.filter((row) => row.kind === 'attempt'), [progress.data]);
  const certificates = useMemo<TrainingProgressDoc[]>(() => progress.data.filter((row) => row.kind === 'certificate'), [progress.data]);
  /** Attempt id → the server's refusal (e.g. a retake before the cool-down ended), while the attempt is still on this device. */
  const refusedAttempts = useMemo(
    () => new Map(attempts.flatMap((attempt) => {
      const problem = refused.byDocId.get(attempt.id);
      return problem ? [[attempt.id, problem] as const] : [];
    })),
    [attempts, refused.byDocId],
  );
  const profile = profiles.data[0] ?? null;

  const sources = [courseRows, assessmentRows, progress, profiles];
  return {
    db,
    partnerId: workspace?.partnerId ?? null,
    loading: sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    courses,
    assessments,
    attempts,
    certificates,
    refusedAttempts,
    discardRefused: refused.discard,
    partnerName: profile?.display_name ?? null,
    timeZone: resolveTimeZone(profile?.timezone, systemTimeZone()),
    now,
  };
}

export type CertificationsData = ReturnType<typeof useCertificationsData>;
