import { type MouseEvent, type ReactNode, useState } from 'react';
import { colorVar, niceTicks, percentOf, spreadIndexes } from './chart.utils';
import classes from './charts.module.css';

/**
 * Small bar and line charts for the statistics pages. Each sits in a ChartFigure, whose table holds the same
 * numbers for screen readers and exact reading, so the drawing itself is hidden from assistive technology.
 * Plain HTML and CSS (and one SVG path per line), sized by percentages: rendering one is a few dozen elements
 * and never measures the page, where a general chart library spent hundreds of milliseconds per chart.
 */

export type ChartSeries = { name: string; label?: string; color: string };
type Datum = Record<string, unknown>;

type CommonProps = {
  h: number;
  data: Datum[];
  /** The field of each datum that names its category (the axis label). */
  dataKey: string;
  series: ChartSeries[];
  valueFormatter?: (value: number) => string;
  withLegend?: boolean;
  'data-testid'?: string;
};

const numberAt = (d: Datum | undefined, key: string) => {
  const v = d?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const labelOf = (s: ChartSeries) => s.label ?? s.name;

/**
 * The category under the pointer, for the tooltip (a pointer's extra: the figure's table gives keyboard and
 * screen-reader users the same numbers): read from the nearest element with `data-index`, or, over a
 * line chart's plot (`data-line-area`), from the pointer's horizontal position among `points` points.
 */
function useHover(points: number) {
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const area = target.closest<HTMLElement>('[data-line-area]');
    let index: number | null = null;
    if (area) {
      const box = area.getBoundingClientRect();
      const share = box.width > 0 ? (e.clientX - box.left) / box.width : 0;
      index = Math.min(points - 1, Math.max(0, Math.round(share * (points - 1))));
    } else {
      const item = target.closest<HTMLElement>('[data-index]');
      index = item ? Number(item.dataset.index) : null;
    }
    const rect = e.currentTarget.getBoundingClientRect();
    setHover(index === null ? null : { index, x: e.clientX - rect.left, y: e.clientY - rect.top });
  };
  return { hover, handlers: { onMouseMove, onMouseLeave: () => setHover(null) } };
}

function Legend({ series }: { series: ChartSeries[] }) {
  return (
    <div className={classes.legend}>
      {series.map((s) => (
        <span key={s.name}>
          <span className={classes.swatch} style={{ background: colorVar(s.color) }} />
          {labelOf(s)}
        </span>
      ))}
    </div>
  );
}

function Tooltip({
  x,
  y,
  title,
  rows,
}: {
  x: number;
  y: number;
  title: ReactNode;
  rows: { key: string; label: string; color: string; value: string }[];
}) {
  return (
    <div className={classes.tooltip} role="tooltip" style={{ left: x + 14, top: Math.max(0, y - 10) }}>
      <div className={classes.tooltipTitle}>{title}</div>
      {rows.map((r) => (
        <div key={r.key} className={classes.tooltipRow}>
          <span>
            <span className={classes.swatch} style={{ background: colorVar(r.color) }} />
            {r.label}
          </span>
          <span>{r.value}</span>
        </div>
      ))}
    </div>
  );
}

function tooltipRows(d: Datum | undefined, series: ChartSeries[], format: (v: number) => string) {
  return series.map((s) => {
    const v = numberAt(d, s.name);
    return { key: s.name, label: labelOf(s), color: s.color, value: v === null ? '–' : format(v) };
  });
}

/** The value axis of `series` over `data`: round ticks from 0, the top one reaching the largest value. */
function valueAxis(data: Datum[], series: ChartSeries[]) {
  const max = Math.max(0, ...data.flatMap((d) => series.map((s) => numberAt(d, s.name) ?? 0)));
  const ticks = niceTicks(max);
  return { ticks, top: ticks[ticks.length - 1] ?? 1 };
}

/** What every chart has around its drawing: its box, the legend and the tooltip of the category under the pointer. */
function ChartFrame({
  kind,
  props,
  hover,
  children,
}: {
  kind: 'bar' | 'line';
  props: CommonProps;
  hover: ReturnType<typeof useHover>;
  children: ReactNode;
}) {
  const { h, data, dataKey, series, valueFormatter = String, withLegend } = props;
  const at = hover.hover;
  return (
    <div className={classes.chart} style={{ height: h }} data-chart={kind} data-testid={props['data-testid']} {...hover.handlers}>
      <div aria-hidden style={{ display: 'contents' }}>
        {children}
      </div>
      {withLegend && <Legend series={series} />}
      {at && data[at.index] && (
        <Tooltip x={at.x} y={at.y} title={String(data[at.index]?.[dataKey])} rows={tooltipRows(data[at.index], series, valueFormatter)} />
      )}
    </div>
  );
}

/** The value axis' labels and dashed lines, from 0 at the bottom to the top tick. */
function YAxis({ ticks, format }: { ticks: number[]; format: (v: number) => string }) {
  const top = ticks[ticks.length - 1] ?? 1;
  return (
    <div className={classes.yAxis}>
      {ticks.map((t) => (
        <span key={t} className={classes.yTick} style={{ bottom: `${percentOf(t, top)}%` }}>
          {format(t)}
        </span>
      ))}
    </div>
  );
}

function GridH({ ticks }: { ticks: number[] }) {
  const top = ticks[ticks.length - 1] ?? 1;
  return ticks.slice(1).map((t) => <div key={t} className={classes.gridH} style={{ bottom: `${percentOf(t, top)}%` }} />);
}

