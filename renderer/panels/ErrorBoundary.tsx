/**
 * Keeps a failure in one part of the screen (the board, a panel) from blanking the whole app: the
 * part is replaced by a translated message and a retry button, and the rest keeps working.
 */
import { Component, type ContextType, type ReactNode } from 'react';
import { I18nContext } from '../i18n';

interface Props {
  /** What this boundary guards, as an i18n key (e.g. `app.area.board`). */
  areaKey: string;
  children?: ReactNode;
  /** Rendered under the message, e.g. a simpler view that still works. */
  fallback?: ReactNode;
  /** Changing this resets the boundary (e.g. a new game). */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  static override contextType = I18nContext;
  declare context: ContextType<typeof I18nContext>;

  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error): void {
    // A warning, not an error: the app handled it and keeps running.
    console.warn(`[${this.props.areaKey}]`, error);
  }

  override render(): ReactNode {
    const { t } = this.context;
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-boundary">
        <div role="alert" className="error-boundary-message">
          <strong>{t('app.error.areaFailed', { area: `@${this.props.areaKey}` })}</strong>
          <p>{t('app.error.areaFailedHint')}</p>
          <p className="error-detail">{this.state.error.message}</p>
        </div>
        <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
          {t('app.action.retry')}
        </button>
        {this.props.fallback}
      </div>
    );
  }
}
