/** The CSV import screen, loaded on first visit (papaparse comes with it, never with the Leads page). */
export { CsvImportPage } from './CsvImportPage';
