/** The Analytics page's public surface: the page the route table loads. */
export { AnalyticsPage } from './AnalyticsPage';
