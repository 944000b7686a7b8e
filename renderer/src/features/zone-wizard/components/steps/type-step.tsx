import { Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '../../../../lib/i18n';
import type { NetworkType } from '../../model/draft';
import { useWizard } from '../wizard-context';
import classes from '../zone-wizard.module.css';

/** Basic or Advanced, as CloudStack's first step. */
export function TypeStep() {
  const t = useT();
  const w = useWizard();
  const locked = w.locked('networktype');
  const options: { value: NetworkType; title: string; body: string; points: string[] }[] = [
    {
      value: 'Advanced',
      title: t('wizard.type.advanced'),
      body: t('wizard.type.advancedBody'),
      points: [t('wizard.type.advancedPoint1'), t('wizard.type.advancedPoint2'), t('wizard.type.advancedPoint3')],
    },
    {
      value: 'Basic',
      title: t('wizard.type.basic'),
      body: t('wizard.type.basicBody'),
      points: [t('wizard.type.basicPoint1'), t('wizard.type.basicPoint2'), t('wizard.type.basicPoint3')],
    },
  ];
  return (
    <Radio.Group
      value={w.draft.networktype}
      onChange={(value) =>
        w.update((d) => {
          d.networktype = value as NetworkType;
        })
      }
      aria-label={t('wizard.step.type')}
    >
      <SimpleGrid cols={2} spacing="sm">
        {options.map((o) => (
          <Radio.Card
            key={o.value}
            value={o.value}
            disabled={locked}
            radius="sm"
            p="md"
            data-testid={`zone-type-${o.value.toLowerCase()}`}
            aria-label={o.title}
            className={classes.typeCard}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={2} />
              <Stack gap={4}>
                <Text fw={600}>{o.title}</Text>
                <Text size="sm" c="dimmed">
                  {o.body}
                </Text>
                <Stack gap={2} mt={4} component="ul" pl="md" m={0}>
                  {o.points.map((p) => (
                    <Text component="li" size="sm" key={p}>
                      {p}
                    </Text>
                  ))}
                </Stack>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
