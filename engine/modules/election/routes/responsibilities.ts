// The election module's responsibilities routes (filled in by the issue "Election staffing I").
import type { RouteSpec } from '../../../http/route';
import type { ElectionRouteDeps } from './context';

export function responsibilityRoutes(_deps: ElectionRouteDeps): RouteSpec[] {
  return [];
}
