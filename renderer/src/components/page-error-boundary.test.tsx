// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDomPolyfills } from '../test/render';
import { PageErrorBoundary } from './page-error-boundary';

function Broken({ message }: { message: string }): never {
  throw new Error(message);
}

const chunkFailure = {
  title: 'This page could not be downloaded',
  hint: 'The server may be down.',
  retryLabel: 'Try again',
};

describe('PageErrorBoundary', () => {
  beforeAll(() => installDomPolyfills());
  afterEach(() => cleanup());

  let retries = 0;
  const frame = (resetKey: string, child: React.ReactNode, online = true) => (
    <MantineProvider>
      <PageErrorBoundary
        resetKey={resetKey}
        title="This page could not be loaded"
        reloadLabel="Reload"
        chunkFailure={chunkFailure}
        online={online}
        onRetry={() => (retries += 1)}
      >
        {child}
      </PageErrorBoundary>
    </MantineProvider>
  );

  it('shows a failure with a reload instead of blanking the window, and clears on the next route', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = render(frame('/hosts', <Broken message="Cannot read properties of undefined" />));
    expect(screen.getByTestId('page-error').textContent).toContain('Cannot read properties of undefined');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    view.rerender(frame('/zones', <p>zones page</p>));
    expect(screen.queryByTestId('page-error')).toBeNull();
    expect(screen.getByText('zones page')).toBeTruthy();
  });

  it("words a page that failed to download calmly, never in the browser's words, and retries it", () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fails = true;
    function Page() {
      if (fails) throw new TypeError('Failed to fetch dynamically imported module: http://x/assets/hosts-page.js');
      return <p>hosts page</p>;
    }
    render(frame('/hosts', <Page />));
    const error = screen.getByTestId('page-error');
    expect(error.textContent).toContain('This page could not be downloaded');
    expect(error.textContent).not.toMatch(/dynamically imported module/);
    fails = false;
    const before = retries;
    fireEvent.click(screen.getByTestId('page-retry'));
    expect(screen.getByText('hosts page')).toBeTruthy();
    // The route table gets its chance to make a fresh download attempt first.
    expect(retries).toBe(before + 1);
  });

  it('loads a page that failed to download by itself once the server is back', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fails = true;
    function Page() {
      if (fails) throw new Error('Unable to preload CSS for /assets/hosts-page.css');
      return <p>hosts page</p>;
    }
    const view = render(frame('/hosts', <Page />, false));
    expect(screen.getByTestId('page-error').dataset['kind']).toBe('chunk');
    fails = false;
    view.rerender(frame('/hosts', <Page />, true));
    expect(screen.getByText('hosts page')).toBeTruthy();
  });
});
