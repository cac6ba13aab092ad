/** A labelled linear progress bar (role="progressbar"), 0–100%. */
import './charts/charts.css';

export interface ProgressBarProps {
  /** 0–1; clamped. */
  fraction: number;
  label: string;
  /** Spoken value, e.g. "3 of 5 leads". */
  valueText: string;
}

export function ProgressBar({ fraction, label, valueText }: ProgressBarProps) {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div
      className="progress-bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      data-complete={percent >= 100}
    >
      <div className="progress-bar__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
