// The election module's config routes (filled in by the issue "Election staffing I").
import type { RouteSpec } from '../../../http/route';
import type { ElectionRouteDeps } from './context';

export function configRoutes(_deps: ElectionRouteDeps): RouteSpec[] {
  return [];
}
