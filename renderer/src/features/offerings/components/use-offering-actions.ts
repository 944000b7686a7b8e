import { useConfirm } from '../../../components/confirm-dialog';
import type { DiskOffering, ServiceOffering } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCan } from '../../../lib/permissions';
import { useDeleteOffering } from '../api/offering-mutations';

export type OfferingKind = 'compute' | 'disk';
export type AnyOffering = ServiceOffering | DiskOffering;

/** What the caller may do to offerings of a kind, and the delete with its confirmation. */
export function useOfferingActions(kind: OfferingKind, onEdit: (offering: AnyOffering) => void) {
  const t = useT();
  const can = useCan();
  const confirm = useConfirm();
  const remove = useDeleteOffering();
  const compute = kind === 'compute';
  return {
    can: {
      create: can(compute ? 'createServiceOffering' : 'createDiskOffering'),
      edit: can(compute ? 'updateServiceOffering' : 'updateDiskOffering'),
      remove: can(compute ? 'deleteServiceOffering' : 'deleteDiskOffering'),
    },
    edit: onEdit,
    /** Asks first; resolves true when the offering was deleted. */
    remove: async (offering: AnyOffering): Promise<boolean> => {
      const ok = await confirm({
        title: t(compute ? 'offerings.compute.delete' : 'offerings.disk.delete'),
        message: t(compute ? 'offerings.compute.deleteConfirm' : 'offerings.disk.deleteConfirm', {
          name: offering.name,
        }),
        confirmLabel: t('common.delete'),
        danger: true,
      });
      if (!ok.confirmed) return false;
      try {
        await remove.mutateAsync({ kind, id: offering.id });
        notifySuccess(t(compute ? 'offerings.compute.deleted' : 'offerings.disk.deleted', { name: offering.name }));
        return true;
      } catch (error) {
        notifyError(error);
        return false;
      }
    },
  };
}

export type OfferingActions = ReturnType<typeof useOfferingActions>;
