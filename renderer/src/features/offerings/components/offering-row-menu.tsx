import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { createContext, useContext } from 'react';
import { useT } from '../../../lib/i18n';
import type { AnyOffering, OfferingActions } from './use-offering-actions';

/** Lets table cells reach the page's actions without making the column definitions unstable. */
export const OfferingActionsContext = createContext<OfferingActions | null>(null);

export function OfferingRowMenu({ offering }: { offering: AnyOffering }) {
  const t = useT();
  const actions = useContext(OfferingActionsContext);
  if (!actions || (!actions.can.edit && !actions.can.remove)) return null;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon
          size="sm"
          aria-label={`${t('common.actions')} ${offering.name}`}
          onClick={(e) => e.stopPropagation()}
        >
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
        {actions.can.edit && (
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => actions.edit(offering)}>
            {t('common.edit')}
          </Menu.Item>
        )}
        {actions.can.remove && (
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void actions.remove(offering)}>
            {t('common.delete')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
