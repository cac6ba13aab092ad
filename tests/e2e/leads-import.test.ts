/**
 * CSV import in the demo workspace, in a real browser against the production build: a file with a
 * BOM, semicolons, quoted values (separators, doubled quotes, a line break), one broken row and one
 * duplicate of a demo lead; the mapping preview, the error table and its downloadable report,
 * skipping the duplicate, importing and finding the new leads in the list. Axe on every step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkA11y, type A11yViolation } from '../fixtures/browser';
import { projectRoot, type StaticServer } from '../fixtures/web-server';
import { useDemoWorkspaceBrowser } from '../fixtures/demo-workspace-browser';

const csv = readFileSync(join(projectRoot, 'tests/fixtures/csv/leads-import.csv'));
const BROKEN_REASON = "Row 5: the email 'bob@' is not a valid address.";

const session = useDemoWorkspaceBrowser({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', acceptDownloads: true });
let server: StaticServer;
let page: Page;
let problems: string[];

beforeEach(() => {
  ({ server, page, problems } = session);
});

async function openImport(): Promise<void> {
  await page.goto(new URL('#/leads/import', server.url).href);
  await page.getByRole('heading', { level: 1, name: 'Import leads from CSV' }).waitFor();
}

const fileInput = () => page.getByLabel('CSV file');
/** How many leads the list holds: it renders only the rows in view, but says how many there are. */
const shownLeads = async () => Number(await page.getByRole('table').getAttribute('aria-rowcount')) - 1;

async function openLeadsList(): Promise<void> {
  await page.goto(new URL('#/leads', server.url).href);
  await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
  await page.getByRole('table').getByRole('rowheader').first().waitFor();
}

