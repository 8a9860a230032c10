// The election module's elections routes (filled in by the issue "Election staffing I").
import type { RouteSpec } from '../../../http/route';
import type { ElectionRouteDeps } from './context';

export function electionRoutes(_deps: ElectionRouteDeps): RouteSpec[] {
  return [];
}
