/**
 * A horizontal bar chart of shares with each bar's 95% interval drawn as a whisker. A cell hidden
 * for disclosure shows its reason in words, never a zero-length bar a reader would take for 0%.
 * The SVG is one labelled image; the numbers are in the table beside it (see ChartFigure).
 */
import { along } from './scale';

export interface Bar {
  key: string;
  label: string;
  /** 0..1, or null when the cell is not shown. */
  value: number | null;
  interval: readonly [number, number] | null;
  /** Written at the end of the label line: the value, or why there is none. */
  caption: string;
}

export interface BarChartProps {
  /** Names the image for screen readers, e.g. "% positive by site, bar chart". */
  label: string;
  bars: Bar[];
}

const ROW = 58;
const AXIS = 28;

export function BarChart({ label, bars }: BarChartProps) {
  const height = bars.length * ROW + AXIS;
  return (
    <svg class="chart-svg" role="img" aria-label={label} width="100%" height={height} focusable="false">
      {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
        <g key={tick} class="grid">
          <line x1={along(tick)} x2={along(tick)} y1={0} y2={height - AXIS + 4} />
          <text x={along(tick)} y={height - 6} text-anchor={tick === 0 ? 'start' : tick === 1 ? 'end' : 'middle'} class="muted">
            {Math.round(tick * 100)}%
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const top = i * ROW;
        const mid = top + 37;
        return (
          <g key={bar.key}>
            <text x="0" y={top + 17} class="lbl">
              {bar.label}
            </text>
            <text x="100%" y={top + 17} text-anchor="end" class={bar.value === null ? 'muted' : 'val'}>
              {bar.caption}
            </text>
            {bar.value === null ? (
              <rect x="0" y={top + 26} width="100%" height={22} class="hidden-cell" />
            ) : (
              <rect x="0" y={top + 26} width={along(bar.value)} height={22} class="bar" />
            )}
            {bar.interval && (
              <g class="whisker">
                <line x1={along(bar.interval[0])} x2={along(bar.interval[1])} y1={mid} y2={mid} />
                <line x1={along(bar.interval[0])} x2={along(bar.interval[0])} y1={mid - 8} y2={mid + 8} />
                <line x1={along(bar.interval[1])} x2={along(bar.interval[1])} y1={mid - 8} y2={mid + 8} />
              </g>
            )}
          </g>
        );
      })}
    </svg>
  );
}
