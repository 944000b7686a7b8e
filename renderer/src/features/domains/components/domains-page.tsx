import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tree,
  UnstyledButton,
  useTree,
} from '@mantine/core';
import {
  IconChevronRight,
  IconFolder,
  IconFolderOpen,
  IconPencil,
  IconPlus,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useConfirm } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ScopedSettingsTab } from '../../../components/settings/scoped-settings-tab';
import { StateBadge } from '../../../components/state-badge';
import type { Domain } from '../../../lib/contract';
import { formatDateTime, useLocale, useT } from '../../../lib/i18n';
import { domainLabel, useAccountOptions } from '../../../lib/lookups';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCan } from '../../../lib/permissions';
import { href, navigate, replaceQuery, useLocation } from '../../../lib/router';
import { useUiStore } from '../../../lib/ui-store';
import { useCreateDomain, useDeleteDomain, useUpdateDomain } from '../api/domain-mutations';
import { buildDomainTree, useDomains, type DomainNode } from '../api/get-domains';
import classes from './domains-page.module.css';
import { FormFooter } from '../../../components/form-footer';

function filterTree(nodes: DomainNode[], text: string): DomainNode[] {
  if (!text) return nodes;
  const needle = text.toLowerCase();
  const out: DomainNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, text);
    if (node.label.toLowerCase().includes(needle) || children.length > 0) out.push({ ...node, children });
  }
  return out;
}

