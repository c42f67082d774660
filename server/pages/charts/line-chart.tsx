/**
 * A line of shares over time (one point per period) with each point's 95% interval as a vertical
 * whisker. A period hidden for disclosure breaks the line rather than dropping to zero.
 */
import { along, shareDomain, shareTicks } from './scale';

export interface LinePoint {
  key: string;
  /** Under the axis: 'Mar'; `sub` ('2026') goes beneath on the first point and each January. */
  label: string;
  sub?: string | undefined;
  /** Hidden on narrow screens, where every label would collide. */
  minor?: boolean;
  value: number | null;
  interval: readonly [number, number] | null;
}

export interface LineChartProps {
  label: string;
  points: LinePoint[];
}

const HEIGHT = 260;
const TOP = 22;
const BOTTOM = 214;
// Points sit inside the width: the left gutter keeps the y labels clear of the first point, the
// right one keeps the last month's label from being cut off.
const LEFT = 0.11;
const RIGHT = 0.04;

export function LineChart({ label, points }: LineChartProps) {
  const shown = points.flatMap((p) => (p.value === null ? [] : [p.value, ...(p.interval ?? [])]));
  const domain = shareDomain(shown);
  const y = (share: number) => BOTTOM - ((share - domain[0]) / (domain[1] - domain[0])) * (BOTTOM - TOP);
  const x = (i: number) => along(points.length === 1 ? 0.5 : LEFT + (i / (points.length - 1)) * (1 - LEFT - RIGHT));
  return (
    <svg class="chart-svg" role="img" aria-label={label} width="100%" height={HEIGHT} focusable="false">
      {shareTicks(domain).map((tick) => (
        <g key={tick} class="grid">
          <line x1="0" x2="100%" y1={y(tick)} y2={y(tick)} />
          <text x="0" y={y(tick) - 5} class="muted">
            {Math.round(tick * 100)}%
          </text>
        </g>
      ))}
      {points.map((point, i) => {
        const next = points[i + 1];
        return (
          <g key={point.key}>
            {point.interval && <line class="ci" x1={x(i)} x2={x(i)} y1={y(point.interval[0])} y2={y(point.interval[1])} />}
            {point.value !== null && next?.value != null && <line class="line" x1={x(i)} x2={x(i + 1)} y1={y(point.value)} y2={y(next.value)} />}
            {point.value !== null && <circle class="dot" cx={x(i)} cy={y(point.value)} r={4.5} />}
            <text x={x(i)} y={BOTTOM + 20} text-anchor="middle" class={point.minor ? 'muted minor' : 'muted'}>
              {point.label}
            </text>
            {point.sub && (
              <text x={x(i)} y={BOTTOM + 38} text-anchor="middle" class={point.minor ? 'muted minor' : 'muted'}>
                {point.sub}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
