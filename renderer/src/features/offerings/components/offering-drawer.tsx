import { Button, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { StateBadge } from '../../../components/state-badge';
import type { DiskOffering, ServiceOffering } from '../../../lib/contract';
import { formatDateTime, useLocale, useT, type Translate } from '../../../lib/i18n';
import { useComputeOffering, useCustomDiskBounds, useDiskOffering } from '../api/get-offerings';
import { cpuText, customBounds, diskSizeText, memoryText } from '../lib/format';
import type { AnyOffering, OfferingActions, OfferingKind } from './use-offering-actions';

const yesNo = (t: Translate, value: boolean | undefined) => (value ? t('common.yes') : t('common.no'));
const orDash = (value: ReactNode) => (value === undefined || value === null || value === '' ? '—' : value);

/** The fields of a compute offering, every one the API reports. */
function ComputeRows({ offering }: { offering: ServiceOffering }) {
  const t = useT();
  const locale = useLocale();
  const bounds = customBounds(offering);
  return (
    <>
      <Row label={t('offerings.col.cpu')} value={cpuText(offering, t)} />
      <Row label={t('offerings.col.memory')} value={memoryText(offering, t, locale)} />
      <Row
        label={t('offerings.field.sizeKind')}
        value={t(
          !offering.iscustomized
            ? 'offerings.field.sizeFixed'
            : bounds
              ? 'offerings.field.sizeConstrained'
              : 'offerings.field.sizeUnconstrained',
        )}
      />
      <Row label={t('offerings.field.storagetype')} value={t(`offerings.storage.${offering.storagetype}`)} />
      <Row
        label={t('offerings.field.provisioningtype')}
        value={t(`offerings.provisioning.${offering.provisioningtype}`)}
      />
      <Row label={t('offerings.field.offerha')} value={yesNo(t, offering.offerha)} />
      <Row label={t('offerings.field.limitcpuuse')} value={yesNo(t, offering.limitcpuuse)} />
      <Row label={t('offerings.field.isvolatile')} value={yesNo(t, offering.isvolatile)} />
      <Row label={t('offerings.field.dynamicscaling')} value={yesNo(t, offering.dynamicscalingenabled)} />
      <Row label={t('offerings.field.hosttags')} value={orDash(offering.hosttags)} />
      <Row label={t('offerings.field.storagetags')} value={orDash(offering.storagetags)} />
      <Row label={t('offerings.field.networkrate')} value={orDash(offering.networkrate)} />
      {offering.cacheMode && <Row label={t('offerings.field.cacheMode')} value={offering.cacheMode} />}
      {offering.issystem && <Row label={t('offerings.field.systemvmtype')} value={orDash(offering.systemvmtype)} />}
    </>
  );
}

function DiskRows({ offering }: { offering: DiskOffering }) {
  const t = useT();
  const locale = useLocale();
  const bounds = useCustomDiskBounds();
  return (
    <>
      <Row label={t('offerings.col.size')} value={diskSizeText(offering, t, locale, bounds.data)} />
      <Row label={t('offerings.field.storagetype')} value={t(`offerings.storage.${offering.storagetype}`)} />
      <Row
        label={t('offerings.field.provisioningtype')}
        value={t(`offerings.provisioning.${offering.provisioningtype}`)}
      />
      <Row label={t('offerings.field.tags')} value={orDash(offering.tags)} />
      <Row label={t('offerings.field.displayoffering')} value={yesNo(t, offering.displayoffering)} />
      {offering.cacheMode && <Row label={t('offerings.field.cacheMode')} value={offering.cacheMode} />}
      {offering.iscustomizediops !== undefined && (
        <Row
          label={t('offerings.field.iops')}
          value={
            offering.iscustomizediops ? t('offerings.custom') : `${offering.miniops ?? 0}–${offering.maxiops ?? 0}`
          }
        />
      )}
    </>
  );
}

/** Detail drawer: a header of state and the caller's actions, then every field of the offering. */
export function OfferingDrawer(props: {
  kind: OfferingKind;
  offeringId: string;
  fallback?: AnyOffering;
  actions: OfferingActions;
  onClose(): void;
}) {
  const t = useT();
  const locale = useLocale();
  const compute = useComputeOffering(props.kind === 'compute' ? props.offeringId : undefined);
  const disk = useDiskOffering(props.kind === 'disk' ? props.offeringId : undefined);
  const query = props.kind === 'compute' ? compute : disk;
  const offering: AnyOffering | undefined = query.data ?? props.fallback;
  const { actions } = props;
  const remove = async (target: AnyOffering) => {
    if (await actions.remove(target)) props.onClose();
  };
  return (
    <Drawer
      opened
      onClose={props.onClose}
      position="right"
      size={520}
      title={t('common.details')}
      data-testid="offering-drawer"
    >
      {query.error && <ErrorAlert error={query.error} />}
      {offering ? (
        <Stack gap="sm">
          <Group gap="xs">
            <Title order={2}>{offering.name}</Title>
            <StateBadge state={offering.state} />
          </Group>
          {(actions.can.edit || actions.can.remove) && (
            <Group gap={6}>
              {actions.can.edit && (
                <Button variant="default" leftSection={<IconPencil size={14} />} onClick={() => actions.edit(offering)}>
                  {t('common.edit')}
                </Button>
              )}
              {actions.can.remove && (
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => void remove(offering)}
                >
                  {t('common.delete')}
                </Button>
              )}
            </Group>
          )}
          <Table withRowBorders={false} verticalSpacing={3} fz="sm">
            <Table.Tbody>
              <Row
                label={t('offerings.field.id')}
                value={
                  <Text ff="monospace" size="xs">
                    {offering.id}
                  </Text>
                }
              />
              <Row label={t('offerings.field.displaytext')} value={orDash(offering.displaytext)} />
              {props.kind === 'compute' ? (
                <ComputeRows offering={offering as ServiceOffering} />
              ) : (
                <DiskRows offering={offering as DiskOffering} />
              )}
              <Row label={t('offerings.field.domains')} value={offering.domain ?? t('offerings.public')} />
              <Row label={t('offerings.field.zones')} value={offering.zone ?? t('offerings.allZones')} />
              <Row label={t('offerings.field.created')} value={formatDateTime(offering.created, locale)} />
            </Table.Tbody>
          </Table>
        </Stack>
      ) : (
        <Text c="dimmed" size="sm">
          {query.isLoading ? t('common.loading') : t('common.empty')}
        </Text>
      )}
    </Drawer>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}