describe('CSV import', () => {
  it('maps, reports the broken row, skips the duplicate and imports the rest', async () => {
    const violations: Record<string, A11yViolation[]> = {};
    const axe = async (step: string) => {
      const found = await checkA11y(page);
      if (found.length > 0) violations[step] = found;
    };
    await openLeadsList();
    const before = await shownLeads();

    await openImport();
    await axe('choose');
    await fileInput().setInputFiles({ name: 'partner-leads.csv', mimeType: 'text/csv', buffer: csv });

    // Mapping: suggestions from the German/English headers, and the preview of the first rows.
    await page.getByRole('heading', { level: 2, name: 'Step 2 of 3: Match the columns' }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Company' }).inputValue()).resolves.toBe('0');
    await expect(page.getByRole('combobox', { name: 'Email' }).locator('option:checked').innerText()).resolves.toBe('E-Mail');
    await expect(page.getByRole('combobox', { name: 'Value' }).locator('option:checked').innerText()).resolves.toBe('Betrag');
    await expect(page.getByRole('combobox', { name: 'Currency' }).locator('option:checked').innerText()).resolves.toBe('Währung');
    const preview = page.getByRole('table', { name: /The first 5 rows of “partner-leads.csv”/ });
    await expect(preview.getByRole('columnheader').allInnerTexts()).resolves.toEqual([
      'Row', 'Firma', 'Name', 'E-Mail', 'Tel', 'Quelle', 'Betrag', 'Währung', 'Notizen', 'Stage',
    ]);
    const previewRows = preview.getByRole('row');
    await expect(previewRows.count()).resolves.toBe(6);
    await expect(previewRows.nth(2).getByRole('cell').nth(1).innerText()).resolves.toBe('Quill & Ink; Stationers');
    await expect(previewRows.nth(2).getByRole('cell').nth(8).innerText()).resolves.toBe('Said "call me Monday"\nSecond line of notes');
    await axe('mapping');

    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.getByRole('heading', { level: 2, name: 'Step 3 of 3: Review and import' }).waitFor();
    await expect(page.getByRole('listitem').filter({ hasText: 'ready to import' }).innerText()).resolves.toBe(
      '4 rows ready to import, of which 1 looks like a duplicate',
    );
    const errorTable = page.getByRole('table', { name: 'Rows with errors and why' });
    await expect(errorTable.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).resolves.toEqual(['5', BROKEN_REASON]);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download error report' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('partner-leads-errors.csv');
    const report = readFileSync(await download.path(), 'utf8');
    expect(report.split('\r\n')[0]).toBe('\ufeffRow,Reason,Firma,Name,E-Mail,Tel,Quelle,Betrag,Währung,Notizen,Stage');
    expect(report.split('\r\n')[1]).toBe(`5,${BROKEN_REASON},Broken Row Ltd,Bob Broken,bob@,'+44 20 7946 0001,Referral link,1200,EUR,,New`);

    const duplicate = page.getByRole('group', { name: /Row 6 “Becker Solar”: same email .* matches your lead “Becker Solar GmbH”/ });
    await duplicate.getByRole('radio', { name: 'Import anyway' }).check();
    await expect(page.getByRole('button', { name: 'Import 4 leads' }).isVisible()).resolves.toBe(true);
    await duplicate.getByRole('radio', { name: 'Skip' }).check();
    await expect(page.getByText('This will add 3 leads, skipping 1 row as duplicates.').isVisible()).resolves.toBe(true);
    await axe('review');

    await page.getByRole('button', { name: 'Import 3 leads' }).click();
    await page.getByRole('heading', { level: 2, name: 'Import finished' }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'Imported' }).innerText()).resolves.toBe(
      'Imported 3 leads. Skipped 1 duplicate row. 1 row had errors and was not imported: download the report.',
    );
    await expect(page.getByRole('button', { name: 'download the report' }).isVisible()).resolves.toBe(true);
    await axe('done');

    await page.getByRole('link', { name: 'Back to Leads' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    for (const company of ['Harbour Lights Café', 'Quill & Ink; Stationers', 'Pine Street Dental']) {
      await page.getByRole('link', { name: company, exact: true }).waitFor();
    }
    await expect.poll(shownLeads).toBe(before + 3);
    await expect(page.getByRole('link', { name: 'Broken Row Ltd' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Becker Solar', exact: true }).count()).resolves.toBe(0);

    expect(violations).toEqual({});
    expect(problems).toEqual([]);
  });

  it('updates the existing lead when chosen: fills empty fields and appends the notes (dark theme, axe-clean)', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openImport();
    const file = ['Company,Email,Notes', 'Becker Solar GmbH,CONTACT@becker-solar-gmbh.example.com,Asked for a second quote'].join('\n');
    await fileInput().setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Continue to review' }).click();
    const duplicate = page.getByRole('group', { name: /Row 2 “Becker Solar GmbH”/ });
    await expect(duplicate.getByRole('radio', { name: 'Skip' }).isChecked()).resolves.toBe(true);
    await expect(page.getByText('Nothing will be imported with these choices.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /^Import \d/ }).count()).resolves.toBe(0);
    await page.getByRole('group', { name: 'Choose for all duplicates' }).getByRole('button', { name: 'Update all existing' }).click();
    await expect(duplicate.getByRole('radio', { name: 'Update existing lead' }).isChecked()).resolves.toBe(true);
    await expect(checkA11y(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Import 1 lead' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Updated' }).innerText()).resolves.toBe('Updated 1 existing lead.');

    await page.getByRole('link', { name: 'Back to Leads' }).click();
    await page.getByRole('link', { name: 'Becker Solar GmbH', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Becker Solar GmbH' }).waitFor();
    await expect(page.getByText(/Asked for a second quote/).innerText()).resolves.toMatch(/^Demo lead\. Becker Solar GmbH .*\n\nAsked for a second quote$/);
    await expect(page.getByRole('link', { name: 'Becker Solar GmbH', exact: true }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  it('refuses a file over 10 MB with a reason and writes nothing', async () => {
    await openImport();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    await fileInput().setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: big });
    await expect(page.getByRole('alert').innerText()).resolves.toBe(
      '“huge.csv” is 10.00 MB, more than the 10 MB that can be imported at once. Split it into smaller files and import them one after the other.',
    );
    expect(problems).toEqual([]);
  });
});
