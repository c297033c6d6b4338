// The `endymion` package: the runtime and session API, and the Lua/JS value mapping.

export { StateError, type StateErrorCode } from "@endymion/native";
export { schemaArbitrary } from "./fuzz/arbitrary.js";
export {
  caseArbitrary,
  checkCase,
  DEFAULT_RUNS,
  type FuzzCase,
  type FuzzOptions,
  type FuzzResult,
  fuzzScenario,
  type Invariants,
  mocksFor,
  parseReplay,
} from "./fuzz/fuzz.js";
export { type Issue, IssueError } from "./project/json.js";
export {
  type LoadOptions,
  loadProject,
  type MockDef,
  Project,
  type ProjectFile,
  type ScenarioDef,
} from "./project/project.js";
export { lineDiff, luaEqual } from "./runner/compare.js";
export { findProjectFiles, type RunOptions, runPaths, runProjects, selectScenarios } from "./runner/run.js";
export { runScenario, type ScenarioOptions, type TestHooks, VIRTUAL_EPOCH } from "./runner/scenario.js";
export {
  EndymionRuntime,
  HandlerSession,
  type HostCommand,
  type RuntimeLimits,
  type RuntimeOptions,
  type RuntimeUsage,
  type SessionStatus,
} from "./runtime.js";
export { ConversionError, toJS, toLua } from "./values.js";
