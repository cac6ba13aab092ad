/** What routes, the shell and the dashboard import from onboarding. */
export { OnboardingPage } from './OnboardingPage';
export { OnboardingChecklistCard } from './OnboardingChecklist';
export { OnboardingRedirect, AgreementNotice } from './OnboardingEntry';
