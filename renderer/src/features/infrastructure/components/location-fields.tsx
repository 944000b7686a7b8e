import { Select } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import type { Cluster } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useClusterOptions, usePodOptions, useZoneOptions } from '../api/queries';

export interface Location {
  zoneid: string;
  podid: string;
  clusterid: string;
}

/**
 * Zone, then the pods of that zone, then the clusters of that pod: choosing a parent clears its
 * children. `levels` says how deep the form goes; a single choice is picked for the operator.
 */
export function LocationFields(props: {
  value: Location;
  onChange(value: Location): void;
  levels: 'zone' | 'pod' | 'cluster';
  errors?: Partial<Record<keyof Location, string>>;
  onCluster?(cluster: Cluster | undefined): void;
  /** Pod and cluster are optional (e.g. a zone-wide storage pool hides them). */
  podRequired?: boolean;
}) {
  const t = useT();
  const { value, onChange, levels } = props;
  const zones = useZoneOptions();
  const pods = usePodOptions(value.zoneid || undefined, levels !== 'zone' && value.zoneid !== '');
  const clusters = useClusterOptions(
    value.zoneid || undefined,
    value.podid || undefined,
    levels === 'cluster' && value.podid !== '',
  );

  const zoneData = useMemo(() => (zones.data?.items ?? []).map((z) => ({ value: z.id, label: z.name })), [zones.data]);
  const podData = useMemo(() => (pods.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })), [pods.data]);
  const clusterItems = useMemo(() => clusters.data?.items ?? [], [clusters.data]);
  const clusterData = useMemo(
    () => clusterItems.map((c) => ({ value: c.id, label: `${c.name} (${c.hypervisortype ?? ''})` })),
    [clusterItems],
  );

  // One choice: take it.
  useEffect(() => {
    const only = zones.data?.items.length === 1 ? zones.data.items[0] : undefined;
    if (!value.zoneid && only) onChange({ zoneid: only.id, podid: '', clusterid: '' });
  }, [zones.data, value.zoneid, onChange]);
  useEffect(() => {
    if (levels === 'zone') return;
    const only = pods.data?.items.length === 1 ? pods.data.items[0] : undefined;
    if (value.zoneid && !value.podid && only && only.zoneid === value.zoneid)
      onChange({ ...value, podid: only.id, clusterid: '' });
  }, [pods.data, value, onChange, levels]);
  useEffect(() => {
    if (levels !== 'cluster') return;
    const only = clusterItems.length === 1 ? clusterItems[0] : undefined;
    if (value.podid && !value.clusterid && only && only.podid === value.podid)
      onChange({ ...value, clusterid: only.id });
  }, [clusterItems, value, onChange, levels]);

  const { onCluster } = props;
  const chosenCluster = clusterItems.find((c) => c.id === value.clusterid);
  useEffect(() => onCluster?.(chosenCluster), [chosenCluster, onCluster]);

  return (
    <>
      <Select
        label={t('infra.zone')}
        data={zoneData}
        value={value.zoneid || null}
        onChange={(v) => onChange({ zoneid: v ?? '', podid: '', clusterid: '' })}
        searchable
        required
        error={props.errors?.zoneid}
      />
      {levels !== 'zone' && (
        <Select
          label={t('infra.pod')}
          data={podData}
          value={value.podid || null}
          onChange={(v) => onChange({ ...value, podid: v ?? '', clusterid: '' })}
          searchable
          required={props.podRequired ?? true}
          disabled={!value.zoneid}
          error={props.errors?.podid}
        />
      )}
      {levels === 'cluster' && (
        <Select
          label={t('infra.cluster')}
          data={clusterData}
          value={value.clusterid || null}
          onChange={(v) => onChange({ ...value, clusterid: v ?? '' })}
          searchable
          required
          disabled={!value.podid}
          error={props.errors?.clusterid}
        />
      )}
    </>
  );
}
