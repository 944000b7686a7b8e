import {
  ActionIcon,
  Button,
  Group,
  Loader,
  ScrollArea,
  SegmentedControl,
  Select,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import type { Role, RolePermission } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { ruleDescription } from '../lib/built-in-roles';
import { notifyError } from '../../../lib/notify';
import { useRolePermissions, type Permission } from '../api/get-roles';
import { useRuleMutations } from '../api/role-mutations';
import classes from './roles-page.module.css';

const RULE_PATTERN = /^[a-zA-Z0-9*]+$/;

/** The ordered rule list of a role: first match wins, so order matters and can be changed. */
export function RulesEditor({ role, editable }: { role: Role; editable: boolean }) {
  const t = useT();
  const rules = useRolePermissions(role.id);
  const mutations = useRuleMutations(role.id);
  const [rule, setRule] = useState('');
  const [permission, setPermission] = useState<Permission>('allow');
  const [description, setDescription] = useState('');
  const list = rules.data ?? [];
  const invalid = rule !== '' && !RULE_PATTERN.test(rule);

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!rule || invalid) return;
    mutations.create.mutate(
      { rule: rule.trim(), permission, description },
      {
        onSuccess: () => {
          setRule('');
          setDescription('');
        },
      },
    );
  };

  const move = (index: number, delta: number) => {
    const target = index + delta;
    if (target < 0 || target >= list.length) return;
    const next = [...list];
    const [item] = next.splice(index, 1);
    if (item) next.splice(target, 0, item);
    mutations.reorder.mutate(next, { onError: (e) => notifyError(e) });
  };

  const renderRow = (r: RolePermission, index: number) => (
    <Table.Tr key={r.id} data-testid="rule-row">
      <Table.Td w={36} c="dimmed">
        {index + 1}
      </Table.Td>
      <Table.Td ff="monospace" fz="xs">
        {r.rule}
      </Table.Td>
      <Table.Td w={150}>
        <SegmentedControl<Permission>
          size="xs"
          value={r.permission}
          disabled={!editable}
          color={r.permission === 'allow' ? 'green' : 'red'}
          onChange={(value) =>
            mutations.setPermission.mutate({ ruleid: r.id, permission: value }, { onError: (e) => notifyError(e) })
          }
          data={[
            { value: 'allow', label: t('roles.allow') },
            { value: 'deny', label: t('roles.deny') },
          ]}
        />
      </Table.Td>
      <Table.Td c="dimmed" fz="xs">
        {ruleDescription(t, r.description)}
      </Table.Td>
      {editable && (
        <Table.Td w={96}>
          <Group gap={0} wrap="nowrap">
            <Tooltip label={t('roles.moveUp')}>
              <ActionIcon
                size="sm"
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={t('roles.moveUp')}
              >
                <IconArrowUp size={14} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('roles.moveDown')}>
              <ActionIcon
                size="sm"
                disabled={index === list.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t('roles.moveDown')}
              >
                <IconArrowDown size={14} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('roles.deleteRule')}>
              <ActionIcon
                size="sm"
                color="red"
                onClick={() => mutations.remove.mutate(r, { onError: (e) => notifyError(e) })}
                aria-label={t('roles.deleteRule')}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );

  return (
    <div className={classes.rules}>
      <Group justify="space-between" mb={4}>
        <Text fw={600} size="sm">
          {t('roles.rules')} {rules.isFetching && <Loader size={10} ml={4} />}
        </Text>
        <Text size="xs" c="dimmed">
          {t('roles.ruleHint')}
        </Text>
      </Group>
      {editable && (
        <form onSubmit={add} className={classes.addRule} aria-label={t('roles.addRule')}>
          <TextInput
            placeholder={t('roles.rulePlaceholder')}
            aria-label={t('roles.rule')}
            value={rule}
            onChange={(e) => setRule(e.currentTarget.value)}
            error={invalid}
            w={220}
          />
          <Select<Permission>
            aria-label={t('roles.permission')}
            value={permission}
            onChange={(v) => setPermission(v ?? 'allow')}
            allowDeselect={false}
            data={[
              { value: 'allow', label: t('roles.allow') },
              { value: 'deny', label: t('roles.deny') },
            ]}
            w={100}
          />
          <TextInput
            placeholder={t('common.description')}
            aria-label={t('common.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            type="submit"
            leftSection={<IconPlus size={14} />}
            loading={mutations.create.isPending}
            disabled={!rule || invalid}
          >
            {t('roles.addRule')}
          </Button>
        </form>
      )}
      {mutations.create.error && <ErrorAlert error={mutations.create.error} />}
      {rules.error && <ErrorAlert error={rules.error} />}
      <ScrollArea className={classes.rulesScroll}>
        {list.length === 0 && !rules.isLoading ? (
          <Text size="sm" c="dimmed" p="sm">
            {t('roles.noRules')}
          </Text>
        ) : (
          <Table verticalSpacing={2} fz="sm" highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('roles.rule')}</Table.Th>
                <Table.Th>{t('roles.permission')}</Table.Th>
                <Table.Th>{t('common.description')}</Table.Th>
                {editable && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{list.map(renderRow)}</Table.Tbody>
          </Table>
        )}
      </ScrollArea>
    </div>
  );
}
