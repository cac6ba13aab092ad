/** The leads feature's public surface: the screens routes mount. */
export { LeadsPage } from './LeadsPage';
export { LeadDetailPage } from './LeadDetailPage';
/** Present mode offers "Move <company> to Won" after a signature: the same stage change as the pipeline. */
export { moveLeadToStage } from './lead-writes';
