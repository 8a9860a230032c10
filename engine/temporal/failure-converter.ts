// Failure messages and stack traces can quote data (an activity's error about a person), so they go into
// an encoded payload too, through the same tenant-bound codec, instead of staying readable in the history.
// Loaded by path: the worker's workflow bundle and the client both use this module.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
