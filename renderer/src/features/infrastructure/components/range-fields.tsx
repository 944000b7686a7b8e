import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { formatNumber, useLocale, useT } from '../../../lib/i18n';
import { formatCidr } from '../../../../../core/src/contract/ipv4';
import { rangeInputCidr, rangeInputSize, type RangeErrors, type RangeInput } from '../lib/ip-validation';

/**
 * Gateway, netmask, start and end IP with their errors as the operator types: a malformed or
 * out-of-CIDR address shows at once, a missing one after the first submit.
 */
export function RangeFields(props: {
  value: RangeInput;
  onChange(value: RangeInput): void;
  errors: RangeErrors;
  submitted: boolean;
  endRequired?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const { value, errors } = props;
  const shown = (field: keyof RangeInput) => {
    const key = errors[field];
    if (!key) return undefined;
    if (key === 'common.required' && !props.submitted) return undefined;
    return t(key);
  };
  const field = (name: keyof RangeInput, label: string, placeholder: string, required = true) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={value[name]}
      onChange={(e) => props.onChange({ ...value, [name]: e.currentTarget.value })}
      error={shown(name)}
      required={required}
      autoComplete="off"
      spellCheck={false}
    />
  );
  const block = !errors.gateway && !errors.netmask ? rangeInputCidr(value) : undefined;
  const size = !errors.startip && !errors.endip ? rangeInputSize(value) : 0;
  return (
    <>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        {field('gateway', t('infra.ip.gateway'), '10.1.1.1')}
        {field('netmask', t('infra.ip.netmask'), '255.255.255.0')}
        {field('startip', t('infra.ip.startIp'), '10.1.1.10')}
        {field('endip', t('infra.ip.endIp'), '10.1.1.100', props.endRequired ?? false)}
      </SimpleGrid>
      <Text size="xs" c="dimmed" data-testid="range-summary">
        {block ? t('infra.ip.cidr', { cidr: formatCidr(block) }) : t('infra.ip.cidrUnknown')}
        {size > 0 ? ` · ${t('infra.ip.addresses', { count: formatNumber(size, locale) })}` : ''}
      </Text>
    </>
  );
}
