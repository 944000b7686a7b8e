import { Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormFooter } from '../../../components/form-footer';
import { useT } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useUpdateOffering } from '../api/offering-mutations';
import { wholeNumber } from '../lib/checks';
import { useProblemText } from './use-problem-text';
import type { AnyOffering, OfferingKind } from './use-offering-actions';

/**
 * updateServiceOffering / updateDiskOffering: the name, display text and sort key (what the API
 * changes besides the scope). Only changed fields are sent.
 */
export function EditOfferingDialog({
  kind,
  offering,
  onClose,
}: {
  kind: OfferingKind;
  offering: AnyOffering;
  onClose(): void;
}) {
  const t = useT();
  const text = useProblemText();
  const update = useUpdateOffering();
  const [name, setName] = useState(offering.name);
  const [displaytext, setDisplaytext] = useState(offering.displaytext ?? '');
  const [sortkey, setSortkey] = useState('');
  const [touched, setTouched] = useState(false);
  const sortValue = wholeNumber(sortkey);
  const errors = {
    name: !name.trim() ? text({ ui: 'offerings.error.required' }) : undefined,
    sortkey:
      sortValue !== undefined && Number.isNaN(sortValue) ? text({ ui: 'offerings.error.wholeNumber' }) : undefined,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (errors.name || errors.sortkey) return;
    update.mutate(
      {
        kind,
        input: {
          id: offering.id,
          name: name.trim() !== offering.name ? name.trim() : undefined,
          displaytext: displaytext !== (offering.displaytext ?? '') ? displaytext : undefined,
          sortkey: sortValue,
        },
      },
      {
        onSuccess: (updated) => {
          notifySuccess(t('offerings.updated', { name: updated.name }));
          onClose();
        },
      },
    );
  };

  const title = t(kind === 'compute' ? 'offerings.compute.edit' : 'offerings.disk.edit');
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <TextInput
            label={t('offerings.field.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={touched ? errors.name : undefined}
            required
            data-autofocus
          />
          <TextInput
            label={t('offerings.field.displaytext')}
            value={displaytext}
            onChange={(e) => setDisplaytext(e.currentTarget.value)}
          />
          <TextInput
            label={t('offerings.field.sortkey')}
            description={t('offerings.field.sortkeyHint')}
            inputMode="numeric"
            value={sortkey}
            onChange={(e) => setSortkey(e.currentTarget.value)}
            error={touched ? errors.sortkey : undefined}
          />
          <FormFooter
            error={update.error}
            pending={update.isPending}
            onCancel={onClose}
            submitLabel={t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
