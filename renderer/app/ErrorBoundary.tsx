/**
 * Catches render errors outside the router's reach (providers, the router itself) and shows the
 * error screen instead of a blank window. Route errors are caught by RouteErrorPage.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorFallback } from './ErrorFallback';
import { buildErrorReport, type ErrorContext, type ErrorReport } from './error-report';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** App facts included in "Copy details". */
  context?: Omit<ErrorContext, 'componentStack' | 'occurredAt'>;
}

interface ErrorBoundaryState {
  report: ErrorReport | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { report: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { report: buildErrorReport(error, { route: window.location.hash || '#/' }) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Rebuild with the component stack, which only componentDidCatch receives.
    this.setState({
      report: buildErrorReport(error, {
        ...this.props.context,
        route: window.location.hash || '#/',
        componentStack: info.componentStack ?? null,
      }),
    });
  }

  override render(): ReactNode {
    if (this.state.report) {
      return (
        <main className="standalone-page">
          <ErrorFallback report={this.state.report} />
        </main>
      );
    }
    return this.props.children;
  }
}
