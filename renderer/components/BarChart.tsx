// A small horizontal bar chart in plain SVG (no chart package): one bar per row, scaled to the
// largest value, label on the left, formatted value on the right.

export interface Bar {
  key: string;
  label: string;
  value: number;
  display: string;
  /** A second, smaller bar drawn under the first (refunds under sales). */
  negative?: number;
  negativeDisplay?: string;
}

export function BarChart({ bars, title, testId }: { bars: Bar[]; title: string; testId?: string }) {
  const rowHeight = 44;
  const width = 520;
  const labelWidth = 150;
  const valueWidth = 120;
  const barArea = width - labelWidth - valueWidth;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.negative ?? 0)));
  const height = Math.max(rowHeight, bars.length * rowHeight);
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-testid={testId}>
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * rowHeight;
        const w = Math.round((Math.max(0, b.value) / max) * barArea);
        const nw = Math.round((Math.max(0, b.negative ?? 0) / max) * barArea);
        return (
          <g key={b.key} data-key={b.key}>
            <text x={0} y={y + 22} className="bar-chart__label">
              {b.label}
            </text>
            <rect x={labelWidth} y={y + 6} width={w} height={18} rx={4} className="bar-chart__bar" />
            {nw > 0 && (
              <rect
                x={labelWidth}
                y={y + 27}
                width={nw}
                height={8}
                rx={3}
                className="bar-chart__bar bar-chart__bar--negative"
              />
            )}
            <text x={width} y={y + 22} textAnchor="end" className="bar-chart__value">
              {b.display}
            </text>
            {b.negativeDisplay && (
              <text x={width} y={y + 38} textAnchor="end" className="bar-chart__value bar-chart__value--negative">
                {b.negativeDisplay}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
