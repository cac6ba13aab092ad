/**
 * Partner onboarding rules: the steps and which one to resume at, the first-week checklist by
 * tier (each item opens a real screen), the stored checklist (JSON text of done item ids), and the
 * partner agreement — the latest published version and its text as paragraphs.
 */
import { z } from 'zod';
import { agreementBodySchema, type AgreementBody } from '../schema/catalog-bodies';
import type { Tier } from '../schema/fields';

export const ONBOARDING_STEPS = ['welcome', 'profile', 'agreement', 'payout', 'checklist', 'finish'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export const ONBOARDING_STEP_LABELS: Record<OnboardingStep, string> = {
  welcome: 'Welcome',
  profile: 'Profile',
  agreement: 'Partner agreement',
  payout: 'Payout setup',
  checklist: 'First-week checklist',
  finish: 'Finish',
};

export interface ChecklistItem {
  id: string;
  label: string;
  detail: string;
  /** An in-app route of the shared screen list. */
  route: string;
  linkLabel: string;
}

/** Left as a reminder when the partner chooses "Later" at payout setup. */
export const PAYOUT_REMINDER_ITEM: ChecklistItem = {
  id: 'payout-setup',
  label: 'Set up how you are paid',
  detail: 'Add your bank account or PayPal and your tax details so approved commissions can be paid.',
  route: '/commissions',
  linkLabel: 'Open Payment management',
};

/** Stored in the checklist when the partner chose "Later": the payout reminder item then shows. */
export const PAYOUT_LATER_MARK = 'payout-later';

const ITEMS_BY_TIER: Record<Tier, ChecklistItem[]> = {
  starter: [
    { id: 'basic-training', label: 'Start the basic training', detail: 'Sales Fundamentals explains how referrals, stages and commissions work.', route: '/training', linkLabel: 'Open Training' },
    { id: 'first-referral-guide', label: 'Follow the first referral guide', detail: 'Add your first lead with the company, contact and what they need.', route: '/leads', linkLabel: 'Open Leads' },
    { id: 'referral-link', label: 'Copy your referral link', detail: 'Share it so organisations you introduce are recorded as yours.', route: '/referrals', linkLabel: 'Open Referral links' },
  ],
  active: [
    { id: 'advanced-sales-training', label: 'Take the advanced sales training', detail: 'Objection handling and discovery calls for larger projects.', route: '/training', linkLabel: 'Open Training' },
    { id: 'first-proposal', label: 'Send a branded proposal', detail: 'Create a one-page introduction for a lead in the proposal builder.', route: '/proposals', linkLabel: 'Open Proposals' },
  ],
  performer: [
    { id: 'strategic-account-planning', label: 'Plan your strategic accounts', detail: 'Pick the accounts worth a multi-phase project and note the next step on each lead.', route: '/leads', linkLabel: 'Open Leads' },
  ],
  elite: [
    { id: 'white-label-resources', label: 'Review the white-label resources', detail: 'Decks and guides to resell SISO-built software under your own brand.', route: '/marketing-center', linkLabel: 'Open the Marketing center' },
  ],
};

/** The first-week items for a tier: its own items after the Starter basics (every partner starts there). */
export function checklistForTier(tier: Tier | null, done: readonly string[] = []): ChecklistItem[] {
  const own = tier && tier !== 'starter' ? ITEMS_BY_TIER[tier] : [];
  const items = [...ITEMS_BY_TIER.starter, ...own];
  return done.includes(PAYOUT_LATER_MARK) ? [...items, PAYOUT_REMINDER_ITEM] : items;
}

/** A short description of the programme at the partner's tier, for the welcome step. */
export function programmeSummary(tier: Tier | null): string {
  switch (tier) {
    case 'active':
      return 'As an Active partner you earn 22% on every referred project SISO wins, with pipeline tracking and advanced sales training.';
    case 'performer':
      return 'As a Performer partner you earn 25% on every referred project SISO wins, with analytics, automated follow-ups and strategic account planning.';
    case 'elite':
      return 'As an Elite partner you earn 30% on every referred project SISO wins, with white-label resources, coaching and priority support.';
    default:
      return 'As a Starter partner you earn 20% on every referred project SISO wins. Refer more and complete training to move up to Active, Performer and Elite.';
  }
}

const checklistSchema = z.array(z.string().min(1).max(64)).max(100);

/** The done item ids from profiles.onboarding_checklist; anything unreadable counts as nothing done. */
export function parseChecklist(raw: string | null | undefined): string[] {
  if (!raw) return [];
  try {
    const parsed = checklistSchema.safeParse(JSON.parse(raw));
    return parsed.success ? [...new Set(parsed.data)] : [];
  } catch {
    return [];
  }
}

export function toggleChecklistItem(done: readonly string[], id: string, checked: boolean): string[] {
  const rest = done.filter((item) => item !== id);
  return checked ? [...rest, id] : rest;
}

export interface PublishedAgreement extends AgreementBody {
  id: string;
  title: string;
}

/** The highest published version among catalog rows of kind 'agreement'; rows that don't parse are skipped. */
export function latestAgreement(rows: readonly { id: string; title: string; body: unknown; published?: boolean }[]): PublishedAgreement | null {
  let latest: PublishedAgreement | null = null;
  for (const row of rows) {
    if (row.published === false) continue;
    const parsed = agreementBodySchema.safeParse(typeof row.body === 'string' ? safeJson(row.body) : row.body);
    if (!parsed.success) continue;
    if (!latest || parsed.data.version > latest.version) latest = { ...parsed.data, id: row.id, title: row.title };
  }
  return latest;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Plain-text paragraphs (split on blank lines), never markup. */
export function agreementParagraphs(text: string): string[] {
  return text.split(/\r?\n\s*\r?\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
}

export interface OnboardingProgress {
  /** profiles.onboarding_step: the index of the furthest step the partner moved past. */
  stepReached: number;
  agreementCurrent: boolean;
  completed: boolean;
}

/** Whether each step is done; the agreement counts only when the latest version is accepted. */
export function stepDone(step: OnboardingStep, progress: OnboardingProgress): boolean {
  if (step === 'agreement') return progress.agreementCurrent;
  if (step === 'finish') return progress.completed;
  return progress.stepReached > ONBOARDING_STEPS.indexOf(step);
}

/** Where to resume: the first step not done (Finish once everything is). */
export function resumeStep(progress: OnboardingProgress): OnboardingStep {
  return ONBOARDING_STEPS.find((step) => !stepDone(step, progress)) ?? 'finish';
}

/** Accepted version below the latest published one (or none accepted while one exists). */
export function agreementOutdated(acceptedVersion: number | null | undefined, latest: PublishedAgreement | null): boolean {
  return latest !== null && (acceptedVersion ?? 0) < latest.version;
}
