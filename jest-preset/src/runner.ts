// The jest runner for `*.endymion.json` test files (create-jest-runner: in band or in workers).

import { createJestRunner } from "create-jest-runner";

export default createJestRunner(require.resolve("./run.js"));
