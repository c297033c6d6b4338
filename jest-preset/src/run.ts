// Runs one `*.endymion.json` test file in a jest worker: every selected scenario once (both
// modes), one assertion result per scenario and mode, failures with the diff and a stack
// frame at the scenario's line so jest prints that part of the project file.

import type { ModeName, ScenarioResult } from "@endymion/reporters";
import { type AssertionResult, createEmptyTestResult, type TestResult } from "@jest/test-result";
import type { Config } from "@jest/types";
import { expect } from "expect";
import { formatResultsErrors } from "jest-message-util";
import { verdictOf } from "./failures.js";
import { errorText, frame, modesOf, type ScenarioOptions } from "./options.js";

interface RunArgs {
  testPath: string;
  config: Config.ProjectConfig;
  globalConfig: Config.GlobalConfig;
}

/** Options from `testEnvironmentOptions.endymion` in the jest config. */
export function optionsOf(config: Config.ProjectConfig): ScenarioOptions {
  const o = (config.testEnvironmentOptions as { endymion?: ScenarioOptions } | undefined)?.endymion;
  return o && typeof o === "object" ? o : {};
}

/** The failure message (message, then a stack frame) of one mode, or undefined when it passed. */
export function failureOf(
  s: ScenarioResult,
  mode: ModeName,
  title: string,
  file: string,
  at: { line: number; column: number },
): string | undefined {
  const v = verdictOf(
    s,
    s.modes.find((m) => m.mode === mode),
  );
  let message: string | undefined;
  if (v.result) {
    try {
      expect(v.result.actual).toEqual(v.result.expected);
    } catch (e) {
      message = `${v.result.message}\n\n${errorText(e)}`;
    }
  }
  message ??= v.message;
  return message === undefined ? undefined : `Error: ${message}\n${frame(title, file, at)}`;
}

export default async function run({ testPath, config, globalConfig }: RunArgs): Promise<TestResult> {
  const start = Date.now();
  const options = optionsOf(config);
  const result = createEmptyTestResult();
  result.testFilePath = testPath;
  result.displayName = config.displayName;
  const done = (): TestResult => {
    const end = Date.now();
    result.perfStats = { ...result.perfStats, start, end, runtime: end - start, slow: false };
    return result;
  };
  const core = await import("endymion");
  let project: ReturnType<typeof core.loadProject>;
  try {
    project = core.loadProject(testPath, { overlays: options.overlays, sets: options.sets });
  } catch (e) {
    const issue = (e as { issues?: { line: number; column: number }[] }).issues?.find((i) => i.line > 0);
    // jest reports a rejected run as "Test suite failed to run" with this message and place
    const error = new Error(errorText(e));
    error.stack = `Error: ${error.message}\n${frame("load", testPath, issue ?? { line: 1, column: 1 })}`;
    throw error;
  }
  const pattern = globalConfig.testNamePattern ? new RegExp(globalConfig.testNamePattern, "i") : undefined;
  const modes = modesOf(options);
  for (const name of core.selectScenarios(project, options.scenarios)) {
    const at = project.doc.locate(["scenarios", name]);
    const rows = modes.map((mode) => {
      const title = `${name} [${mode}]`;
      const fullName = `${project.name} ${title}`;
      return { mode, title, fullName, wanted: !pattern || pattern.test(fullName) };
    });
    let scenario: ScenarioResult | undefined;
    let crash: string | undefined;
    if (rows.some((r) => r.wanted)) {
      try {
        scenario = core.runScenario(project, name, { roundtrip: options.roundtrip !== false });
      } catch (e) {
        crash = `Error: scenario '${name}' could not run: ${errorText(e)}\n${frame(name, testPath, at)}`;
      }
    }
    for (const r of rows) {
      const row: AssertionResult = {
        ancestorTitles: [project.name],
        title: r.title,
        fullName: r.fullName,
        status: "pending",
        duration: null,
        failureDetails: [],
        failureMessages: [],
        numPassingAsserts: 0,
        location: { line: at.line, column: at.column },
      };
      if (r.wanted) {
        const m = scenario?.modes.find((x) => x.mode === r.mode);
        const failure = scenario ? failureOf(scenario, r.mode, r.title, testPath, at) : crash;
        row.duration = m ? Math.round(m.durationMs) : 0;
        row.status = failure === undefined ? "passed" : "failed";
        if (failure !== undefined) {
          row.failureMessages = [failure];
          row.failureDetails = [{ message: failure }];
        }
      }
      result.testResults.push(row);
      if (row.status === "passed") result.numPassingTests++;
      else if (row.status === "failed") result.numFailingTests++;
      else result.numPendingTests++;
    }
  }
  if (result.testResults.length === 0) {
    result.testResults.push({
      ancestorTitles: [project.name],
      title: "no scenarios selected",
      fullName: `${project.name} no scenarios selected`,
      status: "pending",
      duration: null,
      failureDetails: [],
      failureMessages: [],
      numPassingAsserts: 0,
    });
    result.numPendingTests++;
  }
  result.skipped = result.testResults.length > 0 && result.numPendingTests === result.testResults.length;
  result.failureMessage = formatResultsErrors(result.testResults, config, globalConfig, testPath);
  return done();
}
