/** The leads feature's public surface: the screens routes mount. */
export { LeadsPage } from './LeadsPage';
export { LeadDetailPage } from './LeadDetailPage';
