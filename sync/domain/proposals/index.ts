/** Proposal PDFs: template schema, pricing maths, glyph checks and the pdf-lib renderer. */
export * from './template-schema';
export * from './pricing';
export * from './glyphs';
export * from './render';
export * from './templates';
export * from './activity';
