import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isDroppedUpdate } from './execute-update';

/** A gRPC error as @grpc/grpc-js delivers it (code, details, metadata), wrapped the way the SDK's client does. */
function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}
const sdkWrapped = (code: number, details: string) =>
  new ServiceError('Workflow Update failed', { cause: grpcError(code, details) });

describe('isDroppedUpdate: which Update failures are resent under the same Update id', () => {
  it('resends an Update the server refused because its workflow task failed after the worker saw it', () => {
    const err = sdkWrapped(
      9,
      'Unable to perform workflow execution update due to unexpected workflow task failure.',
    );
    expect(isDroppedUpdate(err)).toBe(true);
  });

  it('resends an Update the server rejected as unprocessed', () => {
    const failure = ApplicationFailure.create({ type: 'UnprocessedUpdate', message: 'not processed' });
    expect(isDroppedUpdate(new WorkflowUpdateFailedError('Workflow Update failed', failure))).toBe(true);
  });

  it('never resends the workflow’s own refusal, another precondition, or a finished workflow', () => {
    const refused = ApplicationFailure.create({ type: 'TransitionNotAllowed', message: '当前不能办理' });
    expect(isDroppedUpdate(new WorkflowUpdateFailedError('Workflow Update failed', refused))).toBe(false);
    expect(isDroppedUpdate(sdkWrapped(9, 'Workflow Update is disabled for this namespace.'))).toBe(false);
    expect(isDroppedUpdate(sdkWrapped(14, 'workflow task failure'))).toBe(false);
    expect(
      isDroppedUpdate(new WorkflowNotFoundError('workflow execution already completed', 'w', undefined)),
    ).toBe(false);
    expect(isDroppedUpdate(new Error('Unable to perform … workflow task failure'))).toBe(false);
  });
});
