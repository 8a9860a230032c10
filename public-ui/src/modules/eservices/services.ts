// The e-services' part of the public site's list of services: every published e-service form, at its
// readable address (GET /api/eservices/services, the module's own route).
import type { EServices } from '../../../../schemas/types/eservices-services';
import { apiGet } from '../../../../forms/ui/api';
import type { ServiceSource } from '../../../../forms/ui/modules';

export const eserviceSource: ServiceSource = {
  queryKey: ['services', 'eservices'],
  load: async (signal) => {
    const { services } = await apiGet<EServices>('/api/eservices/services', { signal });
    return services.map((s) => ({ key: `eservices:${s.id}`, title: s.title, description: s.description, path: s.path }));
  },
};
