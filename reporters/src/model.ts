// The report model: what a scenario run produces, shared by the CLI's reporters, the vitest
// plugin and the jest preset. The runner (core) emits RunEvents while it works and a
// RunResult at the end; every writer here is a pure function of these plain objects
// (no Node APIs), so results can be stored, sent and written later in any format.

/** How a scenario was run: straight, or with a dehydrate -> fresh runtime -> hydrate round trip. */
export type ModeName = "straight" | "roundtrip";

/** passed; failed = an expectation did not hold; errored = the run itself crashed. */
export type Status = "passed" | "failed" | "errored";

/** Where something is in a file (1-based line). */
export interface Location {
  file: string;
  line: number;
}

/** One host call the handler made, in order. */
export interface CallRecord {
  /** "invoke", "emit" or "log". */
  type: "invoke" | "emit" | "log";
  /** Host function or event name; the level for log. */
  name: string;
  /** Payload (invoke, emit) or message (log). */
  payload: unknown;
}

/** Why a mode did not pass. */
export interface Failure {
  /**
   * result: expect.result differs; error: expect.error did not match; calls: a call count
   * differs; emits: the events differ; mock-exhausted: a call with no mock left;
   * mocks-left: mocks were not consumed; handler-error: the handler failed unexpectedly;
   * validation: a payload or mock response does not match its schema; divergence: the
   * round-trip run differs from the straight run; crash: the runner or engine failed.
   */
  kind:
    | "result"
    | "error"
    | "calls"
    | "emits"
    | "mock-exhausted"
    | "mocks-left"
    | "handler-error"
    | "validation"
    | "divergence"
    | "crash";
  /** One line saying what is wrong. */
  message: string;
  /** What the scenario wanted and what the run gave (for diffs), when it applies. */
  expected?: unknown;
  actual?: unknown;
  /** A readable line diff of expected vs actual (lines starting "- " expected, "+ " actual). */
  diff?: string;
  /** For divergences and call problems: the 1-based host-call step. */
  step?: number;
  /** Where in the project file the expectation is. */
  at?: Location;
}

export interface ModeResult {
  mode: ModeName;
  status: Status;
  durationMs: number;
  /** Dehydrate/hydrate round trips performed in this mode. */
  roundTrips: number;
  /** Largest state written, in bytes (0 when none). */
  maxStateBytes: number;
  failures: Failure[];
  /** The handler's result when it completed. */
  result?: unknown;
  /** The handler's error message when it failed. */
  error?: string;
  calls: CallRecord[];
}

export interface ScenarioResult {
  /** Project name (the project file's `name`, or its base name). */
  project: string;
  /** The scenario's name (its key in `scenarios`). */
  name: string;
  description?: string;
  handler: string;
  /** The scenario's position in the project file. */
  location: Location;
  status: Status;
  durationMs: number;
  modes: ModeResult[];
}

export interface ProjectResult {
  name: string;
  file: string;
  status: Status;
  durationMs: number;
  scenarios: ScenarioResult[];
}

export interface Totals {
  passed: number;
  failed: number;
  /** Scenarios that crashed (counted in failed too). */
  errored: number;
  total: number;
  roundTrips: number;
  maxStateBytes: number;
}

export interface RunResult {
  projects: ProjectResult[];
  totals: Totals;
  durationMs: number;
  /** True when --bail stopped the run early. */
  bailed: boolean;
}

/** What the runner reports while it works. */
export type RunEvent =
  | { type: "run-start"; files: string[] }
  | { type: "project-start"; name: string; file: string; scenarios: number }
  | { type: "scenario-start"; project: string; name: string }
  | { type: "scenario-end"; scenario: ScenarioResult }
  | { type: "project-end"; project: ProjectResult }
  | { type: "run-end"; result: RunResult };

/** The worst of several statuses. */
export function worst(statuses: Status[]): Status {
  if (statuses.includes("errored")) return "errored";
  if (statuses.includes("failed")) return "failed";
  return "passed";
}

/** Totals over projects. */
export function totalsOf(projects: ProjectResult[]): Totals {
  const t: Totals = { passed: 0, failed: 0, errored: 0, total: 0, roundTrips: 0, maxStateBytes: 0 };
  for (const p of projects) {
    for (const s of p.scenarios) {
      t.total++;
      if (s.status === "passed") t.passed++;
      else t.failed++;
      if (s.status === "errored") t.errored++;
      for (const m of s.modes) {
        t.roundTrips += m.roundTrips;
        t.maxStateBytes = Math.max(t.maxStateBytes, m.maxStateBytes);
      }
    }
  }
  return t;
}
