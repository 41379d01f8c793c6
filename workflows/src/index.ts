/** Entry point of the workflow bundle: every workflow type the worker runs. */
export { probeWorkflow } from './probe.workflow';
