import {
  createTheme,
  localStorageColorSchemeManager,
  mergeThemeOverrides,
  type MantineColorScheme,
  type MantineThemeOverride,
} from '@mantine/core';

/**
 * Dense and calm: operators read tables for hours. Small radius, compact controls, a neutral
 * slate primary so the state colours (green, blue, grey, amber, red, violet) stand out.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Indigo 7: white on it (filled buttons) and it on white (links) read at 4.5:1; 6 and 5 fall short.
  primaryShade: { light: 7, dark: 7 },
  defaultRadius: 'sm',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", "Nanum Gothic", sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, monospace',
  fontSizes: { xs: '0.75rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  headings: { sizes: { h1: { fontSize: '1.375rem' }, h2: { fontSize: '1.125rem' }, h3: { fontSize: '1rem' } } },
  components: {
    Button: { defaultProps: { size: 'xs' } },
    ActionIcon: { defaultProps: { variant: 'subtle', color: 'gray' } },
    TextInput: { defaultProps: { size: 'xs' } },
    PasswordInput: { defaultProps: { size: 'xs' } },
    Select: { defaultProps: { size: 'xs' } },
    MultiSelect: { defaultProps: { size: 'xs' } },
    Textarea: { defaultProps: { size: 'xs' } },
    Checkbox: { defaultProps: { size: 'xs' } },
    Switch: { defaultProps: { size: 'xs' } },
    SegmentedControl: { defaultProps: { size: 'xs' } },
    Badge: { defaultProps: { size: 'sm', radius: 'sm', variant: 'light' } },
    Modal: {
      defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.4, blur: 1 } },
      styles: { title: { fontWeight: 600 } },
    },
    Drawer: { styles: { title: { fontWeight: 600 } } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Menu: { defaultProps: { shadow: 'md', withinPortal: true } },
  },
});

/** The theme with every close button named `label` (Mantine leaves them unnamed). */
export function withCloseLabels(base: MantineThemeOverride, label: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': label };
  return mergeThemeOverrides(base, {
    components: {
      Drawer: { defaultProps: { closeButtonProps } },
      Modal: { defaultProps: { closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
    },
  });
}

export const COLOR_SCHEME_KEY = 'stackyard.color-scheme';
export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });
export const DEFAULT_COLOR_SCHEME: MantineColorScheme = 'light';

/** A stable colour per connection profile, so two clouds never look alike. */
// Not red, green, grey or amber: those are state colours.
const PROFILE_COLORS = ['teal', 'grape', 'cyan', 'pink', 'indigo', 'orange'] as const;

export function profileColor(target: string): string {
  if (target === 'embedded') return 'teal';
  let hash = 0;
  for (const ch of target) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PROFILE_COLORS[hash % PROFILE_COLORS.length] ?? 'grape';
}
