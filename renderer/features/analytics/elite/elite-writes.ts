/**
 * Every write the Elite dashboard makes: the saved layout on the local profile (replication pushes
 * it to the partner's other devices) and the executive report PDF saved through the platform.
 */
import type { Platform, SaveFileResult } from '../../../platform';
import { loadPdfFonts } from '../../../platform/pdf-fonts';
import { formatMoney } from '../../../ui/format';
import { serializeDashboardLayout, type DashboardKpi, type DashboardLayout } from '../../../../sync/domain/analytics-layout';
import type { ExecutiveFigures, ExecutiveReportPartner } from '../../../../sync/domain/analytics-report';
import type { WorkstationDatabase } from '../../../../sync/schema/database';

/** Writes the layout to the local profile; false when the profile has not reached this device yet. */
export async function saveDashboardLayout(db: WorkstationDatabase, partnerId: string, layout: DashboardLayout, now = new Date().toISOString()): Promise<boolean> {
  const doc = await db.profiles.findOne(partnerId).exec();
  if (!doc) return false;
  await doc.incrementalPatch({ dashboard_layout: serializeDashboardLayout(layout), updated_at: now });
  return true;
}

export interface ExecutiveReportRequest {
  partner: ExecutiveReportPartner;
  whiteLabel: boolean;
  figures: ExecutiveFigures;
  kpis: readonly DashboardKpi[];
  now: Date;
}

/** Renders the executive report on this device and offers it to save. */
export async function downloadExecutiveReport(platform: Pick<Platform, 'saveFile'>, request: ExecutiveReportRequest): Promise<SaveFileResult> {
  const [{ renderExecutiveReport, executiveReportFileName }, fonts] = await Promise.all([import('../../../../sync/domain/analytics-report'), loadPdfFonts('executive report')]);
  const data = await renderExecutiveReport({ ...request, fonts, formatMoney });
  return platform.saveFile({ suggestedName: executiveReportFileName(request.partner.name, request.now), mimeType: 'application/pdf', data });
}

/**
 * Readies the executive report while the dashboard is idle: loads the fonts and the renderer and
 * renders a throwaway report. Problems are left for the real download to report.
 */
export function prepareExecutiveReport(win: Window = window): () => void {
  const run = () => {
    void Promise.all([import('../../../../sync/domain/analytics-report'), loadPdfFonts('executive report')])
      .then(([{ prepareExecutiveReportRenderer }, bytes]) => prepareExecutiveReportRenderer(bytes))
      .catch(() => undefined);
  };
  if (typeof win.requestIdleCallback === 'function') {
    const handle = win.requestIdleCallback(run, { timeout: 3000 });
    return () => win.cancelIdleCallback(handle);
  }
  const handle = win.setTimeout(run, 300);
  return () => win.clearTimeout(handle);
}
