// The election module's participants routes (filled in by the issue "Election staffing I").
import type { RouteSpec } from '../../../http/route';
import type { ElectionRouteDeps } from './context';

export function participantRoutes(_deps: ElectionRouteDeps): RouteSpec[] {
  return [];
}
