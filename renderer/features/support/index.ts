/** What routes and the shell import from the Support feature. */
export { SupportPage } from './SupportPage';
export { TicketPage } from './TicketPage';
export { SupportAttachmentUploads } from './attachment-uploader';
