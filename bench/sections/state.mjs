// State section: how big a dehydrated state is and how long dehydrate and hydrate take.
//
// Runs in the driver's process on the built package (core/dist/index.js). Two workflows,
// each suspended at its first host call:
//   order   the seed's order workflow, yielded at sys.invoke("get_user", ...)
//   table   a script whose module-level local holds a 100k-entry table (50k array entries
//           + 50k string keys), captured by the handler, yielded at a host call
// For each: the state's size in bytes, and the median over the timed runs of
//   dehydrate  rt.dehydrate() on the yielded runtime (the same runtime every run)
//   hydrate    rt.hydrate(bytes) on a fresh runtime with the libraries, namespace and script
//              already set up (that set-up is not timed)
// Timed with performance.now(), after WARMUP untimed runs. Every hydrated state is checked:
// its session must be yielded at the same command as the original. The number of timed
// runs is max(MIN_RUNS, --runs).

import { readFileSync } from "node:fs";

const LIBS = ["base", "string", "table", "math", "coroutine"];
const WARMUP = 2;
const MIN_RUNS = 7;

const ORDER_LUA = readFileSync(new URL("../../fixtures/order/scripts/order.lua", import.meta.url), "utf8");

const TABLE_ENTRIES = 100_000;
const TABLE_LUA = `local big = {}
for i = 1, ${TABLE_ENTRIES / 2} do big[i] = i * 2 end
for i = 1, ${TABLE_ENTRIES / 2} do big["key" .. i] = i end
return {
  handlers = {
    run = sys.export(function(input)
      local extra = sys.invoke("lookup", { n = #big, k = big.key7 })
      return { n = #big, k = big["key" .. input.k], extra = extra }
    end)
  }
}
`;

const WORKLOADS = [
  {
    name: "order",
    what: "seed order workflow at get_user",
    script: "order.lua",
    source: ORDER_LUA,
    handler: "process_order",
    input: { orderId: 42, userId: 1 },
  },
  {
    name: "table",
    what: `module-level table, ${TABLE_ENTRIES / 1000}k entries (50k array + 50k string keys)`,
    script: "table.lua",
    source: TABLE_LUA,
    handler: "run",
    input: { k: 12345 },
  },
];

export default {
  title: "State: dehydrate and hydrate",
  async run(ctx) {
    const { EndymionRuntime } = await import(new URL("../../core/dist/index.js", import.meta.url).href);
    const runs = Math.max(MIN_RUNS, ctx.options.runs);
    const fresh = (w) => {
      const rt = new EndymionRuntime();
      rt.openLibs(LIBS);
      rt.registerNamespace("sys");
      rt.loadScriptSource(w.script, w.source);
      return rt;
    };
    const rows = [];
    for (const w of WORKLOADS) {
      ctx.log(`  state: ${w.name}`);
      const rt = fresh(w);
      const session = rt.startHandler(w.handler, w.input);
      if (session.status !== "yielded") {
        throw new Error(`${w.name}: the handler did not yield (${session.status}: ${session.errorMessage ?? ""})`);
      }
      const command = JSON.stringify(session.command);

      let bytes;
      const dehydrateMs = [];
      for (let i = 0; i < WARMUP + runs; i++) {
        const t0 = performance.now();
        bytes = rt.dehydrate();
        const t1 = performance.now();
        if (i >= WARMUP) dehydrateMs.push(t1 - t0);
      }

      const hydrateMs = [];
      for (let i = 0; i < WARMUP + runs; i++) {
        const rt2 = fresh(w);
        const t0 = performance.now();
        rt2.hydrate(bytes);
        const t1 = performance.now();
        if (i >= WARMUP) hydrateMs.push(t1 - t0);
        const s2 = rt2.startHydratedSession();
        if (s2.status !== "yielded" || JSON.stringify(s2.command) !== command) {
          throw new Error(`${w.name}: the hydrated session is not where the original was`);
        }
        s2.abort();
      }
      session.abort();

      rows.push([
        w.name,
        w.what,
        bytes.length.toLocaleString("en-US"),
        ms(ctx.median(dehydrateMs)),
        ms(ctx.median(hydrateMs)),
        ms(Math.min(...dehydrateMs)),
        ms(Math.min(...hydrateMs)),
      ]);
    }
    return {
      columns: ["state", "workflow", "bytes", "dehydrate ms", "hydrate ms", "min dehydrate", "min hydrate"],
      rows,
      align: ["l", "l", "r", "r", "r", "r", "r"],
      notes: [
        `In-process (core/dist/index.js), unsigned states. Median (and minimum) of ${runs} timed runs after ` +
          `${WARMUP} warm-up runs, performance.now(). hydrate runs on a fresh runtime whose libraries, namespace ` +
          "and script are set up before the timer starts; each hydrated session is checked to be at the same host call.",
      ],
    };
  },
};

function ms(x) {
  return x < 10 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(1);
}
