/** Where a proposal stands, as the sentence the history and the lead's page show. */
import type { ProposalHistory } from './version';

export const LEGACY_NOTE = 'Saved before proposal history — the file was not kept';

const mediumDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function proposalStatus(history: ProposalHistory): string {
  const { latest, signed } = history;
  if (signed) return `Signed by ${signed.signerName} on ${mediumDate.format(new Date(signed.signedAt))}`;
  if (latest.legacy) return LEGACY_NOTE;
  switch (latest.approvalStatus) {
    case 'pending':
      return `Waiting for SISO's approval of a ${latest.discountPercent}% discount`;
    case 'declined':
      return latest.decisionNote ? `Discount declined: ${latest.decisionNote}` : 'Discount declined';
    case 'approved':
      return 'Discount approved';
    default:
      return 'Ready to sign';
  }
}
