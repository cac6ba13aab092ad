/**
 * How partners reach onboarding without looking for it: the dashboard sends a partner who has not
 * finished onboarding to /onboarding once per session, and every screen shows a notice while the
 * accepted partner agreement is older than the latest published one.
 */
import { Link, Navigate, useLocation } from 'react-router-dom';
import { agreementOutdated } from '../../../sync/domain/onboarding';
import { useOnboardingData } from './use-onboarding-data';
import './onboarding.css';

/** Partners already sent to onboarding in this run of the app: after that, the dashboard is theirs. */
const sentThisSession = new Set<string>();

export function OnboardingRedirect() {
  const data = useOnboardingData();
  if (!data.isAccount || data.isAdmin || !data.partnerId || !data.profile || data.profile.onboarding_completed_at) return null;
  if (sentThisSession.has(data.partnerId)) return null;
  sentThisSession.add(data.partnerId);
  return <Navigate to="/onboarding" replace />;
}

export function AgreementNotice() {
  const data = useOnboardingData();
  const { pathname } = useLocation();
  if (!data.isAccount || data.isAdmin || !data.profile || pathname === '/onboarding') return null;
  if (!agreementOutdated(data.profile.agreement_version, data.agreement)) return null;
  const neverAccepted = !data.profile.agreement_version;
  return (
    <div className="agreement-notice" role="region" aria-label="Partner agreement">
      <p>
        {neverAccepted
          ? 'Accept the SISO partner agreement to complete your onboarding.'
          : 'SISO updated the partner agreement: review and accept it.'}{' '}
        <Link to="/onboarding">{neverAccepted ? 'Open onboarding' : 'Review the agreement'}</Link>
      </p>
    </div>
  );
}
