/**
 * The brand kit in the demo workspace, against the production build: logo files are judged by
 * their content (a text file named .png and a file over 2 MB are refused with a sentence), a real
 * PNG becomes the logo, colours show their contrast warning, the kit is saved, and — with the
 * network off — a proposal made in the wizard embeds that logo (checked in the PDF with pdf-lib).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkA11y } from '../fixtures/browser';
import { useDemoWorkspaceBrowser } from '../fixtures/demo-workspace-browser';

const session = useDemoWorkspaceBrowser({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-GB', acceptDownloads: true });
const downloads = mkdtempSync(join(tmpdir(), 'brand-kit-e2e-'));
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

const LOGO_WIDTH = 240;
const LOGO_HEIGHT = 80;

/** A two-colour PNG the size of a small logo. */
function logoPng(): Buffer {
  const png = new PNG({ width: LOGO_WIDTH, height: LOGO_HEIGHT });
  for (let y = 0; y < LOGO_HEIGHT; y += 1) {
    for (let x = 0; x < LOGO_WIDTH; x += 1) {
      const i = (y * LOGO_WIDTH + x) * 4;
      const left = x < LOGO_WIDTH / 3;
      png.data[i] = left ? 11 : 30;
      png.data[i + 1] = left ? 93 : 30;
      png.data[i + 2] = left ? 59 : 36;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

async function chooseLogo(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /^Choose a (new )?logo file$/ }).click()]);
  await chooser.setFiles(file);
}

/** Width × height of every image XObject in the PDF. */
async function embeddedImages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  const sizes: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : null;
    if (!dict || dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const width = dict.get(PDFName.of('Width'));
    const height = dict.get(PDFName.of('Height'));
    if (width instanceof PDFNumber && height instanceof PDFNumber) sizes.push(`${width.asNumber()}x${height.asNumber()}`);
  }
  return sizes;
}

const COMPANY = 'Aegean Boutique Hotels';
const FILE_NAME = `${COMPANY} proposal.pdf`;

describe('brand kit', () => {
  it('refuses bad logos, saves the kit and puts the logo in a proposal made offline', async () => {
    const { page, context, server, problems } = session;
    await page.goto(new URL('#/brand-kit', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Brand kit' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Brand kit' }).getAttribute('aria-current')).resolves.toBe('page');
    await page.getByText('No logo yet').waitFor();

    // A text file with a .png name is refused by its content.
    await chooseLogo(page, { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('definitely not a picture\n') });
    await page.getByRole('alert').filter({ hasText: '“fake.png” is not an image: it contains plain text, not a PNG. Use a PNG, JPEG or SVG file.' }).waitFor();

    // Over 2 MB is refused before the content is even read.
    const huge = Buffer.alloc(Math.round(2.5 * 1024 * 1024));
    logoPng().copy(huge);
    await chooseLogo(page, { name: 'huge.png', mimeType: 'image/png', buffer: huge });
    await page.getByRole('alert').filter({ hasText: '“huge.png” is 2.5 MB; a logo can be at most 2 MB.' }).waitFor();
    await expect(page.getByRole('alert').filter({ hasText: 'fake.png' }).count()).resolves.toBe(0);

    await chooseLogo(page, { name: 'northwind.png', mimeType: 'image/png', buffer: logoPng() });
    await page.getByRole('status').filter({ hasText: `“northwind.png” (${LOGO_WIDTH} × ${LOGO_HEIGHT} px) is now your logo.` }).waitFor();
    await page.getByRole('img', { name: 'Your logo' }).waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await page.getByText('The demo workspace does not sync, so the logo stays here.').waitFor();

    // A mid grey fails with both white and dark text; a dark green passes.
    const primary = page.getByRole('textbox', { name: 'Primary colour', exact: true });
    await primary.fill('#808080');
    await page.getByText('The primary colour #808080 is hard to read with any text').waitFor();
    await primary.fill('#0b5d3b');
    await page.getByText('The primary colour #808080').waitFor({ state: 'detached' });
    await expect(page.getByLabel('Pick the primary colour').inputValue()).resolves.toBe('#0b5d3b');
    await page.getByRole('textbox', { name: 'Tagline' }).fill('Software partners for growing teams');
    await page.getByRole('textbox', { name: 'Website' }).fill('not a website');
    await page.getByRole('button', { name: 'Save brand kit' }).click();
    await page.getByText('Enter the website as an address such as https://example.com, or leave it empty.').waitFor();
    await expect(page.getByRole('textbox', { name: 'Website' }).evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.getByRole('textbox', { name: 'Website' }).fill('northwind-referrals.example.com');

    await expect(checkA11y(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Save brand kit' }).click();
    await page.getByRole('status').filter({ hasText: 'Brand kit saved on this device.' }).waitFor();
    await expect(primary.inputValue()).resolves.toBe('#0B5D3B');

    // The wizard loads its fonts once online; from then on nothing needs the network.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Proposals' }).click();
    await page.getByRole('link', { name: 'New proposal' }).click();
    await page.getByRole('heading', { level: 1, name: 'New proposal' }).waitFor();
    await page.getByText('Choose a lead and a template to see the preview.').waitFor();
    await context.setOffline(true);

    await page.getByText('Your logo from the brand kit is placed on the proposal.').waitFor();
    await expect(page.getByLabel('Primary colour').inputValue()).resolves.toBe('#0b5d3b');
    await page.getByRole('combobox', { name: 'Lead' }).selectOption({ label: COMPANY });
    await page.getByRole('radio', { name: /Four-page proposal with pricing/ }).check();
    await page.getByText('Preview up to date.').waitFor();
    await expect(checkA11y(page)).resolves.toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download', { predicate: (event) => event.suggestedFilename() === FILE_NAME }),
      page.getByRole('button', { name: 'Save PDF' }).click(),
    ]);
    const file = join(downloads, FILE_NAME);
    await download.saveAs(file);
    const pdf = new Uint8Array(readFileSync(file));
    await expect(embeddedImages(pdf)).resolves.toContain(`${LOGO_WIDTH}x${LOGO_HEIGHT}`);

    // Still offline: the brand kit shows the cached logo and the saved colours.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Brand kit' }).click();
    await page.getByRole('img', { name: 'Your logo' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Tagline' }).inputValue()).resolves.toBe('Software partners for growing teams');
    await expect(page.getByRole('textbox', { name: 'Website' }).inputValue()).resolves.toBe('https://northwind-referrals.example.com');

    // Offline, background requests fail.
    const expected = (problem: string) => problem.includes('ERR_INTERNET_DISCONNECTED');
    expect(problems.filter((problem) => !expected(problem))).toEqual([]);
  });

  it('rasterises an SVG logo to PNG', async () => {
    const { page, server } = session;
    await page.goto(new URL('#/brand-kit', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Brand kit' }).waitFor();
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50"><rect width="200" height="50" fill="#0b5d3b"/></svg>';
    await chooseLogo(page, { name: 'mark.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
    await page.getByRole('status').filter({ hasText: '“mark.svg” was converted from SVG to a 512 × 128 px PNG and is now your logo.' }).waitFor();
    await page.getByText('Current logo: 512 × 128 px PNG.').waitFor();
  });
});
