// @endymion/jest-preset: `describeScenarios` for ordinary jest test files (the preset itself is
// jest-preset.js at the package root). Jest's module sandbox cannot load the ES modules of
// `endymion` on Node 20, so the scenarios run in a child Node process while the file is
// collected; the `it`s then assert each scenario and mode and run the custom check.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize } from "node:v8";
import type { CallRecord, ModeName, ModeResult, ScenarioResult } from "@endymion/reporters";
import { describe, expect, it } from "@jest/globals";
import { verdictOf } from "./failures.js";
import { errorText, frame, modesOf, pointAt, type ScenarioOptions } from "./options.js";
import type { ChildPayload, FuzzPayload } from "./payload.js";

export type { ScenarioOptions } from "./options.js";

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

export interface DescribeScenariosOptions extends ScenarioOptions {
  /**
   * Runs for each scenario and mode after the built-in assertions passed: add custom
   * `expect()` checks on `ctx.result`, `ctx.calls`, `ctx.emits`...
   */
  check?: (ctx: CheckContext) => void | Promise<void>;
}

const CHILD = join(__dirname, "child.js");

/** Runs the child process with args and returns what it wrote, or a failure message. */
function child<T>(file: string, args: string[]): T | { ok: false; message: string } {
  const dir = mkdtempSync(join(tmpdir(), "endymion-jest-"));
  const out = join(dir, "result.bin");
  try {
    execFileSync(process.execPath, [CHILD, ...args, out], {
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    return deserialize(readFileSync(out)) as T;
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    return { ok: false, message: `could not run the scenarios of ${file}: ${stderr || errorText(e)}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the project's scenarios in a child process. */
function runInChild(file: string, options: ScenarioOptions): ChildPayload {
  const { scenarios, roundtrip, overlays, sets } = options;
  const opts = JSON.stringify({ scenarios, roundtrip, overlays: overlays?.map((o) => resolve(o)), sets });
  return child<ChildPayload>(file, [file, opts]);
}

export interface FuzzScenariosOptions {
  /** Globs over scenario names (any may match); all scenarios when absent or empty. */
  scenarios?: string[];
  /** Cases per scenario (default: the project's fuzz.runs, or 100). */
  runs?: number;
  /** Seed (default: a new one each run, printed on failure). */
  seed?: number;
  /** Stop each scenario's search after this many milliseconds. */
  timeLimit?: number;
}

/**
 * Registers `fuzz: <project>` with an `it` per selected scenario: `endymion fuzz` from a jest
 * test file. A failure shows the shrunk case, the seed and the line that replays it.
 */
export function fuzzScenarios(path: string | URL, options: FuzzScenariosOptions = {}): void {
  const file = projectPath(path);
  const run = child<FuzzPayload>(file, ["--fuzz", file, JSON.stringify(options)]);
  if (!run.ok) {
    const message = run.message;
    describe(`fuzz: ${basename(file)}`, () => {
      it("loads", () => {
        throw new Error(message);
      });
    });
    return;
  }
  describe(`fuzz: ${run.project.name}`, () => {
    for (const r of run.results) {
      it(r.name, () => {
        if (!r.ok) throw new Error(r.text);
      });
    }
  });
}

/** An absolute path from a path (relative to the current folder), a file: URL or a URL string. */
function projectPath(path: string | URL): string {
  if (path instanceof URL || path.startsWith("file:")) return fileURLToPath(path);
  return resolve(path);
}

/**
 * Registers a `describe` for the project at `path` (relative to the current folder, or a
 * file: URL) with an `it` per scenario and mode, like a `*.endymion.json` test file does.
 */
export function describeScenarios(path: string | URL, options: DescribeScenariosOptions = {}): void {
  const file = projectPath(path);
  const run = runInChild(file, options);
  if (!run.ok) {
    const message = run.message;
    describe(basename(file), () => {
      it("loads", () => {
        throw pointAt(new Error(message), frame("load", file, run.at ?? { line: 1, column: 1 }));
      });
    });
    return;
  }
  describe(run.project.name, () => {
    for (const sc of run.scenarios) {
      for (const mode of modesOf(options)) {
        const title = `${sc.name} [${mode}]`;
        it(title, async () => {
          const s = sc.result;
          const m = s?.modes.find((x) => x.mode === mode);
          if (!s || !m) {
            const message = sc.crash ?? `scenario '${sc.name}' did not run in ${mode} mode`;
            throw pointAt(new Error(message), frame(title, file, sc.at));
          }
          const v = verdictOf(s, m);
          if (v.result) {
            try {
              expect(v.result.actual).toEqual(v.result.expected);
            } catch (e) {
              throw pointAt(e, frame(title, file, sc.at), v.result.message);
            }
          }
          if (v.message) throw pointAt(new Error(v.message), frame(title, file, sc.at));
          if (options.check) {
            await options.check({
              scenario: sc.name,
              mode,
              result: m.result,
              error: m.error,
              calls: m.calls,
              emits: m.calls.filter((c) => c.type === "emit").map((c) => ({ name: c.name, payload: c.payload })),
              modeResult: m,
              scenarioResult: s,
              project: run.project,
            });
          }
        });
      }
    }
    if (run.scenarios.length === 0) it.skip("no scenarios selected", () => {});
  });
}
