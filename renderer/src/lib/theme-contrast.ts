import type { CSSVariablesResolver } from '@mantine/core';

/** WCAG AA for normal text, with a little room for rounding. */
const MIN_CONTRAST = 4.6;

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function hexOf(rgb: Rgb): string {
  return `#${rgb
    .map((v) =>
      Math.round(Math.max(0, Math.min(255, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function luminance(rgb: Rgb): number {
  const [r = 0, g = 0, b = 0] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(rgbOf(a)), luminance(rgbOf(b))].sort((m, n) => n - m) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/**
 * `text` moved towards black (or white) in small steps until it reads on every one of
 * `backgrounds` at WCAG AA; unchanged when it already does.
 */
export function readableOn(text: string, backgrounds: string[], towards: 'black' | 'white'): string {
  const target: Rgb = towards === 'black' ? [0, 0, 0] : [255, 255, 255];
  const start = rgbOf(text);
  for (let step = 0; step <= 20; step++) {
    const mix = step / 20;
    const candidate = hexOf(start.map((v, i) => v + ((target[i] ?? 0) - v) * mix) as Rgb);
    if (backgrounds.every((bg) => contrast(candidate, bg) >= MIN_CONTRAST)) return candidate;
  }
  return towards === 'black' ? '#000000' : '#ffffff';
}

/**
 * Mantine's light variant (badges, light buttons) puts shade 9 on shade 1, outlines are in the
 * primary shade on white, and its dimmed text is
 * grey 6 on white (light) or dark 2 on dark 7: all below 4.5:1 for some colours. The same shades,
 * darkened (light scheme) or lightened (dark scheme) just enough to read.
 */
export const readableVariables: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {};
  for (const [name, shades] of Object.entries(theme.colors)) {
    const [s0 = '#fff', s1 = '#fff', , , , , , , , s9 = '#000'] = shades;
    light[`--mantine-color-${name}-light-color`] = readableOn(s9, [s1, s0, '#ffffff'], 'black');
    light[`--mantine-color-${name}-outline`] = readableOn(shades[7] ?? s9, ['#ffffff', s0], 'black');
  }
  const gray = theme.colors.gray;
  const dark = theme.colors.dark;
  light['--mantine-color-dimmed'] = readableOn(
    gray[6] ?? '#868e96',
    ['#ffffff', gray[0] ?? '#f8f9fa', gray[1] ?? '#f1f3f5'],
    'black',
  );
  return {
    variables: {},
    light,
    dark: {
      '--mantine-color-dimmed': readableOn(
        dark[2] ?? '#828282',
        [dark[7] ?? '#242424', dark[6] ?? '#2e2e2e', dark[5] ?? '#3b3b3b'],
        'white',
      ),
    },
  };
};
