import { Text } from '@mantine/core';
import { formatNumber, useLocale, useT } from '../../../../lib/i18n';
import type { IpRangeDraft } from '../../model/draft';
import { cidrFromGateway, formatCidr, rangeSize } from '../../model/validators';
import { Field } from '../fields';

type RangeValue = Pick<IpRangeDraft, 'gateway' | 'netmask' | 'startip' | 'endip' | 'vlan'>;

/** Gateway, netmask, (VLAN), start and end of an IP range, with its block and size beneath. */
export function RangeFields({
  path,
  value,
  onChange,
  withVlan,
  startLabel,
}: {
  path: string;
  value: RangeValue;
  onChange(field: keyof RangeValue, value: string): void;
  withVlan?: boolean;
  startLabel?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const cidr = cidrFromGateway(value.gateway.trim(), value.netmask.trim());
  const size = rangeSize(value.startip, value.endip);
  return (
    <>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: withVlan ? '1fr 1fr 0.6fr 1fr 1fr' : 'repeat(4, 1fr)',
          gap: 'var(--mantine-spacing-sm)',
        }}
      >
        <Field
          path={`${path}.gateway`}
          label={t('wizard.range.gateway')}
          placeholder="192.168.100.1"
          value={value.gateway}
          onValue={(v) => onChange('gateway', v)}
          required
        />
        <Field
          path={`${path}.netmask`}
          label={t('wizard.range.netmask')}
          placeholder="255.255.255.0"
          value={value.netmask}
          onValue={(v) => onChange('netmask', v)}
          required
        />
        {withVlan && (
          <Field
            path={`${path}.vlan`}
            label={t('wizard.range.vlan')}
            placeholder={t('wizard.range.untagged')}
            value={value.vlan}
            onValue={(v) => onChange('vlan', v)}
          />
        )}
        <Field
          path={`${path}.startip`}
          label={startLabel ?? t('wizard.range.startip')}
          placeholder="192.168.100.10"
          value={value.startip}
          onValue={(v) => onChange('startip', v)}
          required
        />
        <Field
          path={`${path}.endip`}
          label={t('wizard.range.endip')}
          placeholder="192.168.100.99"
          value={value.endip}
          onValue={(v) => onChange('endip', v)}
          required
        />
      </div>
      {(cidr || size > 0) && (
        <Text size="xs" c="dimmed" mt={4} data-testid="range-info">
          {[
            cidr ? t('wizard.range.block', { cidr: formatCidr(cidr) }) : undefined,
            size > 0 ? t('wizard.range.size', { count: formatNumber(size, locale) }) : undefined,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
    </>
  );
}
