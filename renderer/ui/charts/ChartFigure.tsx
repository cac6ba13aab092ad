/**
 * The eager shell every chart shares: a <figure> whose plot box is role="img" with the chart's
 * summary as its name (described by the data table), a fixed height so nothing moves when the
 * lazily loaded recharts picture arrives, and a boundary so a picture that fails to load leaves
 * the table (the text alternative) standing instead of breaking the page.
 */
import { Component, Suspense, type ReactNode } from 'react';
import './charts.css';

export interface ChartFigureProps {
  /** Extra class on the figure, e.g. "bar-chart". */
  className: string;
  /** Accessible name of the picture: title plus the figures in words (see chartLabel). */
  label: string;
  /** id of the data table that describes the picture. */
  tableId: string;
  height: number;
  /** The lazily loaded recharts plot. */
  plot: ReactNode;
  /** The text alternative, rendered straight away. */
  table: ReactNode;
  /** A visible key under the picture, hidden from assistive technology (the label says it). */
  legend?: ReactNode;
}

class PlotBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <p className="chart__unavailable">This chart could not be drawn. Reload the window to try again.</p> : this.props.children;
  }
}

export function ChartFigure({ className, label, tableId, height, plot, table, legend }: ChartFigureProps) {
  return (
    <figure className={`chart ${className}`}>
      <div className="chart__plot" role="img" aria-label={label} aria-describedby={tableId} style={{ height }}>
        <PlotBoundary>
          <Suspense fallback={null}>{plot}</Suspense>
        </PlotBoundary>
      </div>
      {legend}
      {table}
    </figure>
  );
}
