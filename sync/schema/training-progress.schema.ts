/** The training_progress collection: a partner's module progress, assessment attempts, certificates, registrations and bookings. */
import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  enumProperty,
  idProperty,
  isoTimestamp,
  nullableEnumProperty,
  nullableIdProperty,
  nullableNumberProperty,
  nullableStringProperty,
  nullableTimestampProperty,
  partnerRowProperties,
  partnerRowShape,
  recordId,
} from './fields';

export const TRAINING_PROGRESS_KINDS = ['module', 'attempt', 'certificate', 'registration', 'booking'] as const;
export type TrainingProgressKind = (typeof TRAINING_PROGRESS_KINDS)[number];
/** Attempts are stored as submitted by the partner; the server grades them into passed or failed. */
export const ATTEMPT_STATUSES = ['submitted', 'passed', 'failed'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** Question id → the option ids the partner chose. */
export const attemptAnswersSchema = z.record(z.string().min(1), z.array(z.string().min(1)));
export type AttemptAnswers = z.infer<typeof attemptAnswersSchema>;

/**
 * `answers` travels as JSON text, not an object: two-way rows hold scalars only, because the push
 * compares every field with eq/is. The server casts it to jsonb to grade.
 */
export const attemptAnswersText = z.string().refine((text) => {
  try {
    return attemptAnswersSchema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}, 'Answers must map each question id to the chosen option ids.');

export function encodeAttemptAnswers(answers: AttemptAnswers): string {
  return JSON.stringify(attemptAnswersSchema.parse(answers));
}

/** The answers of an attempt row, or null when it has none or they do not parse. */
export function decodeAttemptAnswers(text: string | null | undefined): AttemptAnswers | null {
  if (!text) return null;
  try {
    const parsed = attemptAnswersSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * course_id by kind: module → the course's catalog id; attempt → the assessment's catalog id;
 * certificate → the course's catalog id; registration/booking → the webinar's or slot's catalog id
 * (the same as ref_id). A certificate's ref_id is the attempt that earned it.
 */
export const trainingProgressSchema = z.object({
  ...partnerRowShape,
  kind: z.enum(TRAINING_PROGRESS_KINDS),
  course_id: recordId,
  module_index: z.int().min(0),
  module_id: recordId.nullish(),
  /** Where a video lesson was left, for resume. */
  position_seconds: z.number().min(0).nullish(),
  completed_at: isoTimestamp.nullish(),
  /** JSON text of AttemptAnswers (see encodeAttemptAnswers). */
  answers: attemptAnswersText.nullish(),
  status: z.enum(ATTEMPT_STATUSES).nullish(),
  /** Fraction of questions answered correctly, 0–1; server-written. */
  score: z.number().nullish(),
  track: z.string().nullish(),
  verification_code: z.string().nullish(),
  issued_at: isoTimestamp.nullish(),
  expires_at: isoTimestamp.nullish(),
  ref_id: recordId.nullish(),
});
export type TrainingProgressDoc = z.infer<typeof trainingProgressSchema>;

export const trainingProgressRxSchema: RxJsonSchema<TrainingProgressDoc> = {
  title: 'training_progress',
  // 1: kinds and their columns (migration training_hub).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    kind: enumProperty(TRAINING_PROGRESS_KINDS),
    course_id: idProperty,
    module_index: { type: 'integer', minimum: 0 },
    module_id: nullableIdProperty,
    position_seconds: { type: ['number', 'null'], minimum: 0 },
    completed_at: nullableTimestampProperty,
    answers: nullableStringProperty,
    status: nullableEnumProperty(ATTEMPT_STATUSES),
    score: nullableNumberProperty,
    track: nullableStringProperty,
    verification_code: nullableStringProperty,
    issued_at: nullableTimestampProperty,
    expires_at: nullableTimestampProperty,
    ref_id: nullableIdProperty,
  },
  required: [...PARTNER_ROW_REQUIRED, 'kind', 'course_id', 'module_index'],
  indexes: ['course_id'],
};
