// The human report: a line per scenario grouped by project, failure details with diffs, and a
// summary ending with the line `N passed, M failed` (read by CI tooling: keep it exact).

import type { Failure, ModeResult, ProjectResult, RunResult, ScenarioResult, Status } from "./model.js";
import { escapeControls, showValue } from "./values.js";

export interface PrettyOptions {
  /** Write ANSI colour codes. */
  color: boolean;
}

type Paint = (s: string) => string;

interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
}

function palette(on: boolean): Palette {
  const wrap =
    (open: number, close: number): Paint =>
    (s) =>
      on && s !== "" ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) };
}

/** A duration in ms: one decimal below 10 ms, whole ms above. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  return ms < 10 ? `${ms.toFixed(1)}ms` : `${Math.round(ms)}ms`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line of text from outside (names, paths): control characters made visible. */
function line(s: string): string {
  return escapeControls(s);
}

/** Several lines of text from outside: line breaks and tabs kept, other controls made visible. */
function lines(s: string): string[] {
  return escapeControls(s.replace(/\r\n?/g, "\n"), "\n\t").split("\n");
}

function mark(status: Status, c: Palette): string {
  return status === "passed" ? c.green("✓") : status === "failed" ? c.red("✗") : c.yellow("✗");
}

function modeSummary(modes: ModeResult[], c: Palette): string {
  if (modes.length === 0) return c.dim("no modes run");
  return modes.map((m) => `${m.mode} ${mark(m.status, c)}`).join(c.dim(" · "));
}

function failureLines(m: ModeResult, f: Failure, indent: string, c: Palette): string[] {
  const out: string[] = [];
  const [first = "", ...rest] = lines(f.message);
  const head = `${m.mode} · ${f.kind}`;
  out.push(`${indent}${m.status === "errored" ? c.yellow(head) : c.red(head)}: ${first}`);
  for (const r of rest) out.push(`${indent}  ${r}`);
  const where: string[] = [];
  if (f.at) where.push(`at ${line(f.at.file)}:${f.at.line}`);
  if (f.step !== undefined) where.push(`step ${f.step}`);
  if (where.length > 0) out.push(`${indent}  ${c.dim(where.join(", "))}`);
  if (f.diff !== undefined && f.diff !== "") {
    for (const d of lines(f.diff)) {
      out.push(`${indent}  ${d.startsWith("-") ? c.red(d) : d.startsWith("+") ? c.green(d) : c.dim(d)}`);
    }
  } else {
    if (f.expected !== undefined) out.push(`${indent}  ${c.red(`- expected: ${line(showValue(f.expected))}`)}`);
    if (f.actual !== undefined) out.push(`${indent}  ${c.green(`+ actual:   ${line(showValue(f.actual))}`)}`);
  }
  return out;
}

function scenarioLines(s: ScenarioResult, c: Palette): string[] {
  const roundTrips = s.modes.reduce((n, m) => n + m.roundTrips, 0);
  const maxState = s.modes.reduce((n, m) => Math.max(n, m.maxStateBytes), 0);
  const name = s.status === "passed" ? line(s.name) : c.bold(line(s.name));
  const facts = [modeSummary(s.modes, c), plural(roundTrips, "round trip")];
  if (maxState > 0) facts.push(`largest state ${plural(maxState, "byte")}`);
  const out = [
    `  ${mark(s.status, c)} ${name}${s.status === "errored" ? ` ${c.yellow("(errored)")}` : ""}  ${c.dim(formatMs(s.durationMs))}  ${facts.join(c.dim(" · "))}`,
  ];
  if (s.status === "passed") return out;
  out.push(`    ${c.dim(`${line(s.location.file)}:${s.location.line}`)}`);
  for (const m of s.modes) {
    if (m.status === "passed") continue;
    for (const f of m.failures) out.push(...failureLines(m, f, "    ", c));
    const reported = m.failures.some((f) => m.error !== undefined && f.message.includes(m.error));
    if (m.error !== undefined && !reported) {
      const [first = "", ...rest] = lines(m.error);
      out.push(`    ${c.yellow(`${m.mode} · error`)}: ${first}`);
      for (const r of rest) out.push(`      ${r}`);
    } else if (m.failures.length === 0 && m.error === undefined) {
      out.push(`    ${c.red(`${m.mode} · ${m.status}`)}`);
    }
  }
  return out;
}

/**
 * One scenario: `✓ name  duration  modes · round trips`, and when it did not pass, its
 * `file:line` and each failure with its message, location and diff. Ends with a line break.
 */
export function formatPrettyScenario(s: ScenarioResult, opts: PrettyOptions): string {
  return `${scenarioLines(s, palette(opts.color)).join("\n")}\n`;
}

/** The heading printed above a project's scenarios. Ends with a line break. */
export function formatPrettyHeading(project: Pick<ProjectResult, "name" | "file">, opts: PrettyOptions): string {
  const c = palette(opts.color);
  return `${c.bold(line(project.name))}  ${c.dim(line(project.file))}\n`;
}

/** The summary; its last line is exactly `N passed, M failed`. Ends with a line break. */
export function formatPrettySummary(run: RunResult, opts: PrettyOptions): string {
  const c = palette(opts.color);
  const t = run.totals;
  // errored scenarios are counted in failed too
  const errored = t.errored > 0 ? ` (${c.yellow(`${t.errored} errored`)})` : "";
  const counts = `${c.green(`${t.passed} passed`)}, ${(t.failed > 0 ? c.red : c.dim)(`${t.failed} failed`)}${errored}`;
  const out = [
    c.bold("Summary"),
    `  projects       ${run.projects.length}`,
    `  scenarios      ${t.total} (${counts})`,
    `  round trips    ${t.roundTrips}`,
    `  largest state  ${plural(t.maxStateBytes, "byte")}`,
    `  duration       ${formatMs(run.durationMs)}`,
  ];
  if (run.bailed) out.push(`  ${c.yellow("bailed")}         --bail stopped the run after a failure`);
  // Read by CI tooling: exactly this text, alone on its line, never coloured.
  out.push(`${t.passed} passed, ${t.failed} failed`);
  return `${out.join("\n")}\n`;
}

/** The whole run: a heading per project, every scenario, then the summary. */
export function formatPretty(run: RunResult, opts: PrettyOptions): string {
  const c = palette(opts.color);
  const parts: string[] = [];
  for (const p of run.projects) {
    let text = formatPrettyHeading(p, opts);
    if (p.scenarios.length === 0) text += `  ${c.dim("no scenarios")}\n`;
    for (const s of p.scenarios) text += formatPrettyScenario(s, opts);
    parts.push(text);
  }
  if (run.projects.length === 0) parts.push(`${c.dim("no projects")}\n`);
  parts.push(formatPrettySummary(run, opts));
  return parts.join("\n");
}
