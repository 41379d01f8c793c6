import type {
  RectificationStepName,
  StepCommand,
} from '../../../libs/contracts/src/rectification/rectification.commands';
import type { RectificationState } from '../../../libs/contracts/src/rectification/rectification.types';
import { checkStep } from '../../../libs/contracts/src/rectification/step-catalog';

/**
 * Which step is allowed now, and why not — derived from the step catalog (libs/contracts), which declares every
 * step's statuses and rules once. Used by the Update validators: a rejected step never enters history.
 */
export {
  currentDeadline,
  isFinal,
  pendingExtension,
} from '../../../libs/contracts/src/rectification/rectification-transition';

/** Returns null when the command may run now, otherwise the reason it may not (Chinese, shown as HTTP 409). */
export function checkCommand<K extends RectificationStepName>(
  state: RectificationState,
  name: K,
  cmd: StepCommand<K>,
): string | null {
  return checkStep(state, name, cmd);
}
