/** The timeline entry a saved proposal leaves on its lead, and the file name it is saved under. */
import { activitySchema, type ActivityDoc } from '../../schema/activities.schema';

export interface ProposalActivityInput {
  leadId: string;
  fileName: string;
  templateId: string;
  templateName: string;
  sha256: string;
}

/** "<lead company> proposal.pdf", without characters file systems reject. */
export function proposalFileName(leadCompany: string): string {
  const safe = [...leadCompany]
    .map((character) => ((character.codePointAt(0) ?? 0) < 0x20 || '\\/:*?"<>|'.includes(character) ? ' ' : character))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return `${safe || 'Client'} proposal.pdf`;
}

export function buildProposalActivity(input: ProposalActivityInput, context: { id: string; partnerId: string; now: Date }): ActivityDoc {
  const now = context.now.toISOString();
  return activitySchema.parse({
    id: context.id,
    partner_id: context.partnerId,
    created_at: now,
    updated_at: now,
    lead_id: input.leadId,
    kind: 'proposal_created',
    body: `${input.templateName} saved as ${input.fileName}`,
    occurred_at: now,
    meta: JSON.stringify({ file_name: input.fileName, template: input.templateId, sha256: input.sha256 }),
  });
}

/** The file name and template of a proposal_created activity's meta, when it has them. */
export function readProposalMeta(meta: string | null | undefined): { fileName: string; template: string; sha256: string | null } | null {
  if (!meta) return null;
  try {
    const value: unknown = JSON.parse(meta);
    if (value === null || typeof value !== 'object') return null;
    const record = value as Record<string, unknown>;
    if (typeof record.file_name !== 'string' || typeof record.template !== 'string') return null;
    return { fileName: record.file_name, template: record.template, sha256: typeof record.sha256 === 'string' ? record.sha256 : null };
  } catch {
    return null;
  }
}
