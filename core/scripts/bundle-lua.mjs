// Bundles `endymion lua` (the interpreter command and the engine) into one CommonJS file,
// lua-bundle.cjs, and writes V8's code cache for it, so that running a Lua script does not
// pay for resolving dozens of modules nor for compiling the engine's code: cli.js compiles
// the bundle with the cache (see loadLuaBundle there). Run by `npm run build` after tsc.

import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));

await build({
  entryPoints: [path.join(dist, "lua/command.js")],
  outfile: path.join(dist, "lua-bundle.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
  // CommonJS has no import.meta: the bundle's own file URL stands in for it.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [
    {
      // The state format (and cbor-x, which probes for a native addon when it loads) is not
      // used by the interpreter command: marking its modules free of side effects lets the
      // bundler leave them out.
      name: "no-state-format",
      setup(b) {
        b.onResolve({ filter: /\/state\/[a-z]+\.js$/ }, (args) => ({
          path: path.resolve(args.resolveDir, args.path),
          sideEffects: false,
        }));
      },
    },
  ],
});

// The code cache holds what V8 compiled while running a short script through the
// interpreter: written by cli.js when ENDYMION_WRITE_CODE_CACHE names the file.
const warmUp = path.join(dist, "..", "scripts", "warm-up.lua");
execFileSync(process.execPath, [path.join(dist, "cli.js"), "lua", warmUp], {
  env: { ...process.env, ENDYMION_WRITE_CODE_CACHE: path.join(dist, "lua-bundle.cache") },
  stdio: ["ignore", "ignore", "inherit"],
});
