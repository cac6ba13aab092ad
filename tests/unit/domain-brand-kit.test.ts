import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  AA_TEXT_CONTRAST,
  LOGO_MAX_BYTES,
  brandColourContrast,
  brandKitFormFromProfile,
  brandLogoPath,
  checkLogoFile,
  checkLogoSize,
  contrastRatio,
  formatRatio,
  svgRasterSize,
  validateBrandKitForm,
} from '../../sync/domain/brand-kit';

function png(width: number, height: number): Uint8Array {
  return new Uint8Array(PNG.sync.write(new PNG({ width, height })));
}

/** A JPEG header as cameras write it: SOI, an APP0 (JFIF) segment, a DQT stub, then SOFn with the size. */
function jpeg(width: number, height: number, sof = 0xc0): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const dqt = [0xff, 0xdb, 0x00, 0x04, 0x00, 0x00];
  const frame = [0xff, sof, 0x00, 0x0b, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x01, 0x01, 0x11, 0x00];
  return new Uint8Array([0xff, 0xd8, ...app0, ...dqt, ...frame, 0xff, 0xd9]);
}

const text = (value: string) => new TextEncoder().encode(value);

describe('checkLogoFile', () => {
  it('accepts a PNG and reads its size from IHDR', () => {
    expect(checkLogoFile(png(300, 120), 'logo.png')).toEqual({ ok: true, logo: { type: 'png', width: 300, height: 120, bytes: expect.any(Number) } });
  });

  it('accepts baseline and progressive JPEGs and reads SOFn', () => {
    expect(checkLogoFile(jpeg(640, 200), 'logo.jpg')).toMatchObject({ ok: true, logo: { type: 'jpeg', width: 640, height: 200 } });
    expect(checkLogoFile(jpeg(500, 500, 0xc2), 'logo.jpeg')).toMatchObject({ ok: true, logo: { type: 'jpeg', width: 500, height: 500 } });
  });

  it('accepts SVG as XML with an <svg> root, sized by width/height or viewBox', () => {
    const declared = '\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100"/></svg>';
    expect(checkLogoFile(text(declared), 'logo.svg')).toMatchObject({ ok: true, logo: { type: 'svg', width: 400, height: 100 } });
    expect(checkLogoFile(text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 16"/>'))).toMatchObject({ ok: true, logo: { type: 'svg', width: 32, height: 16 } });
    expect(checkLogoFile(text("<svg viewBox='0 0 200 100' width='50mm'></svg>"))).toMatchObject({ ok: true, logo: { type: 'svg', height: expect.closeTo(94.5, 0) } });
  });

  it('refuses an SVG it cannot size', () => {
    const result = checkLogoFile(text('<svg xmlns="http://www.w3.org/2000/svg" width="100%"></svg>'), 'logo.svg');
    expect(result).toMatchObject({ ok: false, reason: 'svg-without-size' });
    expect(!result.ok && result.message).toContain('viewBox');
  });

  it('refuses a text file named .png, saying what it is', () => {
    const result = checkLogoFile(text('definitely not a picture\n'), 'fake.png');
    expect(result).toEqual({ ok: false, reason: 'not-an-image', message: '“fake.png” is not an image: it contains plain text, not a PNG. Use a PNG, JPEG or SVG file.' });
  });

  it('refuses GIF, PDF and other formats by their content', () => {
    const gif = new Uint8Array([...text('GIF89a'), 1, 0, 1, 0, 0, 0, 0]);
    expect(checkLogoFile(gif, 'logo.png')).toEqual({ ok: false, reason: 'unsupported-image', message: '“logo.png” is a GIF image, not a PNG. Use a PNG, JPEG or SVG file.' });
    expect(checkLogoFile(text('%PDF-1.7\n%âãÏÓ\n'), 'logo.png')).toMatchObject({ ok: false, reason: 'unsupported-image', message: expect.stringContaining('a PDF document') });
    expect(checkLogoFile(new Uint8Array([0, 1, 2, 3, 250, 251]), 'logo.jpg')).toMatchObject({ ok: false, reason: 'not-an-image' });
    // XML that is not an SVG.
    expect(checkLogoFile(text('<?xml version="1.0"?><html><svg/></html>'), 'logo.svg')).toMatchObject({ ok: false, reason: 'not-an-image' });
  });

  it('refuses a cut-short PNG or JPEG as damaged', () => {
    expect(checkLogoFile(png(200, 200).subarray(0, 20), 'logo.png')).toMatchObject({ ok: false, reason: 'damaged' });
    expect(checkLogoFile(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), 'logo.jpg')).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('refuses empty and oversized files with the limit in the message', () => {
    expect(checkLogoFile(new Uint8Array(), 'logo.png')).toMatchObject({ ok: false, reason: 'empty' });
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(png(200, 200));
    const result = checkLogoFile(big, 'huge.png');
    expect(result).toEqual({ ok: false, reason: 'too-large', message: expect.stringMatching(/^“huge.png” is 2 MB; a logo can be at most 2 MB\./) });
    expect(checkLogoSize(3 * 1024 * 1024, 'huge.png')).toMatchObject({ message: expect.stringContaining('is 3 MB; a logo can be at most 2 MB') });
    expect(checkLogoSize(LOGO_MAX_BYTES, 'ok.png')).toBeNull();
  });

  it('refuses dimensions that are too small, too large or too narrow', () => {
    expect(checkLogoFile(png(200, 40), 'small.png')).toEqual({
      ok: false,
      reason: 'too-small',
      message: '“small.png” is only 200 px × 40 px; a logo needs at least 64 px on its shorter side to print sharply. Export a larger version.',
    });
    expect(checkLogoFile(jpeg(4200, 1000), 'big.jpg')).toMatchObject({ ok: false, reason: 'too-big-dimensions', message: expect.stringContaining('at most 4000 px') });
    expect(checkLogoFile(png(1000, 100), 'banner.png')).toMatchObject({ ok: false, reason: 'aspect-ratio', message: expect.stringContaining('10 times longer than it is high; a logo can be at most 8:1') });
    expect(checkLogoFile(text('<svg viewBox="0 0 10 100"/>'), 'tall.svg')).toMatchObject({ ok: false, reason: 'aspect-ratio', message: expect.stringContaining('than it is wide') });
    // A small SVG is fine: it is drawn at the size needed.
    expect(checkLogoFile(text('<svg viewBox="0 0 16 16"/>'), 'icon.svg')).toMatchObject({ ok: true });
  });
});

describe('svgRasterSize and brandLogoPath', () => {
  it('keeps proportions with the long side between 512 and 1600 px', () => {
    expect(svgRasterSize(32, 16)).toEqual({ width: 512, height: 256 });
    expect(svgRasterSize(4000, 1000)).toEqual({ width: 1600, height: 400 });
    expect(svgRasterSize(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it("puts the logo in the partner's own folder", () => {
    expect(brandLogoPath('abc', 'png')).toBe('abc/logo.png');
    expect(brandLogoPath('abc', 'jpeg')).toBe('abc/logo.jpg');
  });
});

describe('brand colour contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('nope', '#ffffff')).toBeNull();
    expect(formatRatio(4.499)).toBe('4.4:1');
  });

  it('has no warning for a dark colour that works with white text and on white pages', () => {
    const result = brandColourContrast('#1F4E79');
    expect(result?.warning).toBeNull();
    expect(result?.bestText).toBe('white');
    expect(result?.withWhite).toBeGreaterThan(AA_TEXT_CONTRAST);
  });

  it('warns about a light colour, saying dark text still reads on it', () => {
    const result = brandColourContrast('#f2a900', 'The accent colour');
    expect(result?.bestText).toBe('dark');
    expect(result?.warning).toBe(
      'The accent colour #F2A900 is too light for white text or for headings on a white page (2.0:1; WCAG AA needs 4.5:1). Dark text on it reads well (8.2:1), so use it for bands and highlights, or choose a darker shade.',
    );
  });

  it('warns when neither white nor dark text reaches 4.5:1', () => {
    const result = brandColourContrast('#808080', 'The primary colour');
    expect(result?.warning).toMatch(/^The primary colour #808080 is hard to read with any text: white text reaches 3\.9:1 and dark text 4\.\d:1, below the 4\.5:1 WCAG AA needs\./);
  });

  it('returns null for something that is not a colour', () => {
    expect(brandColourContrast('red')).toBeNull();
  });
});

describe('brand kit form', () => {
  const valid = {
    company: '  Żółć Partners ',
    email: 'lukasz@example.com',
    phone: '+48 22 123 45 67',
    website: 'zolc.example.com',
    tagline: 'Software that fits',
    brand_primary: '1f4e79',
    brand_secondary: '#f2a900',
  };

  it('normalises what was typed into what the profile stores', () => {
    expect(validateBrandKitForm(valid)).toEqual({
      ok: true,
      values: {
        company: 'Żółć Partners',
        email: 'lukasz@example.com',
        phone: '+48 22 123 45 67',
        website: 'https://zolc.example.com',
        tagline: 'Software that fits',
        brand_primary: '#1F4E79',
        brand_secondary: '#F2A900',
      },
    });
    expect(validateBrandKitForm({ ...valid, email: '', phone: '', website: '', tagline: '', company: '' })).toMatchObject({
      ok: true,
      values: { email: null, phone: null, website: null, tagline: null, company: null },
    });
  });

  it('gives one message per bad field', () => {
    const result = validateBrandKitForm({
      ...valid,
      email: 'not-an-email',
      phone: 'call me',
      website: 'ftp://files.example.com',
      tagline: 'x'.repeat(121),
      brand_primary: '#12345',
      brand_secondary: 'blue',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        email: 'Enter an email address such as name@example.com, or leave it empty.',
        phone: 'Use digits, spaces and + ( ) - . only, e.g. +44 20 7946 0958.',
        website: 'Enter the website as an address such as https://example.com, or leave it empty.',
        tagline: 'The tagline can be at most 120 characters.',
        brand_primary: 'Enter the primary colour as a six-digit hex code such as #1F4E79.',
        brand_secondary: 'Enter the accent colour as a six-digit hex code such as #1F4E79.',
      },
    });
  });

  it('prefills from the profile with default colours', () => {
    expect(brandKitFormFromProfile(null)).toMatchObject({ brand_primary: '#1F4E79', brand_secondary: '#F2A900', company: '' });
    expect(brandKitFormFromProfile({ company: 'Acme', brand_primary: '#abcdef' })).toMatchObject({ company: 'Acme', brand_primary: '#ABCDEF' });
  });
});
