// Runs a project's scenarios for describeScenarios outside jest's module sandbox (which
// cannot load the ES modules of `endymion` on Node 20): `node child.js <file> <options> <out>`
// writes the results, v8-serialized, to <out>.

import { writeFileSync } from "node:fs";
import { serialize } from "node:v8";
import { errorText, type ScenarioOptions } from "./options.js";
import type { ChildPayload } from "./payload.js";

async function main(): Promise<void> {
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
