// describeScenarios: the same describe/it per scenario and mode from an ordinary test file,
// with an optional per-scenario check for custom expectations on the result and the calls.

import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { selectScenarios } from "endymion";
import { describe, expect, it } from "vitest";
import { type CheckContext, errorText, modesOf, ScenarioSuite, type SuiteOptions } from "./suite.js";

export interface DescribeScenariosOptions extends SuiteOptions {
  /**
   * Runs for each scenario and mode after the built-in assertions passed: add custom
   * `expect()` checks on `ctx.result`, `ctx.calls`, `ctx.emits`...
   */
  check?: (ctx: CheckContext) => void | Promise<void>;
}

/** An absolute path from a path (relative to the current folder), a file: URL or a URL string. */
export function projectPath(path: string | URL): string {
  if (path instanceof URL) return fileURLToPath(path);
  if (path.startsWith("file:")) return fileURLToPath(path);
  return resolve(path);
}

/** A stack frame line pointing at a place in a file. */
export function frame(name: string, file: string, at: { line: number; column: number }): string {
  return `    at ${name} (${file}:${at.line}:${at.column})`;
}

/**
 * Puts a frame at the top of an error's stack, so the failure is reported there; `prefix`
 * goes before the message.
 */
export function pointAt(error: unknown, frameLine: string, prefix?: string): unknown {
  if (!(error instanceof Error)) return error;
  const stack = error.stack ?? "";
  const head = `${error.name}: ${error.message}`;
  const frames = stack.startsWith(head)
    ? stack.slice(head.length).replace(/^\n/, "")
    : stack
        .split("\n")
        .filter((l) => /^\s+at /.test(l))
        .join("\n");
  if (prefix) error.message = `${prefix}\n\n${error.message}`;
  error.stack = [`${error.name}: ${error.message}`, frameLine, frames].filter(Boolean).join("\n");
  return error;
}

/**
 * Registers a `describe` for the project at `path` (relative to the current folder, or a
 * file: URL) with an `it` per scenario and mode, like a `*.endymion.json` test file does.
 */
export function describeScenarios(path: string | URL, options: DescribeScenariosOptions = {}): void {
  const file = projectPath(path);
  const suite = new ScenarioSuite(file, options);
  let project: ReturnType<ScenarioSuite["load"]>;
  try {
    project = suite.load();
  } catch (e) {
    const message = errorText(e);
    describe(basename(file), () => {
      it("loads", () => {
        throw pointAt(new Error(message), frame("load", file, { line: 1, column: 1 }));
      });
    });
    return;
  }
  const names = selectScenarios(project, options.scenarios);
  describe(project.name, () => {
    for (const name of names) {
      const at = project.doc.locate(["scenarios", name]);
      for (const mode of modesOf(options)) {
        const title = `${name} [${mode}]`;
        it(title, async () => {
          const v = suite.verdict(name, mode);
          try {
            if (v.result) expect(v.result.actual, v.result.message).toEqual(v.result.expected);
            if (v.message) throw new Error(v.message);
          } catch (e) {
            throw pointAt(e, frame(title, file, at));
          }
          if (options.check) await options.check(suite.context(name, mode));
        });
      }
    }
    if (names.length === 0) it.skip("no scenarios selected", () => {});
  });
}
