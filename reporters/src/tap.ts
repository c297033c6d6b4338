// TAP version 14 (https://testanything.org/tap-version-14-specification.html): one test
// point per scenario, its modes as a subtest, YAML diagnostics on what did not pass.
//
//   TAP version 14
//   1..2
//   # Subtest: shop › happy path
//       1..2
//       ok 1 - straight # time=1.2ms
//       ok 2 - roundtrip # time=1.9ms
//   ok 1 - shop › happy path # time=3.4ms
//   # Subtest: shop › refund
//       1..1
//       not ok 1 - straight # time=0.8ms
//         ---
//         message: result differs from expect.result
//         severity: fail
//         ...
//         ...
//   not ok 2 - shop › refund # time=1.1ms
//     ---
//     ...
//     ...

import type { Failure, ModeResult, RunResult, ScenarioResult } from "./model.js";
import { escapeControls, type JsonValue, jsonSafe, roundMs } from "./values.js";
import { yamlLines } from "./yaml.js";

type Diag = { [key: string]: JsonValue };

/** A test point description: one line, `\` and `#` escaped as TAP 14 requires. */
export function escapeTapDescription(s: string): string {
  return escapeControls(s).replace(/\\/g, "\\\\").replace(/#/g, "\\#");
}

function put(d: Diag, k: string, v: unknown): void {
  const safe = jsonSafe(v);
  if (safe !== undefined) d[k] = safe;
}

function failureDiag(f: Failure, s: ScenarioResult): Diag {
  const d: Diag = { message: f.message, kind: f.kind };
  put(d, "found", f.actual);
  put(d, "wanted", f.expected);
  const at = f.at ?? s.location;
  d.at = { file: at.file, line: at.line };
  if (f.step !== undefined) d.step = f.step;
  if (f.diff !== undefined && f.diff !== "") d.diff = f.diff;
  return d;
}

function modeDiag(m: ModeResult, s: ScenarioResult): Diag {
  const first = m.failures[0];
  const d: Diag = {
    message: first?.message ?? m.error ?? `${m.mode} ${m.status}`,
    severity: m.status === "errored" ? "error" : "fail",
  };
  if (first) Object.assign(d, failureDiag(first, s), { message: d.message, severity: d.severity });
  else d.at = { file: s.location.file, line: s.location.line };
  if (m.error !== undefined) d.error = m.error;
  if (m.failures.length > 1) d.failures = m.failures.map((f) => failureDiag(f, s));
  d.round_trips = m.roundTrips;
  d.max_state_bytes = m.maxStateBytes;
  return d;
}

function scenarioDiag(s: ScenarioResult): Diag {
  const bad = s.modes.filter((m) => m.status !== "passed").map((m) => m.mode);
  const verb = s.status === "errored" ? "errored" : "failed";
  const d: Diag = {
    message: bad.length > 0 ? `${bad.join(" and ")} ${verb}` : `scenario ${verb}`,
    severity: s.status === "errored" ? "error" : "fail",
    at: { file: s.location.file, line: s.location.line },
    handler: s.handler,
  };
  if (s.description !== undefined) d.description = s.description;
  return d;
}

function point(ok: boolean, id: number, description: string, ms: number): string {
  return `${ok ? "ok" : "not ok"} ${id} - ${escapeTapDescription(description)} # time=${roundMs(ms)}ms`;
}

function diagBlock(d: Diag, indent: string): string[] {
  return [`${indent}  ---`, ...yamlLines(d, `${indent}  `), `${indent}  ...`];
}

/** The run as a TAP 14 stream. Ends with a line break. */
export function formatTap(run: RunResult): string {
  const out = ["TAP version 14"];
  const scenarios = run.projects.flatMap((p) => p.scenarios.map((s) => ({ project: p.name, s })));
  out.push(scenarios.length === 0 ? "1..0 # no scenarios" : `1..${scenarios.length}`);
  let id = 0;
  for (const { project, s } of scenarios) {
    const title = `${project} › ${s.name}`;
    if (s.modes.length > 0) {
      out.push(`# Subtest: ${escapeControls(title)}`);
      out.push(`    1..${s.modes.length}`);
      s.modes.forEach((m, i) => {
        out.push(`    ${point(m.status === "passed", i + 1, m.mode, m.durationMs)}`);
        if (m.status !== "passed") out.push(...diagBlock(modeDiag(m, s), "    "));
      });
    }
    out.push(point(s.status === "passed", ++id, title, s.durationMs));
    if (s.status !== "passed") out.push(...diagBlock(scenarioDiag(s), ""));
  }
  const t = run.totals;
  out.push(`# passed ${t.passed}`, `# failed ${t.failed}`);
  if (t.errored > 0) out.push(`# errored ${t.errored}`);
  out.push(`# round trips ${t.roundTrips}`, `# largest state ${t.maxStateBytes} bytes`);
  out.push(`# duration ${roundMs(run.durationMs)}ms`);
  if (run.bailed) out.push("Bail out! --bail stopped the run after a failure");
  return `${out.join("\n")}\n`;
}