export type BarChartProps = CommonProps & {
  /** `vertical` (as in Mantine): categories down the side, bars growing to the right. Default: columns. */
  orientation?: 'horizontal' | 'vertical';
  /** Category label width of a `vertical` chart, in pixels. */
  labelWidth?: number;
  /** Writes each bar's value beside it (`vertical` charts). */
  withBarValueLabel?: boolean;
  /** Leaves out the category labels under the columns (many narrow columns); the tooltip and table still name them. */
  hideCategoryLabels?: boolean;
};

export function BarChart(props: BarChartProps) {
  const { data, dataKey, series, valueFormatter = String } = props;
  const pointer = useHover(data.length);
  const hover = pointer.hover;
  const { ticks, top } = valueAxis(data, series);
  // Bars leave 15 % of the width for their value labels.
  const barPercent = (v: number | null) => percentOf(v, top) * (props.withBarValueLabel ? 0.85 : 1);
  // A datum may carry its own colour (one series, a colour per category).
  const colorFor = (d: Datum, s: ChartSeries) => colorVar(typeof d.color === 'string' && series.length === 1 ? d.color : s.color);

  const plot =
    props.orientation === 'vertical' ? (
      <>
        <div className={classes.rows}>
          {data.map((d, i) => (
            <div key={String(d[dataKey])} className={classes.row} data-index={i} data-hovered={hover?.index === i || undefined}>
              <span className={classes.category} style={{ width: props.labelWidth ?? 110 }} title={String(d[dataKey])}>
                {String(d[dataKey])}
              </span>
              <div className={classes.bars}>
                {ticks.slice(1).map((t) => (
                  <div key={t} className={classes.gridV} style={{ left: `${barPercent(t)}%` }} />
                ))}
                {series.map((s) => {
                  const v = numberAt(d, s.name);
                  const width = barPercent(v);
                  return (
                    <div key={s.name} className={classes.barLine}>
                      <div className={classes.bar} data-chart-bar style={{ width: `${width}%`, background: colorFor(d, s) }} />
                      {props.withBarValueLabel && v !== null && <span className={classes.value}>{valueFormatter(v)}</span>}
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
        </div>
        <div className={classes.xTicks} style={{ marginLeft: props.labelWidth ?? 110 }}>
          {ticks.map((t) => (
            <span key={t} className={classes.xLabelAt} style={{ left: `${barPercent(t)}%` }}>
              {valueFormatter(t)}
            </span>
          ))}
        </div>
      </>
    ) : (
      <>
        <div className={classes.plot}>
          <YAxis ticks={ticks} format={valueFormatter} />
          <div className={classes.area}>
            <GridH ticks={ticks} />
            <div className={classes.groups}>
              {data.map((d, i) => (
                <div key={String(d[dataKey])} className={classes.group} data-index={i} data-hovered={hover?.index === i || undefined}>
                  {series.map((s) => (
                    <div
                      key={s.name}
                      className={classes.column}
                      data-chart-bar
                      style={{ height: `${percentOf(numberAt(d, s.name), top)}%`, background: colorFor(d, s) }}
                    />
                  ))}
                </div>
              ))}
            </div>
          </div>
        </div>
        {!props.hideCategoryLabels && (
          <div className={classes.xLabels}>
            {data.map((d) => (
              <span key={String(d[dataKey])} className={classes.xLabel} title={String(d[dataKey])}>
                {String(d[dataKey])}
              </span>
            ))}
          </div>
        )}
      </>
    );

  return (
    <ChartFrame kind="bar" props={props} hover={pointer}>
      {plot}
    </ChartFrame>
  );
}

/** Lines over categories (time windows): straight segments between the points, a guide and tooltip on hover. */
export function LineChart(props: CommonProps) {
  const { data, dataKey, series, valueFormatter = String } = props;
  const pointer = useHover(data.length);
  const hover = pointer.hover;
  const { ticks, top } = valueAxis(data, series);
  const n = data.length;
  const xAt = (i: number) => (n <= 1 ? 50 : (i / (n - 1)) * 100);

  return (
    <ChartFrame kind="line" props={props} hover={pointer}>
      <div className={classes.plot}>
        <YAxis ticks={ticks} format={valueFormatter} />
        <div className={classes.area} data-line-area>
          <GridH ticks={ticks} />
          <svg className={classes.svg} viewBox="0 0 100 100" preserveAspectRatio="none" role="presentation">
            {series.map((s) => (
              <polyline
                key={s.name}
                data-chart-line
                fill="none"
                stroke={colorVar(s.color)}
                strokeWidth={2}
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
                points={data.map((d, i) => `${xAt(i)},${100 - percentOf(numberAt(d, s.name), top)}`).join(' ')}
              />
            ))}
          </svg>
          {hover && <div className={classes.guide} style={{ left: `${xAt(hover.index)}%` }} />}
        </div>
      </div>
      <div className={classes.xLabels}>
        {spreadIndexes(n, 6).map((i) => (
          // The first and last labels end at the plot's edges instead of reaching past them.
          <span
            key={i}
            className={classes.xLabelAt}
            style={{ left: `${xAt(i)}%`, transform: i === 0 && n > 1 ? 'none' : i === n - 1 && n > 1 ? 'translateX(-100%)' : undefined }}
          >
            {String(data[i]?.[dataKey])}
          </span>
        ))}
      </div>
    </ChartFrame>
  );
}
