/**
 * Everything the training screens read, live from the local store: courses, their modules and
 * assessments (catalog rows, so lessons work offline), the partner's module progress and tier.
 */
import { useMemo } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { useQuery } from '../../data/use-query';
import { useCatalog } from '../../data/workstation-hooks';
import { useOpenWorkspace } from '../../session';
import { useTierAccess } from '../../session/use-entitlement';
import {
  assessmentBodySchema,
  courseBodySchema,
  learningPathBodySchema,
  moduleBodySchema,
  type CourseBody,
  type LearningPathBody,
  type ModuleBody,
} from '../../../sync/schema/catalog-bodies';
import type { Tier } from '../../../sync/schema/fields';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';
import { useNow } from '../../ui/use-now';
import { systemTimeZone } from '../../ui/format';

export interface TrainingCourse {
  id: string;
  title: string;
  tierRequired: Tier;
  body: CourseBody;
}

export interface TrainingModule {
  id: string;
  body: ModuleBody;
}

export interface TrainingLearningPath {
  id: string;
  title: string;
  body: LearningPathBody;
}

export function useTrainingData() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const access = useTierAccess();
  const courseRows = useCatalog('course');
  const moduleRows = useCatalog('module');
  const assessmentRows = useCatalog('assessment');
  const pathRows = useCatalog('learning_path');
  const progress = useQuery('training_progress', { sort: [{ created_at: 'desc' }] });
  const profiles = useQuery('profiles', { limit: 1 });
  const now = useNow();

  const courses = useMemo<TrainingCourse[]>(
    () =>
      courseRows.data.flatMap((row) => {
        const body = courseBodySchema.safeParse(row.body);
        return body.success ? [{ id: row.id, title: row.title, tierRequired: row.tier_required, body: body.data }] : [];
      }),
    [courseRows.data],
  );
  const modules = useMemo<TrainingModule[]>(
    () =>
      moduleRows.data
        .flatMap((row) => {
          const body = moduleBodySchema.safeParse(row.body);
          return body.success ? [{ id: row.id, body: body.data }] : [];
        })
        .sort((a, b) => a.body.index - b.body.index),
    [moduleRows.data],
  );
  /** course id → its assessment's catalog id. */
  const assessmentByCourse = useMemo(() => {
    const map = new Map<string, string>();
    for (const row of assessmentRows.data) {
      const body = assessmentBodySchema.safeParse(row.body);
      if (body.success) map.set(body.data.course_id, row.id);
    }
    return map;
  }, [assessmentRows.data]);
  /** Featured paths in the catalog's order; a path whose body does not parse (a newer app wrote it) is left out. */
  const featuredPaths = useMemo<TrainingLearningPath[]>(
    () =>
      pathRows.data.flatMap((row) => {
        const body = learningPathBodySchema.safeParse(row.body);
        return body.success && body.data.featured ? [{ id: row.id, title: row.title, body: body.data }] : [];
      }),
    [pathRows.data],
  );
  const moduleProgress = useMemo(() => progress.data.filter((row) => row.kind === 'module'), [progress.data]);

  const sources = [courseRows, moduleRows, assessmentRows, pathRows, progress, profiles];
  return {
    db,
    partnerId: workspace?.partnerId ?? null,
    loading: sources.some((source) => source.loading) || access === null,
    error: sources.find((source) => source.error)?.error ?? null,
    tier: access?.tier ?? null,
    courses,
    modules,
    assessmentByCourse,
    featuredPaths,
    moduleProgress,
    timeZone: resolveTimeZone(profiles.data[0]?.timezone, systemTimeZone()),
    now,
  };
}

export type TrainingData = ReturnType<typeof useTrainingData>;
