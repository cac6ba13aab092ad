/**
 * Every write onboarding makes. Progress, profile details and the checklist go to the partner's
 * profile in the local store (saved offline, pushed by replication); accepting the partner
 * agreement is the server's accept_agreement RPC, online only, with the sha256 of the exact text
 * the app showed.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { ONBOARDING_STEPS, type OnboardingStep, type PublishedAgreement } from '../../../sync/domain/onboarding';
import { sha256Hex } from '../../platform/sha256';

const NO_PROFILE = 'Your profile has not reached this device yet. Connect and let sync finish, then try again.';

async function profileOf(db: WorkstationDatabase, partnerId: string) {
  const profile = await db.profiles.findOne(partnerId).exec();
  if (!profile) throw new Error(NO_PROFILE);
  return profile;
}

/** Records that the partner moved past `step` (the furthest step is kept, so going back loses nothing). */
export async function markStepPassed(db: WorkstationDatabase, partnerId: string, step: OnboardingStep, now = new Date()): Promise<void> {
  const profile = await profileOf(db, partnerId);
  const reached = ONBOARDING_STEPS.indexOf(step) + 1;
  if (profile.onboarding_step >= reached) return;
  await profile.incrementalPatch({ onboarding_step: reached, updated_at: now.toISOString() });
}

export const onboardingProfileSchema = z.object({
  display_name: z.string().trim().min(1, 'Enter your name as clients should see it.').max(120, 'Use at most 120 characters.'),
  company: z.string().trim().max(120, 'Use at most 120 characters.'),
  country: z.string().trim().max(80, 'Use at most 80 characters.'),
  timezone: z.string().trim().min(1, 'Choose your time zone.'),
  phone: z
    .string()
    .trim()
    .max(40, 'Use at most 40 characters.')
    .refine((value) => value === '' || /^\+?[0-9 ()-]{6,}$/.test(value), 'Enter a phone number with digits, spaces and an optional leading +, such as +44 20 7946 0100.'),
});
export type OnboardingProfileValues = z.infer<typeof onboardingProfileSchema>;

export async function saveOnboardingProfile(db: WorkstationDatabase, partnerId: string, values: OnboardingProfileValues, now = new Date()): Promise<void> {
  const parsed = onboardingProfileSchema.parse(values);
  const profile = await profileOf(db, partnerId);
  await profile.incrementalPatch({
    display_name: parsed.display_name,
    company: parsed.company || null,
    country: parsed.country || null,
    timezone: parsed.timezone,
    phone: parsed.phone || null,
    onboarding_step: Math.max(profile.onboarding_step, ONBOARDING_STEPS.indexOf('profile') + 1),
    updated_at: now.toISOString(),
  });
}

/** Replaces the done checklist item ids (profiles.onboarding_checklist, JSON text). */
export async function saveChecklist(db: WorkstationDatabase, partnerId: string, done: readonly string[], now = new Date()): Promise<void> {
  const profile = await profileOf(db, partnerId);
  await profile.incrementalPatch({ onboarding_checklist: JSON.stringify([...new Set(done)]), updated_at: now.toISOString() });
}

export async function finishOnboarding(db: WorkstationDatabase, partnerId: string, now = new Date()): Promise<void> {
  const profile = await profileOf(db, partnerId);
  await profile.incrementalPatch({
    onboarding_completed_at: profile.onboarding_completed_at ?? now.toISOString(),
    onboarding_step: ONBOARDING_STEPS.length,
    updated_at: now.toISOString(),
  });
}

export class AgreementAcceptError extends Error {}

const acceptedProfile = z.object({ agreement_version: z.int().min(1), agreement_accepted_at: z.string() });

/**
 * Sends the acceptance of `agreement` with the sha256 of the text shown; resolves with the version
 * and time the server recorded. Sync brings the same values to the profile afterwards.
 */
export async function acceptAgreement(client: SupabaseClient, agreement: PublishedAgreement): Promise<{ version: number; acceptedAt: string }> {
  const textSha256 = await sha256Hex(new TextEncoder().encode(agreement.text));
  const { data, error } = await client.rpc('accept_agreement', { agreement_id: agreement.id, text_sha256: textSha256 });
  if (error) {
    const message = error.message.trim();
    if (/fetch|network|NetworkError/i.test(message)) {
      throw new AgreementAcceptError('Could not accept the agreement: the server could not be reached. Check your connection and try again.');
    }
    // accept_agreement raises sentences written for partners (a newer version, a changed text).
    throw new AgreementAcceptError(`Could not accept the agreement: ${message.endsWith('.') ? message : `${message}.`}`);
  }
  const parsed = acceptedProfile.safeParse(data);
  if (!parsed.success) {
    throw new AgreementAcceptError('SISO recorded an answer this app could not read, so the acceptance cannot be confirmed here. It shows on this screen once sync brings your profile.');
  }
  return { version: parsed.data.agreement_version, acceptedAt: parsed.data.agreement_accepted_at };
}
