import { Component, type ReactNode } from 'react';
import { translate } from '../../i18n/index.ts';
import { noteError } from '../../state/last-error.ts';
import { useLocaleStore } from '../../state/locale-store.ts';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** Turns a crashing or unloadable screen into an error card with a retry, never a blank page. */
export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  // A screen that crashed is the kiosk's last error in its heartbeat (scrubbed of personal data).
  override componentDidCatch(error: Error): void {
    noteError('error', error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const locale = useLocaleStore.getState().locale;
    return (
      <div className="error-card" role="alert">
        <h2>{translate(locale, 'screen.error.title')}</h2>
        <p className="error-card__detail">{this.state.error.message}</p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          {translate(locale, 'screen.error.retry')}
        </button>
      </div>
    );
  }
}
