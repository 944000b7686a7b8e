import type { Hypervisor, ListHypervisorsInput } from '../../api/schemas/hypervisors';
import type { CoreServices } from '../core-services';
import { requireZone } from './lookups';

/**
 * CloudStack's listHypervisors: the hypervisors this build has a driver for (CloudStack's
 * hypervisor.list), or with a zone, those its clusters run.
 */
export class HypervisorList {
  constructor(private readonly services: Pick<CoreServices, 'store' | 'hypervisors'>) {}

  async list(input: ListHypervisorsInput): Promise<{ items: Hypervisor[]; count: number }> {
    let names: string[];
    if (input.zoneid === undefined) {
      names = this.services.hypervisors.supported();
    } else {
      const db = this.services.store.db;
      const zone = await requireZone(db, input.zoneid, 'zoneid');
      const rows = await db
        .selectFrom('clusters')
        .select('hypervisor_type')
        .distinct()
        .where('zone_id', '=', zone.id)
        .where('removed', 'is', null)
        .orderBy('hypervisor_type')
        .execute();
      names = rows.map((r) => r.hypervisor_type);
    }
    return { items: names.map((name) => ({ name })), count: names.length };
  }
}
