// The jest preset: `*.endymion.json` files are test files, run by the Endymion runner.
// Use it with `preset: "@endymion/jest-preset"`; see the README for mixing with other tests.
module.exports = {
  runner: require.resolve("./dist/runner.js"),
  testMatch: ["**/*.endymion.json"],
  moduleFileExtensions: ["js", "mjs", "cjs", "jsx", "ts", "tsx", "json", "node"],
};
