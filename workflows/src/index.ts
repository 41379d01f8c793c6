/** Entry point of the workflow bundle: every workflow type the worker runs. */
export { probeWorkflow } from './probe.workflow';
export { rectificationWorkflow } from './rectification/rectification.workflow';
export { evaluationFollowUpWorkflow } from './evaluation/evaluation-follow-up.workflow';
export { evaluationPageWorkflow } from './evaluation/evaluation-page.workflow';
export { dailyDigestWorkflow } from './notifications/daily-digest.workflow';
export { recheckWorkflow } from './recheck/recheck.workflow';
