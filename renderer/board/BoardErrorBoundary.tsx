/**
 * Catches errors thrown while the board's Phaser game is created (inside a layout effect) so they
 * never blank the page: the board area shows `fallback` instead, and the rest of the app — and the
 * board's accessible region list — keeps working.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  fallback: ReactNode;
  onError?: (error: Error) => void;
  children?: ReactNode;
}

interface State {
  error: Error | null;
}

export class BoardErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.warn('[board]', error);
    this.props.onError?.(error);
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback : this.props.children;
  }
}
