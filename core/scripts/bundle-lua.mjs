// Bundles `endymion lua` (the interpreter command and the engine) into one CommonJS file,
// lua-bundle.cjs, and writes V8's code cache for it, so that running a Lua script does not
// pay for resolving dozens of modules nor for compiling the engine's code: cli.js compiles
// the bundle with the cache (see lua-loader.ts). Run by `npm run build` after tsc.

import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
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

// The code cache is written by cli.js (ENDYMION_WRITE_CODE_CACHE names the file) after an
// empty chunk: it holds the engine's code compiled but nothing learned from running a
// program. (A cache written after a warm-up program carried V8's decisions about the
// functions it ran, such as optimizations it had given up, and made sort.lua 30% slower.)
const cache = path.join(dist, "lua-bundle.cache");
rmSync(cache, { force: true }); // made from scratch, not from what an older cache held
execFileSync(process.execPath, [path.join(dist, "cli.js"), "lua", "-e", ""], {
  env: { ...process.env, ENDYMION_WRITE_CODE_CACHE: cache },
  stdio: ["ignore", "ignore", "inherit"],
});
