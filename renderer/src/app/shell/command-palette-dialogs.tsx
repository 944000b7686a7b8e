import { ImportDialog } from '../../features/dashboard/components/import-dialog';
import { AddClusterDialog } from '../../features/infrastructure/components/cluster-dialog';
import { AddHostDialog, EditHostTagsDialog } from '../../features/infrastructure/components/host-dialogs';
import type { Location } from '../../features/infrastructure/components/location-fields';
import { PodDialog } from '../../features/infrastructure/components/pod-dialog';
import { AddImageStoreDialog, AddPoolDialog } from '../../features/infrastructure/components/storage-dialogs';
import type { Host } from '../../lib/contract';

/** A dialog the palette opened; it stays up after the palette closes. */
export type PaletteDialog =
  | { kind: 'addHost' | 'addCluster' | 'addPool'; initial: Location }
  | { kind: 'addPod' | 'addImageStore'; zoneId?: string }
  | { kind: 'import' }
  | { kind: 'hostTags'; host: Host };

export const NO_LOCATION: Location = { zoneid: '', podid: '', clusterid: '' };

/** The infrastructure feature's own dialogs, opened from the palette with what the result knows. */
export function PaletteDialogs({ dialog, onClose }: { dialog: PaletteDialog | null; onClose(): void }) {
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'addHost':
      return <AddHostDialog initial={dialog.initial} onClose={onClose} onAdded={onClose} />;
    case 'addCluster':
      return <AddClusterDialog initial={dialog.initial} onClose={onClose} onAdded={onClose} />;
    case 'addPool':
      return <AddPoolDialog initial={dialog.initial} onClose={onClose} onAdded={onClose} />;
    case 'addPod':
      return <PodDialog zoneId={dialog.zoneId} onClose={onClose} onSaved={onClose} />;
    case 'addImageStore':
      return <AddImageStoreDialog zoneId={dialog.zoneId} onClose={onClose} onAdded={onClose} />;
    case 'import':
      return <ImportDialog opened onClose={onClose} />;
    case 'hostTags':
      return <EditHostTagsDialog host={dialog.host} onClose={onClose} />;
  }
}
