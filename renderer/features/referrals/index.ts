/** What routes import from the referral links feature. */
export { ReferralsPage } from './ReferralsPage';
