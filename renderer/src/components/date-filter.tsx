import '@mantine/dates/styles.css';
import { Text } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/ko';
import { useLocale, useT, type Locale } from '../lib/i18n';

/** How the locale writes a day (the same order as its date-times), a month and a year (dayjs formats). */
const FORMATS: Record<Locale, { day: string; month: string; year: string }> = {
  en: { day: 'MM/DD/YYYY', month: 'MMMM YYYY', year: 'YYYY' },
  ko: { day: 'YYYY. MM. DD.', month: 'YYYY년 M월', year: 'YYYY년' },
};

/**
 * A list filter on one day (YYYY-MM-DD, as the API takes it), written and picked in the app's
 * language whatever the browser's: a native date input follows the browser's locale instead.
 */
export function DateFilter(props: {
  label: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
  testId?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const format = FORMATS[locale];
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 0 }}>
      <DatePickerInput
        // The name holds the day shown (axe: a control's name includes its visible text).
        aria-label={props.value ? `${props.label} ${dayjs(props.value).format(format.day)}` : props.label}
        leftSection={
          <Text size="xs" c="dimmed">
            {props.label}
          </Text>
        }
        leftSectionWidth={56}
        valueFormat={format.day}
        monthLabelFormat={format.month}
        yearLabelFormat={format.year}
        getDayAriaLabel={(day) => dayjs(day).format(format.day)}
        ariaLabels={{
          previousMonth: t('common.previousMonth'),
          nextMonth: t('common.nextMonth'),
          previousYear: t('common.previousYear'),
          nextYear: t('common.nextYear'),
          previousDecade: t('common.previousDecade'),
          nextDecade: t('common.nextDecade'),
          monthLevelControl: t('common.pickMonth'),
          yearLevelControl: t('common.pickYear'),
        }}
        value={props.value ?? null}
        onChange={(value) => props.onChange(value ?? undefined)}
        clearable
        highlightToday
        w={190}
        data-testid={props.testId}
      />
    </DatesProvider>
  );
}
