// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomPolyfills } from '../test/render';
import { PageErrorBoundary } from './page-error-boundary';

function Broken(): never {
  throw new Error('Failed to fetch dynamically imported module');
}

describe('PageErrorBoundary', () => {
  beforeAll(() => installDomPolyfills());

  it('shows the failure with a reload instead of blanking the window, and clears on the next route', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const frame = (resetKey: string, child: React.ReactNode) => (
      <MantineProvider>
        <PageErrorBoundary resetKey={resetKey} title="This page could not be loaded" reloadLabel="Reload">
          {child}
        </PageErrorBoundary>
      </MantineProvider>
    );
    const view = render(frame('/hosts', <Broken />));
    expect(screen.getByTestId('page-error').textContent).toContain('Failed to fetch dynamically imported module');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    view.rerender(frame('/zones', <p>zones page</p>));
    expect(screen.queryByTestId('page-error')).toBeNull();
    expect(screen.getByText('zones page')).toBeTruthy();
  });
});
