/** Certificate PDFs, loaded on demand so pdf-lib and qrcode stay out of the first screen. */
export * from './render-certificate';
