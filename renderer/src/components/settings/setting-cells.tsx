import { ActionIcon, Badge, Group, Popover, Switch, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowBackUp, IconPencil } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { errorText } from '../../lib/api-error';
import {
  formatSettingValue,
  settingDescription,
  useSettingMutations,
  validateSettingValue,
  type SettingsScope,
} from '../../lib/configurations';
import type { Configuration } from '../../lib/contract';
import { useT, type MessageKey, type Translate } from '../../lib/i18n';
import { notifySuccess } from '../../lib/notify';
import { ErrorAlert } from '../error-alert';
import classes from './settings.module.css';

/** A dotted name that may break after its dots (<wbr>, so a copied name stays the same text). */
function BreakableName({ name }: { name: string }) {
  const parts = name.split('.');
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          .<wbr />
        </>
      )}
    </Fragment>
  ));
}

/**
 * The setting's name, and its description in the operator's language. In a fixed-height row the
 * name is cut with its whole text in a tooltip; `wrapName` lets it break at its dots instead.
 */
export function SettingNameCell({ setting, wrapName = false }: { setting: Configuration; wrapName?: boolean }) {
  const t = useT();
  const description = settingDescription(t, setting);
  return (
    <div className={classes.nameCell}>
      <Text
        size="xs"
        ff="monospace"
        fw={600}
        truncate={!wrapName}
        title={wrapName ? undefined : setting.name}
        className={wrapName ? classes.wrappedName : undefined}
      >
        {wrapName ? <BreakableName name={setting.name} /> : setting.name}
      </Text>
      <Text size="xs" c="dimmed" truncate title={description} className={classes.description}>
        {description}
      </Text>
    </div>
  );
}

/** Whether the value shown is stored at this scope (so resetting it changes something). */
export function isSetHere(setting: Configuration, scope: SettingsScope): boolean {
  return scope.kind === 'global' ? setting.valuesource === 'global' : setting.valuesource === scope.kind;
}

function scopeName(t: Translate, kind: string): string {
  return t(`settings.scope.${kind}` as MessageKey);
}

/** Where a scoped value comes from: set on this resource, or inherited (from which scope). */
export function SettingSourceBadge({ setting, scope }: { setting: Configuration; scope: SettingsScope }) {
  const t = useT();
  if (scope.kind === 'global') return null;
  const here = isSetHere(setting, scope);
  const label = here
    ? t('settings.source.here', { scope: scopeName(t, scope.kind).toLowerCase() })
    : setting.valuesource === 'default'
      ? t('settings.source.inheritedDefault')
      : t('settings.source.inherited', { source: scopeName(t, setting.valuesource).toLowerCase() });
  return (
    <Badge
      variant={here ? 'filled' : 'outline'}
      color={here ? 'blue.8' : 'gray'}
      tt="none"
      data-testid="setting-source"
    >
      {label}
    </Badge>
  );
}

/** "Changed": the value in effect differs from the default. */
export function ChangedBadge({ setting }: { setting: Configuration }) {
  const t = useT();
  if (setting.isdefault) return null;
  return (
    <Tooltip label={t('settings.changedHint')}>
      <Badge variant="light" color="orange" tt="none" data-testid="setting-changed">
        {t('settings.changed')}
      </Badge>
    </Tooltip>
  );
}

/** Resets the value stored at this scope (globally: back to the default; on a resource: inherit again). */
export function SettingResetButton({ setting, scope }: { setting: Configuration; scope: SettingsScope }) {
  const t = useT();
  const { reset } = useSettingMutations(scope);
  if (!isSetHere(setting, scope)) return null;
  const label =
    scope.kind === 'global'
      ? t('settings.resetToDefault')
      : t('settings.resetToInherited', { scope: scopeName(t, scope.kind).toLowerCase() });
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color="gray"
        loading={reset.isPending}
        aria-label={`${t('settings.reset', { name: setting.name })}: ${label}`}
        onClick={() =>
          reset.mutate(setting.name, {
            onSuccess: () => notifySuccess(t('settings.resetDone', { name: setting.name })),
          })
        }
      >
        <IconArrowBackUp size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** Click to edit; Enter saves with updateConfiguration at the scope, Esc cancels; errors stay next to the value. */
export function SettingValueCell(props: { setting: Configuration; scope: SettingsScope; editable: boolean }) {
  const { setting, scope, editable } = props;
  const t = useT();
  const { update } = useSettingMutations(scope);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(setting.value);
  const [error, setError] = useState<string | undefined>();

  const save = (value: string) => {
    const invalid = validateSettingValue(setting, value);
    if (invalid) return setError(t(invalid.key, invalid.vars));
    update.mutate(
      { name: setting.name, value: value.trim() },
      {
        onSuccess: () => {
          setEditing(false);
          setError(undefined);
          notifySuccess(t('settings.updated', { name: setting.name }));
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };

  if (setting.type === 'Boolean') {
    return (
      <Group gap={6} wrap="nowrap">
        <Switch
          checked={setting.value === 'true'}
          disabled={!editable || update.isPending}
          onChange={(e) => save(String(e.currentTarget.checked))}
          aria-label={setting.name}
        />
        {error && (
          <Text size="xs" c="red" truncate>
            {error}
          </Text>
        )}
      </Group>
    );
  }

  const shown = formatSettingValue(t, setting);
  const hint = setting.unit === 'fraction' ? t('settings.fractionHint') : t('settings.editHint');
  return (
    <Popover
      opened={editing}
      onChange={setEditing}
      position="bottom-start"
      width={360}
      trapFocus
      withinPortal
      shadow="md"
    >
      <Popover.Target>
        <UnstyledButton
          className={classes.value}
          disabled={!editable}
          data-testid="setting-value"
          onClick={() => {
            setDraft(setting.value);
            setError(undefined);
            setEditing(true);
          }}
          // The value as shown, then what the button does: the spoken name holds the visible text.
          aria-label={`${shown} · ${t('common.edit')} ${setting.name}`}
        >
          <Text size="xs" ff="monospace" truncate>
            {shown}
          </Text>
          {editable && <IconPencil size={12} className={classes.pencil} />}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <TextInput
          value={draft}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            setError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save(draft);
            if (e.key === 'Escape') setEditing(false);
          }}
          error={error}
          description={hint}
          label={setting.name}
          rightSection={setting.unit && setting.unit !== 'fraction' ? <UnitSuffix t={t} unit={setting.unit} /> : null}
          rightSectionWidth={56}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-autofocus
        />
        {update.error && !error && <ErrorAlert error={update.error} />}
      </Popover.Dropdown>
    </Popover>
  );
}

/** The unit alone ("s", "초", "GiB"), shown inside the input. */
function UnitSuffix({ t, unit }: { t: Translate; unit: NonNullable<Configuration['unit']> }) {
  const text = t(`settings.unit.${unit}` as MessageKey, { value: '' }).trim();
  return (
    <Text size="xs" c="dimmed">
      {text}
    </Text>
  );
}
