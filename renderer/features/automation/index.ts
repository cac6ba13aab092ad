/** What settings imports from automation rules. */
export { AutomationRulesSection } from './AutomationRulesSection';
