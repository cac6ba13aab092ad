/** The certification screens' public surface: the pages the route table loads. */
export { AssessmentPage } from './AssessmentPage';
export { CertificationsPage } from './CertificationsPage';
