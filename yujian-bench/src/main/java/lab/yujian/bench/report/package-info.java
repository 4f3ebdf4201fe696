/** What a run reports: metrics per target, tables with ratios to the stock simple broker, Markdown and an SVG chart. */
package lab.yujian.bench.report;
