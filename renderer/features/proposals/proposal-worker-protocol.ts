/** Messages between the proposals screens and proposal.worker.ts (structured-clone safe). */
import type { ProposalData, ProposalTemplate } from '../../../sync/domain/proposals';

export type ProposalWorkerRequest =
  | {
      kind: 'render';
      id: number;
      /** Parsed from the local catalog by the screen. */
      template: ProposalTemplate;
      data: ProposalData;
      /** ISO timestamp for `{today}` and the PDF's creation date. */
      now: string;
    }
  /** Try loading the fonts and brochure again after `load-failed` (a screen opened, maybe back online). */
  | { kind: 'load' };

export type ProposalWorkerResponse =
  /** The fonts and brochure are loaded: rendering no longer needs the network. */
  | { kind: 'ready' }
  | { kind: 'load-failed'; message: string }
  | { kind: 'result'; id: number; ok: true; pdf: Uint8Array }
  | { kind: 'result'; id: number; ok: false; message: string };
