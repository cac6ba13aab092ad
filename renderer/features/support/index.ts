/** What routes import from the Support feature. */
export { SupportPage } from './SupportPage';
export { TicketPage } from './TicketPage';
