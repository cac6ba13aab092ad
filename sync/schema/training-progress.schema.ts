import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  idProperty,
  isoTimestamp,
  nullableNumberProperty,
  nullableTimestampProperty,
  partnerRowProperties,
  partnerRowShape,
  recordId,
} from './fields';

/** One row per module the partner has started or finished; course_id is a catalog row of kind course. */
export const trainingProgressSchema = z.object({
  ...partnerRowShape,
  course_id: recordId,
  module_index: z.int().min(0),
  completed_at: isoTimestamp.nullish(),
  score: z.number().nullish(),
});
export type TrainingProgressDoc = z.infer<typeof trainingProgressSchema>;

export const trainingProgressRxSchema: RxJsonSchema<TrainingProgressDoc> = {
  title: 'training_progress',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    course_id: idProperty,
    module_index: { type: 'integer', minimum: 0 },
    completed_at: nullableTimestampProperty,
    score: nullableNumberProperty,
  },
  required: [...PARTNER_ROW_REQUIRED, 'course_id', 'module_index'],
  indexes: ['course_id'],
};
