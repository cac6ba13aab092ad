/** Commission statements: the monthly statement and annual tax summary PDFs and their figures. */
export * from './statement-maths';
export * from './render';
