import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["native/test/**/*.test.ts", "core/test/**/*.test.ts", "reporters/test/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
