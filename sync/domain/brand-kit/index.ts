/** The partner's brand kit: logo file checks, colour contrast and the brand kit form. */
export * from './logo-file';
export * from './contrast';
export * from './brand-kit-form';
