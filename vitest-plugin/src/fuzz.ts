// fuzzScenarios: `endymion fuzz` from an ordinary test file: an `it` per scenario that
// searches mock orderings, injected host errors, schema-generated responses and round-trip
// points, and fails with the shrunk case and the line that replays it.

import { basename } from "node:path";
import { type FuzzOptions, fuzzScenario, loadProject, selectScenarios } from "endymion";
import { describe, it } from "vitest";
import { projectPath } from "./helper.js";

export interface FuzzScenariosOptions extends Omit<FuzzOptions, "testHooks"> {
  /** Globs over scenario names (any may match); all scenarios when absent or empty. */
  scenarios?: string[];
}

/** The message of a failed fuzz search: why, the shrunk case, the seed and the replay line. */
export function fuzzFailureText(file: string, r: ReturnType<typeof fuzzScenario>): string {
  const quoted = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return [
    `${r.failure?.message} (after ${r.runs} runs, ${r.failure?.shrinks ?? 0} shrinks)`,
    `case: ${JSON.stringify(r.failure?.case)}`,
    `seed: ${r.seed}`,
    `replay: endymion fuzz ${quoted(file)} --replay ${quoted(r.replay ?? "")}`,
  ].join("\n");
}

/** Registers `fuzz: <project>` with an `it` per selected scenario. */
export function fuzzScenarios(path: string | URL, options: FuzzScenariosOptions = {}): void {
  const file = projectPath(path);
  let project: ReturnType<typeof loadProject>;
  try {
    project = loadProject(file);
  } catch (e) {
    describe(`fuzz: ${basename(file)}`, () => {
      it("loads", () => {
        throw e;
      });
    });
    return;
  }
  describe(`fuzz: ${project.name}`, () => {
    for (const name of selectScenarios(project, options.scenarios)) {
      it(name, () => {
        const r = fuzzScenario(project, name, options);
        if (!r.ok) throw new Error(fuzzFailureText(file, r));
      });
    }
  });
}
