// Bundles `endymion lua` (the interpreter command and the engine) into one file, so that
// running a Lua script does not pay for resolving and loading dozens of modules: start-up
// is then within a few milliseconds of `node -e 0`. Run by `npm run build` after tsc.

import { build } from "esbuild";

await build({
  entryPoints: [new URL("../dist/lua/command.js", import.meta.url).pathname],
  outfile: new URL("../dist/lua-bundle.js", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
});
