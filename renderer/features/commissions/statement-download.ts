/**
 * Makes the monthly commission statement or the annual tax summary from the local rows and saves
 * it through the platform. Runs on the main thread: a warm render of a 1,000-line month is well
 * under 150 ms (tests/bench/statements.bench.ts); pdf-lib and the fonts load on the first download
 * only, and the parsed fonts are kept for the next one.
 */
import { describePayoutMethod, readMaskedPayoutMethod, readMaskedTaxDetails } from '../../../sync/domain/payouts';
import { statementFileName, type StatementEarning, type StatementPayout, type StatementPeriod } from '../../../sync/domain/statements/statement-maths';
import type { ProfileDoc } from '../../../sync/schema/profiles.schema';
import type { Platform, SaveFileResult } from '../../platform';
import { loadPdfFonts } from '../../platform/pdf-fonts';

/** What a statement is made from; the Commission center's data (useCommissionsData) has all of it. */
export interface StatementSource {
  earnings: readonly StatementEarning[];
  payouts: readonly StatementPayout[];
  profile: Pick<ProfileDoc, 'display_name' | 'company' | 'email' | 'currency' | 'payout_details' | 'tax_details'> | null;
  /** The currency shown first (the profile's, or the app's default before the profile syncs). */
  homeCurrency: string;
  /** The app's clock: the statement's issue date. */
  now: Date;
}

export { statementFileName, type StatementPeriod };

/** The statement's PDF bytes, without saving them. */
export async function makeCommissionStatement(source: StatementSource, period: StatementPeriod): Promise<Uint8Array> {
  const [{ renderCommissionStatement }, fontBytes] = await Promise.all([import('../../../sync/domain/statements'), loadPdfFonts('statement')]);
  const { profile } = source;
  if (!profile) throw new Error('Your profile has not synced to this device yet, so the statement has no name to go on. Sync once, then try again.');
  const tax = readMaskedTaxDetails(profile.tax_details);
  const method = readMaskedPayoutMethod(profile.payout_details);
  return renderCommissionStatement(period, {
    earnings: source.earnings,
    payouts: source.payouts,
    partner: {
      name: profile.display_name,
      company: profile.company,
      email: profile.email,
      country: tax?.country ?? (method?.kind === 'bank' ? method.country : null),
      taxSummary: tax ? `${tax.legal_name} · ${tax.country} · tax ID ••••${tax.tax_id_last4}` : null,
      payoutMethod: method ? describePayoutMethod(method) : null,
    },
    currency: source.homeCurrency,
    fonts: fontBytes,
    now: source.now,
  });
}

/**
 * Makes the statement for `period` and offers to save it (`saved: false` when the person cancels).
 * Rejects with a sentence saying what went wrong (fonts not loaded, no profile yet, a character
 * the fonts lack); show it with errorMessage().
 */
export async function downloadCommissionStatement(platform: Pick<Platform, 'saveFile'>, source: StatementSource, period: StatementPeriod): Promise<SaveFileResult> {
  const data = await makeCommissionStatement(source, period);
  return platform.saveFile({ suggestedName: statementFileName(period), mimeType: 'application/pdf', data });
}
