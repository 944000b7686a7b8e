import { Badge, Text, UnstyledButton } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { RESULT_ACTIONS, type PaletteItem } from './command-palette-items';
import classes from './command-palette.module.css';

export const optionId = (index: number) => `palette-option-${index}`;

interface Group {
  key: string;
  label: string;
  entries: { item: PaletteItem; index: number }[];
}

function groupsOf(items: PaletteItem[]): Group[] {
  const groups: Group[] = [];
  items.forEach((item, index) => {
    const last = groups[groups.length - 1];
    if (last && last.key === item.group) last.entries.push({ item, index });
    else groups.push({ key: item.group, label: item.groupLabel, entries: [{ item, index }] });
  });
  return groups;
}

/** The palette's listbox: one labelled group per heading, the active option marked for assistive tech. */
export function PaletteList(props: {
  id: string;
  label: string;
  items: PaletteItem[];
  active: number;
  onHover(index: number): void;
  onChoose(item: PaletteItem): void;
  /** A hint shown on the active option when it has actions ("Tab: actions"). */
  actionsHint?(item: PaletteItem): string | undefined;
}) {
  return (
    <div role="listbox" id={props.id} aria-label={props.label} className={classes.list}>
      {groupsOf(props.items).map((group) => (
        <div key={group.key} role="group" aria-labelledby={`${props.id}-${group.key}`}>
          <Text
            id={`${props.id}-${group.key}`}
            size="xs"
            fw={700}
            c="dimmed"
            // A heading naming a resource keeps its name as written.
            tt={group.key === RESULT_ACTIONS ? undefined : 'uppercase'}
            px="sm"
            pt={8}
            pb={2}
            role="presentation"
          >
            {group.label}
          </Text>
          {group.entries.map(({ item, index }) => (
            <UnstyledButton
              key={item.id}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === props.active}
              className={classes.item}
              data-active={index === props.active || undefined}
              data-item={item.id}
              onMouseEnter={() => props.onHover(index)}
              onClick={() => props.onChoose(item)}
            >
              {item.icon}
              <span className={classes.label}>
                <Text size="sm" span>
                  {item.label}
                </Text>
                {item.detail && (
                  <Text size="xs" c="dimmed" className={classes.detail}>
                    {item.detail}
                  </Text>
                )}
              </span>
              {item.badge && (
                <Badge size="xs" variant="light" color="gray">
                  {item.badge}
                </Badge>
              )}
              {index === props.active && props.actionsHint?.(item) && (
                <Text size="xs" className={classes.hint}>
                  {props.actionsHint(item)}
                </Text>
              )}
              {index === props.active && <IconArrowRight size={14} aria-hidden />}
            </UnstyledButton>
          ))}
        </div>
      ))}
    </div>
  );
}
