/** Proposals: template schema, pricing and quotes, discount approvals, versions and signing, glyph checks and the pdf-lib renderer. */
export * from './template-schema';
export * from './pricing';
export * from './glyphs';
export * from './render';
export * from './templates';
export * from './activity';
export * from './quote';
export * from './discount';
export * from './version';
export * from './sign';
export * from './status';
