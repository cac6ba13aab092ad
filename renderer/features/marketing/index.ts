/** What routes import from the marketing center. */
export { MarketingCenterPage } from './MarketingCenterPage';
export { BrandGuidelinesPage } from './BrandGuidelinesPage';
