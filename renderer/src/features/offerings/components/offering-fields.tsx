import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import type { OfferingDraft } from '../lib/checks';

type Patch = (next: Partial<OfferingDraft>) => void;

/** The basics step of an offering wizard: its name and display text. */
export function NameFields(props: { draft: OfferingDraft; nameError: string | undefined; onChange: Patch }) {
  const t = useT();
  return (
    <>
      <TextInput
        label={t('offerings.field.name')}
        value={props.draft.name}
        onChange={(e) => props.onChange({ name: e.currentTarget.value })}
        error={props.nameError}
        required
        data-autofocus
      />
      <TextInput
        label={t('offerings.field.displaytext')}
        description={t('offerings.field.displaytextHint')}
        value={props.draft.displaytext}
        onChange={(e) => props.onChange({ displaytext: e.currentTarget.value })}
      />
    </>
  );
}

/** Where an offering's volumes live (shared or local storage) and how they are provisioned. */
export function StorageTypeFields(props: { draft: OfferingDraft; onChange: Patch }) {
  const t = useT();
  return (
    <SimpleGrid cols={2} spacing="sm">
      <Select
        label={t('offerings.field.storagetype')}
        data={(['shared', 'local'] as const).map((v) => ({ value: v, label: t(`offerings.storage.${v}`) }))}
        value={props.draft.storagetype}
        onChange={(v) => props.onChange({ storagetype: (v ?? 'shared') as OfferingDraft['storagetype'] })}
        allowDeselect={false}
      />
      <Select
        label={t('offerings.field.provisioningtype')}
        data={(['thin', 'sparse', 'fat'] as const).map((v) => ({ value: v, label: t(`offerings.provisioning.${v}`) }))}
        value={props.draft.provisioningtype}
        onChange={(v) => props.onChange({ provisioningtype: (v ?? 'thin') as OfferingDraft['provisioningtype'] })}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}
