import { Button, Center, Group, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';

/** The texts of a page whose code could not be downloaded (the server or the network is away). */
export interface ChunkFailureText {
  title: string;
  hint: string;
  retryLabel: string;
}

interface Props {
  /** Changing the key (the route) clears the error. */
  resetKey: string;
  title: string;
  reloadLabel: string;
  /** Shown instead of the browser's raw message when the page's code failed to download. */
  chunkFailure?: ChunkFailureText;
  /** False while the server is lost; turning true again retries a page that failed to download. */
  online?: boolean;
  /** Called before a page that failed to download is rendered again (to make a fresh attempt). */
  onRetry?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * What browsers and Vite say when a lazily loaded page (or its CSS) cannot be fetched:
 * Chromium, Firefox, Safari, Vite's CSS preload.
 */
const CHUNK_FAILURE =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS|Loading (CSS )?chunk/i;

export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_FAILURE.test(error.message);
}

/**
 * Keeps a page that fails to load or render (a lazy chunk missing after an update or while the
 * server is away, a bug) from blanking the window: the shell stays, and the page offers a retry.
 * A page that failed to download says so calmly and loads by itself once the server is back.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: Props): void {
    if (!this.state.error) return;
    if (previous.resetKey !== this.props.resetKey) this.retry();
    else if (previous.online === false && this.props.online === true && isChunkLoadError(this.state.error))
      this.retry();
  }

  private retry(): void {
    if (isChunkLoadError(this.state.error)) this.props.onRetry?.();
    this.setState({ error: null });
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const chunk = isChunkLoadError(error);
    const calm = chunk ? this.props.chunkFailure : undefined;
    return (
      <Center h="100%" data-testid="page-error" data-kind={chunk ? 'chunk' : 'render'}>
        <Stack align="center" gap="xs" maw={520}>
          <Text fw={600}>{calm?.title ?? this.props.title}</Text>
          {/* The browser's words for a failed download mean nothing to an operator. */}
          {!chunk && (
            <Text size="sm" c="dimmed">
              {error.message}
            </Text>
          )}
          {calm && (
            <Text size="sm" c="dimmed" ta="center" style={{ wordBreak: 'keep-all' }}>
              {calm.hint}
            </Text>
          )}
          <Group gap="xs">
            {calm && (
              <Button variant="light" onClick={() => this.retry()} data-testid="page-retry">
                {calm.retryLabel}
              </Button>
            )}
            <Button variant={calm ? 'subtle' : 'light'} onClick={() => window.location.reload()}>
              {this.props.reloadLabel}
            </Button>
          </Group>
        </Stack>
      </Center>
    );
  }
}
