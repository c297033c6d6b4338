// @endymion/vitest: Endymion scenarios as vitest tests, either as `*.endymion.json` test files
// (the `endymion()` plugin) or from ordinary test files (`describeScenarios`), and fuzzing
// (`fuzzScenarios`).

import { endymion } from "./plugin.js";

export { type FuzzScenariosOptions, fuzzScenarios } from "./fuzz.js";
export { type DescribeScenariosOptions, describeScenarios } from "./helper.js";
export { type EndymionPluginOptions, endymion, generateTestModule } from "./plugin.js";
export type { CheckContext, SuiteOptions } from "./suite.js";
export default endymion;
