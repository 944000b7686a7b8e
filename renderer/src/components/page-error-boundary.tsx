import { Button, Center, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';

interface Props {
  /** Changing the key (the route) clears the error. */
  resetKey: string;
  title: string;
  reloadLabel: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Keeps a page that fails to load or render (a lazy chunk missing after an update, a bug) from
 * blanking the window: the shell stays, and the page offers a reload.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Center h="100%" data-testid="page-error">
        <Stack align="center" gap="xs">
          <Text fw={600}>{this.props.title}</Text>
          <Text size="sm" c="dimmed">
            {this.state.error.message}
          </Text>
          <Button variant="light" onClick={() => window.location.reload()}>
            {this.props.reloadLabel}
          </Button>
        </Stack>
      </Center>
    );
  }
}
