// The flow engine's own actions, there for every module's flows. Modules add theirs in their module.ts.
import type { FlowAction } from '../../modules/module';
import { createTask } from './create-task';
import { deletePersonalData } from './delete-personal-data';
import { extendDeadline } from './extend-deadline';
import { notify } from './notify';
import { setStatus } from './set-status';
import { startChildFlow } from './start-child-flow';

export const PLATFORM_ACTIONS: Record<string, FlowAction> = { setStatus, notify, createTask, extendDeadline, startChildFlow, deletePersonalData };
