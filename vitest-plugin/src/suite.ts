// One project's scenarios inside a test worker: loaded on first use, each scenario run once
// (both modes) and cached, so the `it` of each mode only asserts its own part.

import type { CallRecord, ModeName, ModeResult, ScenarioResult } from "@endymion/reporters";
import { loadProject, type Project, runScenario } from "endymion";
import { type Verdict, verdictOf } from "./failures.js";

export interface SuiteOptions {
  /** Globs over scenario names (any may match); all scenarios when absent or empty. */
  scenarios?: string[];
  /** Run the round-trip mode too (default true). */
  roundtrip?: boolean;
  /** Config overlay files applied over the project's config, in order (paths relative to the current folder). */
  overlays?: string[];
  /** Config assignments "path.to.key=value" applied last. */
  sets?: string[];
}

/** What a custom check gets for one scenario in one mode. */
export interface CheckContext {
  /** The scenario's name. */
  scenario: string;
  mode: ModeName;
  /** The handler's result when it completed. */
  result: unknown;
  /** The handler's error message when it failed. */
  error: string | undefined;
  /** Every host call in order: invoke, emit and log records. */
  calls: CallRecord[];
  /** The emitted events in order, as `{ name, payload }`. */
  emits: { name: string; payload: unknown }[];
  /** The whole mode result (status, failures, round trips, state size...). */
  modeResult: ModeResult;
  /** The whole scenario result (both modes). */
  scenarioResult: ScenarioResult;
  project: { name: string; file: string };
}

export function modesOf(options: { roundtrip?: boolean }): ModeName[] {
  return options.roundtrip === false ? ["straight"] : ["straight", "roundtrip"];
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class ScenarioSuite {
  private project: Project | undefined;
  private loadError: string | undefined;
  private readonly results = new Map<string, ScenarioResult>();
  private readonly crashes = new Map<string, string>();

  constructor(
    readonly file: string,
    readonly options: SuiteOptions = {},
  ) {}

  /** The loaded project; throws the loader's error (every problem with file:line). */
  load(): Project {
    if (this.project) return this.project;
    if (this.loadError !== undefined) throw new Error(this.loadError);
    try {
      this.project = loadProject(this.file, { overlays: this.options.overlays, sets: this.options.sets });
      return this.project;
    } catch (e) {
      this.loadError = errorText(e);
      throw new Error(this.loadError);
    }
  }

  /** Runs a scenario (both modes) the first time it is asked for. */
  run(name: string): ScenarioResult {
    let r = this.results.get(name);
    if (r) return r;
    const crash = this.crashes.get(name);
    if (crash !== undefined) throw new Error(crash);
    try {
      r = runScenario(this.load(), name, { roundtrip: this.options.roundtrip !== false });
    } catch (e) {
      const message = `scenario '${name}' could not run: ${errorText(e)}`;
      this.crashes.set(name, message);
      throw new Error(message);
    }
    this.results.set(name, r);
    return r;
  }

  /** What the `it` of one mode must assert; never throws. */
  verdict(name: string, mode: ModeName): Verdict {
    let r: ScenarioResult;
    try {
      r = this.run(name);
    } catch (e) {
      return { message: errorText(e) };
    }
    return verdictOf(
      r,
      r.modes.find((m) => m.mode === mode),
    );
  }

  /** The context a custom check gets. */
  context(name: string, mode: ModeName): CheckContext {
    const r = this.run(name);
    const m = r.modes.find((x) => x.mode === mode);
    if (!m) throw new Error(`scenario '${name}' did not run in ${mode} mode`);
    const project = this.load();
    return {
      scenario: name,
      mode,
      result: m.result,
      error: m.error,
      calls: m.calls,
      emits: m.calls.filter((c) => c.type === "emit").map((c) => ({ name: c.name, payload: c.payload })),
      modeResult: m,
      scenarioResult: r,
      project: { name: project.name, file: project.file },
    };
  }
}

/** The suite a generated `*.endymion.json` test module uses. */
export function loadSuite(file: string, options: SuiteOptions = {}): ScenarioSuite {
  return new ScenarioSuite(file, options);
}
