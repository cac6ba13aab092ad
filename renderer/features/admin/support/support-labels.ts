/** Words the admin's Support tab shows for ticket values. */
import type { TicketCategory, TicketPriority, TicketStatus } from '../../../../sync/schema/tickets.schema';

/** Staff see "Waiting on partner" where the partner reads "Waiting on you": the same status. */
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Open',
  waiting: 'Waiting on partner',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

export const TICKET_CATEGORY_LABELS: Partial<Record<string, string>> & Record<TicketCategory, string> = {
  technical: 'Technical',
  billing: 'Billing',
  training: 'Training',
  account: 'Account',
  other: 'Other',
};
