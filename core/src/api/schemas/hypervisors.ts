import { z } from 'zod';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { param } from './params';
import { defineSpec, listOf, type CommandInput } from './spec';

/** CloudStack's HypervisorResponse. */
export const Hypervisor = entity('Hypervisor', {
  name: field.string('Hypervisor name'),
});
export type Hypervisor = z.infer<typeof Hypervisor>;

export const listHypervisors = defineSpec({
  name: 'listHypervisors',
  description: 'List hypervisors',
  roles: ALL_ROLES,
  params: z.object({
    zoneid: param.uuid('the zone id for listing hypervisors.').optional(),
  }),
  response: listOf('hypervisor', Hypervisor),
});

export type ListHypervisorsInput = CommandInput<typeof listHypervisors>;
