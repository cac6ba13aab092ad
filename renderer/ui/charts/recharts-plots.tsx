/**
 * The recharts pictures behind every chart, in one module that is only ever imported lazily (see
 * lazy-plots.ts), so recharts stays out of the eager bundle. Each plot draws already-prepared rows
 * and words: the summaries and tables live in the eager wrappers. Colours are theme tokens
 * (var(--color-…)) that keep ≥ 3:1 against the surface in both themes; the plots sit inside a
 * role="img" box, so recharts' own keyboard layer is off (nothing focusable inside an image).
 * Animation is off: figures appear drawn at once (no motion for people who find it distracting, and
 * screenshots show the finished chart).
 */
import { Bar, BarChart, Cell, LabelList, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';

const AXIS_LINE = { stroke: 'var(--color-border-strong)' };
const TICK = { fill: 'var(--color-text-muted)', fontSize: 11 };
const VALUE_LABEL = { fill: 'var(--color-text)', fontSize: 11, fontWeight: 600 };
const POSITIVE = 'var(--color-accent)';
const NEGATIVE = 'var(--color-danger)';
/** Series after the first differ by colour and by dash, so they stay apart without colour vision. */
const SERIES_STYLES = [
  { stroke: 'var(--color-accent)', dash: undefined },
  { stroke: 'var(--color-text-muted)', dash: '6 3' },
  { stroke: 'var(--color-success)', dash: '2 3' },
] as const;
const seriesStyle = (index: number) => SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];

/** Room for a printed value beside a bar: ~7px a character at 11px semibold, plus the label's offset. */
const textWidth = (text: string | undefined) => (text ? text.length * 7 + 10 : 0);

const noZeroBars = (value: number | undefined | null) => (value ? 2 : 0);
/** Rows keep a hair-thin (invisible) bar at zero, because recharts drops the label of an empty bar. */
const hairlineZeroRows = (value: number | undefined | null) => (value ? 2 : 0.01);

export interface PlotRow {
  label: string;
  value: number;
  /** Printed beside or above the bar; omitted for none. */
  text?: string;
}

export function BarPlot({ rows, height }: { rows: readonly PlotRow[]; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={[...rows]} margin={{ top: 20, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
        <XAxis dataKey="label" interval={0} tickLine={false} axisLine={AXIS_LINE} tick={TICK} />
        <YAxis hide domain={[0, 'auto']} />
        <Bar dataKey="value" fill={POSITIVE} maxBarSize={36} radius={[3, 3, 0, 0]} minPointSize={noZeroBars} isAnimationActive={false}>
          <LabelList dataKey="text" position="top" {...VALUE_LABEL} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Horizontal bars, one row per category: the funnel, and the breakdown where amounts may be negative. */
export function RowBarPlot({ rows, height, labelWidth }: { rows: readonly PlotRow[]; height: number; labelWidth: number }) {
  const hasNegative = rows.some((row) => row.value < 0);
  const room = (selected: readonly PlotRow[]) => Math.max(0, ...selected.map((row) => textWidth(row.text)));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart layout="vertical" data={[...rows]} margin={{ top: 4, right: room(rows.filter((row) => row.value >= 0)), bottom: 4, left: 0 }} accessibilityLayer={false}>
        {/* Negative amounts grow left from zero, with room for their label beyond the bar's end. */}
        <XAxis type="number" hide domain={hasNegative ? ['auto', 'auto'] : [0, 'auto']} padding={{ left: room(rows.filter((row) => row.value < 0)), right: 0 }} />
        <YAxis type="category" dataKey="label" width={labelWidth} tickLine={false} axisLine={false} tick={TICK} interval={0} />
        {hasNegative ? <ReferenceLine x={0} stroke="var(--color-border-strong)" /> : null}
        <Bar dataKey="value" barSize={22} radius={3} minPointSize={hairlineZeroRows} isAnimationActive={false}>
          {rows.map((row, index) => (
            <Cell key={`${row.label}-${index}`} fill={row.value < 0 ? NEGATIVE : POSITIVE} />
          ))}
          <LabelList dataKey="text" position="right" {...VALUE_LABEL} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface LinePlotRow {
  label: string;
  /** One value per series, by index; absent where a series has no point. */
  values: (number | undefined)[];
  /** Text printed above the point, per series (the latest and the highest only). */
  texts: (string | undefined)[];
}

export interface LinePlotProps {
  rows: readonly LinePlotRow[];
  seriesNames: readonly string[];
  height: number;
  reference?: { value: number; text: string };
}

export function LinePlot({ rows, seriesNames, height, reference }: LinePlotProps) {
  const data = rows.map((row) => {
    const flat: Record<string, string | number | undefined> = { label: row.label };
    row.values.forEach((value, index) => {
      flat[`v${index}`] = value;
      flat[`t${index}`] = row.texts[index];
    });
    return flat;
  });
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 20, right: 44, bottom: 0, left: 32 }} accessibilityLayer={false}>
        <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={8} tickLine={false} axisLine={AXIS_LINE} tick={TICK} />
        <YAxis hide domain={[(min: number) => Math.min(0, min), 'auto']} />
        {reference ? (
          <ReferenceLine
            y={reference.value}
            ifOverflow="extendDomain"
            stroke="var(--color-text-muted)"
            strokeDasharray="6 4"
            label={{ value: reference.text, position: 'insideTopLeft', ...TICK }}
          />
        ) : null}
        {seriesNames.map((name, index) => {
          const style = seriesStyle(index);
          return (
            <Line
              key={name}
              name={name}
              dataKey={`v${index}`}
              type="linear"
              stroke={style.stroke}
              strokeWidth={2}
              strokeDasharray={style.dash}
              dot={{ r: 3, fill: style.stroke, stroke: style.stroke }}
              activeDot={false}
              connectNulls
              isAnimationActive={false}
            >
              <LabelList dataKey={`t${index}`} position="top" {...VALUE_LABEL} />
            </Line>
          );
        })}
      </LineChart>
    </ResponsiveContainer>
  );
}
