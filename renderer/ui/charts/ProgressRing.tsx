/**
 * A circular progress ring in hand-written SVG (a progress indicator, not a chart: it stays out of
 * recharts and loads with the page). As a progress bar (the default) the wrapper carries
 * role="progressbar" with its value and label, and the SVG is decorative; children render centred
 * inside the ring (the visible figure).
 */
import type { ReactNode } from 'react';
import './charts.css';

export interface ProgressRingProps {
  /** 0–100; clamped. */
  percent: number;
  /** Accessible name, e.g. "Progress to the Performer tier". */
  label: string;
  /** Spoken value, e.g. "80% — 4 of 5 requirements met". Defaults to "<percent>%". */
  valueText?: string;
  size?: number;
  thickness?: number;
  children?: ReactNode;
}

export function ProgressRing({ percent, label, valueText, size = 160, thickness = 14, children }: ProgressRingProps) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  const radius = (size - thickness) / 2;
  const circumference = 2 * Math.PI * radius;
  const dash = (value / 100) * circumference;
  return (
    <div
      className="progress-ring"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={valueText ?? `${value}%`}
      style={{ width: size, height: size }}
    >
      <svg viewBox={`0 0 ${size} ${size}`} width={size} height={size} aria-hidden="true" focusable="false">
        <circle className="progress-ring__track" cx={size / 2} cy={size / 2} r={radius} strokeWidth={thickness} fill="none" />
        <circle
          className="progress-ring__value"
          cx={size / 2}
          cy={size / 2}
          r={radius}
          strokeWidth={thickness}
          fill="none"
          strokeLinecap={value > 0 && value < 100 ? 'round' : 'butt'}
          strokeDasharray={`${dash} ${circumference}`}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
      </svg>
      <div className="progress-ring__centre">{children}</div>
    </div>
  );
}
