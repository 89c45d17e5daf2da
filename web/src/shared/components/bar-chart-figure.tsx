import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Text,
  Tooltip,
  XAxis,
  type XAxisTickContentProps,
  YAxis,
} from "recharts";
import { formatEuros } from "../format/format-euros.ts";
import { useLocale } from "../i18n/use-locale.ts";

/** One series of bars: its key in the rows' values, its name in the legend, its colour. */
export type ChartSeries = { key: string; label: string; color: string };
/** One group of bars: its category name and each series' amount as an exact euro string. */
export type ChartRow = { name: string; values: Record<string, string> };

/**
 * A bar chart of euro amounts with its caption. The figures themselves are in the table the
 * caption points to (`tableId`): that table is the chart's text alternative, so the drawing is
 * one image for assistive technologies. Bar heights are the only place amounts become numbers.
 */
export function BarChartFigure({
  id,
  title,
  rows,
  series,
  tableId,
  stacked = false,
}: {
  id: string;
  title: string;
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  tableId: string;
  stacked?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const data = rows.map((r) => ({
    name: r.name,
    ...Object.fromEntries(series.map((s) => [s.key, Number(r.values[s.key] ?? "0")])),
    text: r.values,
  }));
  const compact = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "EUR",
    notation: "compact",
    maximumFractionDigits: 1,
  });
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        {title} <a href={`#${tableId}`}>{t("charts.seeTable")}</a>
      </figcaption>
      <div role="img" aria-label={`${title}. ${t("charts.alternative")}`} className="chart__drawing">
        <ResponsiveContainer width="100%" height={320}>
          <BarChart
            data={data}
            accessibilityLayer={false}
            margin={{ top: 8, right: 16, bottom: 8, left: 16 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#ddd" />
            <XAxis dataKey="name" tick={WrappedTick} interval={0} height={56} />
            <YAxis
              tickFormatter={(v: number) => compact.format(v)}
              tick={{ fill: "#3a3a3a", fontSize: 13 }}
              width={80}
            />
            <Tooltip
              formatter={(_value, name, item) => {
                const key = series.find((s) => s.label === name)?.key ?? "";
                const text = (item.payload as { text: Record<string, string> }).text[key] ?? "0";
                return [formatEuros(text, locale), name];
              }}
            />
            <Legend
              itemSorter={null}
              formatter={(value: string) => <span className="chart__legend">{value}</span>}
            />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                isAnimationActive={false}
                maxBarSize={72}
                {...(stacked ? { stackId: "stack" } : {})}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** A category label wrapped to the width of its band (long mission names, narrow screens). */
function WrappedTick(props: XAxisTickContentProps) {
  const band = Number(props.width ?? 0) / Math.max(1, props.visibleTicksCount);
  return (
    <Text
      x={props.x}
      y={props.y}
      width={Math.max(40, band - 8)}
      maxLines={3}
      textAnchor="middle"
      verticalAnchor="start"
      fill="#3a3a3a"
      fontSize={13}
    >
      {String(props.payload.value)}
    </Text>
  );
}
