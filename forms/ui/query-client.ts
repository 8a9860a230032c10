// Each app's one QueryClient (created in its main.tsx, provided in bootSite). A refusal (4xx) is an answer, not a
// hiccup: it is shown at once instead of after three retries; a failure of the server or the network is tried
// once more. Data is loaded once per page visit: no refetch when the window regains focus, because the editors
// keep a local copy of what they loaded and a silent refetch would only cost requests.
import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from './problem';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 1 && !(error instanceof ProblemError && error.problem.status < 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
