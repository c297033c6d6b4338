// The machine report: stable JSON described by schema/report.schema.json (version 1).
// Keys are always written in the order below; durations are rounded to microseconds; values
// from the run (results, payloads, expected/actual) are made JSON-safe with jsonSafe().

import type { CallRecord, Failure, ModeResult, ProjectResult, RunResult, ScenarioResult } from "./model.js";
import { type JsonValue, jsonSafe, roundMs } from "./values.js";

/** The version of the JSON report format (the `version` field). */
export const JSON_REPORT_VERSION = 1;

type Obj = { [key: string]: JsonValue };

function put(o: Obj, k: string, v: unknown): void {
  const safe = jsonSafe(v);
  if (safe !== undefined) o[k] = safe;
}

function failureJson(f: Failure): Obj {
  const o: Obj = { kind: f.kind, message: f.message };
  put(o, "expected", f.expected);
  put(o, "actual", f.actual);
  if (f.diff !== undefined) o.diff = f.diff;
  if (f.step !== undefined) o.step = f.step;
  if (f.at) o.at = { file: f.at.file, line: f.at.line };
  return o;
}

function callJson(c: CallRecord): Obj {
  // payload is always present (null when the call had none)
  return { type: c.type, name: c.name, payload: jsonSafe(c.payload) ?? null };
}

function modeJson(m: ModeResult): Obj {
  const o: Obj = {
    mode: m.mode,
    status: m.status,
    durationMs: roundMs(m.durationMs),
    roundTrips: m.roundTrips,
    maxStateBytes: m.maxStateBytes,
    failures: m.failures.map(failureJson),
  };
  put(o, "result", m.result);
  if (m.error !== undefined) o.error = m.error;
  o.calls = m.calls.map(callJson);
  return o;
}

function scenarioJson(s: ScenarioResult): Obj {
  const o: Obj = { name: s.name };
  if (s.description !== undefined) o.description = s.description;
  Object.assign(o, {
    handler: s.handler,
    file: s.location.file,
    line: s.location.line,
    status: s.status,
    durationMs: roundMs(s.durationMs),
    modes: s.modes.map(modeJson),
  });
  return o;
}

function projectJson(p: ProjectResult): Obj {
  return {
    name: p.name,
    file: p.file,
    status: p.status,
    durationMs: roundMs(p.durationMs),
    scenarios: p.scenarios.map(scenarioJson),
  };
}

/** The report as a JSON value (what formatJson writes). */
export function toJsonReport(run: RunResult): Obj {
  const t = run.totals;
  return {
    version: JSON_REPORT_VERSION,
    totals: {
      passed: t.passed,
      failed: t.failed,
      errored: t.errored,
      total: t.total,
      roundTrips: t.roundTrips,
      maxStateBytes: t.maxStateBytes,
    },
    durationMs: roundMs(run.durationMs),
    bailed: run.bailed,
    projects: run.projects.map(projectJson),
  };
}

/** The run as JSON text (2-space indented, ending with a line break). */
export function formatJson(run: RunResult): string {
  return `${JSON.stringify(toJsonReport(run), null, 2)}\n`;
}
