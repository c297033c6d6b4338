// @endymion/reporters: the report model and its writers. Every writer is a pure function of
// a RunResult (no Node APIs) returning text that ends with a line break.

import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import type { RunResult } from "./model.js";
import { formatPretty } from "./pretty.js";
import { formatTap } from "./tap.js";

export { formatJson, JSON_REPORT_VERSION, toJsonReport } from "./json.js";
export { escapeXmlAttr, escapeXmlText, formatJunit, junitSeconds, stripInvalidXml } from "./junit.js";
export * from "./model.js";
export {
  formatMs,
  formatPretty,
  formatPrettyHeading,
  formatPrettyScenario,
  formatPrettySummary,
  type PrettyOptions,
} from "./pretty.js";
export { escapeTapDescription, formatTap } from "./tap.js";
export { type JsonValue, jsonSafe } from "./values.js";

/** The report formats formatReport writes. */
export type ReportFormat = "pretty" | "tap" | "json" | "junit";

export const REPORT_FORMATS: readonly ReportFormat[] = ["pretty", "tap", "json", "junit"];

export interface ReportOptions {
  /** ANSI colour in the pretty format (default false); the other formats never colour. */
  color?: boolean;
}

/** The run in the given format. */
export function formatReport(run: RunResult, format: ReportFormat, opts: ReportOptions = {}): string {
  switch (format) {
    case "pretty":
      return formatPretty(run, { color: opts.color ?? false });
    case "tap":
      return formatTap(run);
    case "json":
      return formatJson(run);
    case "junit":
      return formatJunit(run);
    default:
      throw new Error(`unknown report format '${String(format)}' (expected ${REPORT_FORMATS.join(", ")})`);
  }
}
