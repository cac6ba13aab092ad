/**
 * What onboarding reads, live from the local store: the partner's profile (progress, checklist,
 * accepted agreement), their tier, the latest published partner agreement, and whether acceptance
 * (an RPC) can be sent now.
 */
import { useMemo } from 'react';
import { useQuery } from '../../data/use-query';
import { useCatalog, usePartnerStatus } from '../../data/workstation-hooks';
import { useOnlineStatus } from '../../platform/online-status';
import { useIsAdminSession, useOpenWorkspace } from '../../session';
import {
  agreementOutdated,
  checklistForTier,
  latestAgreement,
  parseChecklist,
  resumeStep,
  type OnboardingProgress,
} from '../../../sync/domain/onboarding';

export function useOnboardingData() {
  const workspace = useOpenWorkspace();
  const isAdmin = useIsAdminSession();
  const online = useOnlineStatus();
  const partnerId = workspace?.partnerId ?? null;
  const profileResult = useQuery('profiles', { selector: { id: partnerId ?? '' }, limit: 1 });
  const profile = profileResult.data[0] ?? null;
  const status = usePartnerStatus().data;
  const agreementRows = useCatalog('agreement').data;
  const agreement = useMemo(() => latestAgreement(agreementRows), [agreementRows]);
  const done = useMemo(() => parseChecklist(profile?.onboarding_checklist), [profile?.onboarding_checklist]);
  const tier = status?.tier ?? null;
  const checklist = useMemo(() => checklistForTier(tier, done), [tier, done]);
  const progress: OnboardingProgress = {
    stepReached: profile?.onboarding_step ?? 0,
    agreementCurrent: agreement === null ? true : !agreementOutdated(profile?.agreement_version, agreement),
    completed: Boolean(profile?.onboarding_completed_at),
  };
  const client = workspace?.sync?.client ?? null;
  const isAccount = workspace?.target.kind === 'account';
  let acceptBlocked: string | null = null;
  if (!isAccount) acceptBlocked = 'The demo workspace has no server, so the partner agreement cannot be accepted here. Sign in with your SISO account to accept it.';
  else if (!client) acceptBlocked = 'Sync has not started for this workspace, so the agreement cannot be sent to SISO yet. Restart the app and try again.';
  else if (!online) acceptBlocked = 'You are offline. Accepting the partner agreement is recorded by SISO’s server, so it needs a connection; carry on with the other steps and accept it when you are back online.';
  return {
    db: workspace?.db ?? null,
    partnerId,
    isAdmin,
    isAccount,
    client,
    profile,
    profileLoading: profileResult.loading,
    tier,
    agreement,
    done,
    checklist,
    checklistComplete: checklist.every((item) => done.includes(item.id)),
    progress,
    resumeAt: resumeStep(progress),
    acceptBlocked,
  };
}

export type OnboardingData = ReturnType<typeof useOnboardingData>;