export function DomainsPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const confirm = useConfirm();
  const { query } = useLocation();
  const domains = useDomains();
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<'create' | 'rename' | null>(null);
  const deleteDomain = useDeleteDomain();

  const all = useMemo(() => domains.data?.items ?? [], [domains.data]);
  const tree = useMemo(() => filterTree(buildDomainTree(all), filter), [all, filter]);
  const selectedId = query.get('id') ?? all.find((d) => !d.parentdomainid)?.id;
  const selected = all.find((d) => d.id === selectedId);

  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const expandedState = useMemo(() => {
    const state: Record<string, boolean> = {};
    for (const d of all) state[d.id] = !collapsed[d.id];
    return state;
  }, [all, collapsed]);
  const controller = useTree({
    expandedState,
    onExpandedStateChange: (next) => {
      const c: Record<string, boolean> = {};
      for (const [id, open] of Object.entries(next)) if (!open) c[id] = true;
      setCollapsed(c);
    },
    selectedState: selectedId ? [selectedId] : [],
    onSelectedStateChange: () => {},
  });

  const pending = useUiStore((s) => s.pendingAction);
  const consume = useUiStore((s) => s.consumeAction);
  useEffect(() => {
    if (pending === 'create-domain' && consume('create-domain')) setDialog('create');
  }, [pending, consume]);

  const onDelete = async (domain: Domain) => {
    const result = await confirm({
      title: t('domains.delete'),
      message: t('domains.deleteConfirm', { name: domainLabel(domain) }),
      confirmLabel: t('common.delete'),
      danger: true,
      option: { label: t('domains.cleanup'), hint: t('domains.cleanupHint') },
    });
    if (!result.confirmed) return;
    try {
      await deleteDomain(domain, result.option, `${t('domains.delete')}: ${domain.name}`);
      if (domain.parentdomainid) replaceQuery({ id: domain.parentdomainid });
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Stack gap={0} h="100%">
      <PageHeader title={t('domains.title')} count={domains.data?.count}>
        <ActionIcon
          onClick={() => void domains.refetch()}
          aria-label={t('common.refresh')}
          loading={domains.isFetching}
        >
          <IconRefresh size={16} />
        </ActionIcon>
        {can('createDomain') && (
          <Button leftSection={<IconPlus size={14} />} onClick={() => setDialog('create')} disabled={!selected}>
            {t('domains.create')}
          </Button>
        )}
      </PageHeader>
      {domains.error && <ErrorAlert error={domains.error} />}
      <div className={classes.split}>
        <Paper withBorder className={classes.treePane}>
          <TextInput
            placeholder={t('domains.filter')}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            m="xs"
            aria-label={t('domains.filter')}
          />
          <ScrollArea className={classes.treeScroll}>
            <Tree
              data={tree}
              tree={controller}
              levelOffset={18}
              expandOnClick={false}
              selectOnClick={false}
              aria-label={t('domains.title')}
              renderNode={({ node, expanded, hasChildren, elementProps, tree: ctrl }) => (
                <div {...elementProps} className={`${elementProps.className} ${classes.node}`}>
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    onClick={(e) => {
                      e.stopPropagation();
                      ctrl.toggleExpanded(node.value);
                    }}
                    style={{ visibility: hasChildren ? 'visible' : 'hidden' }}
                    aria-label={node.value}
                  >
                    <IconChevronRight size={12} style={{ transform: expanded ? 'rotate(90deg)' : undefined }} />
                  </ActionIcon>
                  <UnstyledButton
                    className={classes.nodeLabel}
                    data-active={node.value === selectedId || undefined}
                    onClick={() => replaceQuery({ id: node.value })}
                  >
                    {expanded && hasChildren ? <IconFolderOpen size={14} /> : <IconFolder size={14} />}
                    <span>{node.label}</span>
                  </UnstyledButton>
                </div>
              )}
            />
          </ScrollArea>
        </Paper>
        <Paper withBorder p="md" className={classes.detailPane}>
          {selected ? (
            <DomainDetails
              domain={selected}
              onCreate={() => setDialog('create')}
              onRename={() => setDialog('rename')}
              onDelete={() => void onDelete(selected)}
              canCreate={can('createDomain')}
              canUpdate={can('updateDomain')}
              canDelete={can('deleteDomain')}
              canListSettings={can('listConfigurations')}
              locale={locale}
            />
          ) : (
            <Text c="dimmed" size="sm">
              {t('domains.select')}
            </Text>
          )}
        </Paper>
      </div>
      {selected && dialog === 'create' && <CreateDomainDialog parent={selected} onClose={() => setDialog(null)} />}
      {selected && dialog === 'rename' && <RenameDomainDialog domain={selected} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function DomainDetails(props: {
  domain: Domain;
  onCreate(): void;
  onRename(): void;
  onDelete(): void;
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  canListSettings: boolean;
  locale: ReturnType<typeof useLocale>;
}) {
  const t = useT();
  const { domain } = props;
  const accounts = useAccountOptions(domain.id);
  const inDomain = (accounts.data ?? []).filter((a) => a.domainid === domain.id);
  const isRoot = !domain.parentdomainid;
  return (
    <Stack gap="sm" data-testid="domain-details">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Title order={2}>{domain.name}</Title>
          <StateBadge state={domain.state ?? 'Active'} />
        </Group>
        <Group gap="xs">
          {props.canCreate && (
            <Button variant="default" leftSection={<IconPlus size={14} />} onClick={props.onCreate}>
              {t('domains.create')}
            </Button>
          )}
          {props.canUpdate && !isRoot && (
            <Button variant="default" leftSection={<IconPencil size={14} />} onClick={props.onRename}>
              {t('common.rename')}
            </Button>
          )}
          {props.canDelete && !isRoot && (
            <Button variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={props.onDelete}>
              {t('common.delete')}
            </Button>
          )}
        </Group>
      </Group>
      <Table withRowBorders={false} verticalSpacing={3} fz="sm" className={classes.props}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>{t('domains.path')}</Table.Th>
            <Table.Td>{domainLabel(domain)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('common.id')}</Table.Th>
            <Table.Td ff="monospace" fz="xs">
              {domain.id}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('domains.parent')}</Table.Th>
            <Table.Td>{domain.parentdomainname ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('domains.level')}</Table.Th>
            <Table.Td>{domain.level}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('domains.networkDomain')}</Table.Th>
            <Table.Td>{domain.networkdomain ?? '—'}</Table.Td>
          </Table.Tr>
          {domain.created && (
            <Table.Tr>
              <Table.Th>{t('common.created')}</Table.Th>
              <Table.Td>{formatDateTime(domain.created, props.locale)}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <div>
        <Group gap={6} mb={4}>
          <Text fw={600} size="sm">
            {t('domains.accounts')}
          </Text>
          <Badge variant="default">{inDomain.length}</Badge>
        </Group>
        <Group gap={6}>
          {inDomain.slice(0, 50).map((a) => (
            <Badge
              key={a.id}
              variant="outline"
              color="gray"
              component="a"
              href={href('/accounts', { id: a.id })}
              style={{ cursor: 'pointer', textTransform: 'none' }}
            >
              {a.name}
            </Badge>
          ))}
          {inDomain.length > 50 && (
            <Anchor size="xs" href={href('/accounts', { domainid: domain.id })}>
              +{inDomain.length - 50}
            </Anchor>
          )}
        </Group>
      </div>
      {props.canListSettings && (
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('settings.tab')}
          </Text>
          <ScopedSettingsTab scope={{ kind: 'domain', id: domain.id }} />
        </div>
      )}
    </Stack>
  );
}

function CreateDomainDialog({ parent, onClose }: { parent: Domain; onClose(): void }) {
  const t = useT();
  const create = useCreateDomain();
  const [name, setName] = useState('');
  const [networkdomain, setNetworkdomain] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), parentdomainid: parent.id, networkdomain: networkdomain.trim() },
      {
        onSuccess: (domain) => {
          notifySuccess(t('domains.created', { name: domain.name ?? name }));
          onClose();
          if (domain.id) navigate('/domains', { id: domain.id });
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('domains.createIn', { parent: domainLabel(parent) })}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('common.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
            size="sm"
          />
          <TextInput
            label={t('domains.networkDomain')}
            value={networkdomain}
            onChange={(e) => setNetworkdomain(e.currentTarget.value)}
            size="sm"
          />
          <FormFooter
            error={create.error}
            pending={create.isPending}
            onCancel={onClose}
            submitLabel={t('common.create')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function RenameDomainDialog({ domain, onClose }: { domain: Domain; onClose(): void }) {
  const t = useT();
  const update = useUpdateDomain();
  const [name, setName] = useState(domain.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { id: domain.id, name: name.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('domains.renamed', { name: name.trim() }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('domains.rename')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('common.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
            size="sm"
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
