// Running the scenarios of one or more projects: find the project files, filter scenarios
// by glob, run each, and report events and the final RunResult.

import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import {
  type ProjectResult,
  type RunEvent,
  type RunResult,
  type ScenarioResult,
  totalsOf,
  worst,
} from "@endymion/reporters";
import picomatch from "picomatch";
import type { ConfigLayers } from "../project/config.js";
import { loadProject, type Project } from "../project/project.js";
import { runScenario, type TestHooks } from "./scenario.js";

export interface RunOptions extends ConfigLayers {
  /** Globs over scenario names (any may match); all scenarios when empty. */
  scenarios?: string[];
  /** Stop at the first failing scenario. */
  bail?: boolean;
  /** Run the round-trip mode (default true). */
  roundtrip?: boolean;
  onEvent?: (e: RunEvent) => void;
  testHooks?: TestHooks;
}

/** Project files under the given paths: files as given, folders searched for *.endymion.json. */
export function findProjectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".endymion.json")) out.push(p);
    }
  };
  for (const p of paths) {
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(p);
    } catch {
      out.push(p); // loadProject reports it
      continue;
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/** The scenario names of a project that the globs select. */
export function selectScenarios(project: Project, globs: string[] = []): string[] {
  const names = Object.keys(project.def.scenarios ?? {});
  if (globs.length === 0) return names;
  const match = picomatch(globs, { dot: true });
  return names.filter((n) => match(n));
}

/** Runs the scenarios of already loaded projects. */
export function runProjects(projects: Project[], opts: RunOptions = {}): RunResult {
  const emit = opts.onEvent ?? (() => {});
  const start = performance.now();
  emit({ type: "run-start", files: projects.map((p) => relative(process.cwd(), p.file) || p.file) });
  const results: ProjectResult[] = [];
  let bailed = false;
  for (const project of projects) {
    const names = selectScenarios(project, opts.scenarios);
    const pStart = performance.now();
    emit({ type: "project-start", name: project.name, file: project.doc.file, scenarios: names.length });
    const scenarios: ScenarioResult[] = [];
    for (const name of names) {
      emit({ type: "scenario-start", project: project.name, name });
      const s = runScenario(project, name, { roundtrip: opts.roundtrip, testHooks: opts.testHooks });
      scenarios.push(s);
      emit({ type: "scenario-end", scenario: s });
      if (opts.bail && s.status !== "passed") {
        bailed = true;
        break;
      }
    }
    const pr: ProjectResult = {
      name: project.name,
      file: project.doc.file,
      status: worst(scenarios.map((s) => s.status)),
      durationMs: performance.now() - pStart,
      scenarios,
    };
    results.push(pr);
    emit({ type: "project-end", project: pr });
    if (bailed) break;
  }
  const result: RunResult = {
    projects: results,
    totals: totalsOf(results),
    durationMs: performance.now() - start,
    bailed,
  };
  emit({ type: "run-end", result });
  return result;
}

/** Loads the project files under paths (throws IssueError for broken ones) and runs them. */
export function runPaths(paths: string[], opts: RunOptions = {}): RunResult {
  const files = findProjectFiles(paths);
  const projects = files.map((f) => loadProject(f, opts));
  return runProjects(projects, opts);
}
