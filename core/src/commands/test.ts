// `endymion test`: run the scenarios of project files (or folders of them) in both modes and
// report them as pretty text, TAP 14, JSON or JUnit XML.

import {
  formatPrettyHeading,
  formatPrettyScenario,
  formatPrettySummary,
  formatReport,
  type ReportFormat,
  type RunEvent,
} from "@endymion/reporters";
import type { ConfigLayers } from "../project/config.js";
import { runPaths } from "../runner/run.js";
import { UsageError, writeFileAtomic } from "./state-io.js";

export interface TestOptions extends ConfigLayers {
  scenario?: string[];
  bail?: boolean;
  format?: string;
  output?: string;
  roundtrip?: boolean;
}

const FORMATS = ["pretty", "tap", "json", "junit"];

export function testCommand(paths: string[], opts: TestOptions): number {
  const format = (opts.format ?? "pretty") as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got '${format}'`);
  if (paths.length === 0) throw new UsageError("give at least one project file or folder");
  const color = !opts.output && format === "pretty" && process.stdout.isTTY === true && !process.env.NO_COLOR;
  // pretty text on stdout is printed as the scenarios finish
  const streaming = format === "pretty" && !opts.output;
  const onEvent = (e: RunEvent) => {
    if (!streaming) return;
    if (e.type === "project-start" && e.scenarios > 0) process.stdout.write(formatPrettyHeading(e, { color }));
    else if (e.type === "scenario-end") process.stdout.write(formatPrettyScenario(e.scenario, { color }));
    else if (e.type === "project-end" && e.project.scenarios.length > 0) process.stdout.write("\n");
  };
  const run = runPaths(paths, {
    scenarios: opts.scenario,
    bail: opts.bail,
    roundtrip: opts.roundtrip,
    overlays: opts.overlays,
    sets: opts.sets,
    onEvent,
  });
  const text = streaming ? formatPrettySummary(run, { color }) : formatReport(run, format, { color });
  if (opts.output) {
    writeFileAtomic(opts.output, Buffer.from(text.endsWith("\n") ? text : `${text}\n`, "utf8"));
    const t = run.totals;
    process.stdout.write(`report written to ${opts.output}\n${t.passed} passed, ${t.failed} failed\n`);
  } else {
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }
  if (run.totals.total === 0 && (opts.scenario?.length ?? 0) > 0) {
    process.stderr.write(`error: no scenario matches ${opts.scenario?.map((s) => `'${s}'`).join(", ")}\n`);
    return 1;
  }
  return run.totals.failed > 0 ? 1 : 0;
}
