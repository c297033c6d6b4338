// Runs a project's scenarios for describeScenarios outside jest's module sandbox (which
// cannot load the ES modules of `endymion` on Node 20): `node child.js <file> <options> <out>`
// writes the results, v8-serialized, to <out>.

import { writeFileSync } from "node:fs";
import { serialize } from "node:v8";
import { errorText, type ScenarioOptions } from "./options.js";
import type { ChildPayload, FuzzPayload } from "./payload.js";

/** `node child.js --fuzz <file> <options> <out>`: fuzzes the selected scenarios. */
async function fuzz(file: string, options: FuzzChildOptions, out: string): Promise<void> {
  let payload: FuzzPayload;
  try {
    const core = await import("endymion");
    const project = core.loadProject(file);
    const results = core.selectScenarios(project, options.scenarios).map((name) => {
      const r = core.fuzzScenario(project, name, options);
      const quoted = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
      const text = r.ok
        ? undefined
        : [
            `${r.failure?.message} (after ${r.runs} runs, ${r.failure?.shrinks ?? 0} shrinks)`,
            `case: ${JSON.stringify(r.failure?.case)}`,
            `seed: ${r.seed}`,
            `replay: endymion fuzz ${quoted(file)} --replay ${quoted(r.replay ?? "")}`,
          ].join("\n");
      return { name, ok: r.ok, text };
    });
    payload = { ok: true, project: { name: project.name, file: project.file }, results };
  } catch (e) {
    payload = { ok: false, message: errorText(e) };
  }
  writeFileSync(out, serialize(payload));
}

export interface FuzzChildOptions {
  scenarios?: string[];
  runs?: number;
  seed?: number;
  timeLimit?: number;
}

async function main(): Promise<void> {
  if (process.argv[2] === "--fuzz") {
    const [file, json, out] = process.argv.slice(3);
    return fuzz(file, JSON.parse(json) as FuzzChildOptions, out);
  }
  const [file, json, out] = process.argv.slice(2);
  const options = JSON.parse(json) as ScenarioOptions;
  let payload: ChildPayload;
  try {
    const core = await import("endymion");
    const project = core.loadProject(file, { overlays: options.overlays, sets: options.sets });
    const scenarios = core.selectScenarios(project, options.scenarios).map((name) => {
      const at = project.doc.locate(["scenarios", name]);
      try {
        return { name, at, result: core.runScenario(project, name, { roundtrip: options.roundtrip !== false }) };
      } catch (e) {
        return { name, at, crash: `scenario '${name}' could not run: ${errorText(e)}` };
      }
    });
    payload = { ok: true, project: { name: project.name, file: project.file }, scenarios };
  } catch (e) {
    const issue = (e as { issues?: { line: number; column: number }[] }).issues?.find((i) => i.line > 0);
    payload = { ok: false, message: errorText(e), at: issue ? { line: issue.line, column: issue.column } : undefined };
  }
  writeFileSync(out, serialize(payload));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
