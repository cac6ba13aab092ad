/** The Commission center's public surface: the page the route table loads. */
export { CommissionCenterPage } from './CommissionCenterPage';
