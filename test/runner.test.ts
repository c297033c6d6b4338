// The scenario runner: ordered mocks, the virtual clock, expectations, the two modes and
// what happens when a round trip goes wrong (a perturbed hydrate, through the test hooks).

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadProject, runProjects, runScenario } from "endymion";
import { describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const shop = loadProject(join(ROOT, "fixtures/shop/shop.endymion.json"));
const failing = loadProject(join(ROOT, "fixtures/shop-failing/shop-failing.endymion.json"));

describe("a passing project", () => {
  it("runs every scenario straight and with a round trip at every yield", () => {
    const r = runProjects([shop]);
    for (const s of r.projects[0].scenarios) {
      expect(s.modes.map((m) => [m.mode, m.status, m.failures])).toEqual([
        ["straight", "passed", []],
        ["roundtrip", "passed", []],
      ]);
    }
    expect(r.totals).toMatchObject({ passed: 4, failed: 0, total: 4 });
    const two = r.projects[0].scenarios[0];
    // load_cart, price, price, log, reserve, emit: a round trip at each of the 6 yields
    expect(two.modes[1].roundTrips).toBe(6);
    expect(two.modes[1].maxStateBytes).toBeGreaterThan(1000);
    expect(two.location.line).toBe(shop.line(["scenarios", "two items"]));
  });

  it("mock delays advance a virtual clock that os.time follows", () => {
    const s = runScenario(shop, "two items");
    expect((s.modes[0].result as Record<string, unknown>).seconds).toBe(2);
  });

  it("dehydrateAfter round-trips at that call only", () => {
    const s = runScenario(shop, "round trip at the second call only");
    expect(s.status).toBe("passed");
    expect(s.modes[1].roundTrips).toBe(1);
  });

  it("--no-roundtrip runs the straight mode only", () => {
    const s = runScenario(shop, "two items", { roundtrip: false });
    expect(s.modes.map((m) => m.mode)).toEqual(["straight"]);
  });

  it("a perturbed hydrate is caught by the round-trip mode, naming the first differing step", () => {
    // a serializer that corrupts one string: at the 2nd yield's round trip the cart's
    // "pear" comes back as "peas", so the 3rd host call differs from the straight run
    const s = runScenario(shop, "two items", {
      testHooks: {
        transformState: (bytes, step) =>
          step === 2 ? Buffer.from(bytes.toString("latin1").replace("pear", "peas"), "latin1") : bytes,
      },
    });
    expect(s.status).toBe("failed");
    expect(s.modes[0].status).toBe("passed");
    const d = s.modes[1].failures[0];
    expect(d.kind).toBe("divergence");
    expect(d.step).toBe(3);
    expect(d.message).toBe(
      'step 3: the straight run made invoke \'price\' { "sku": "pear" }, the round-trip run invoke \'price\' { "sku": "peas" }',
    );
  });

  it("a hook that changes nothing changes nothing", () => {
    const s = runScenario(shop, "two items", { testHooks: { transformState: (b) => b, afterHydrate: () => {} } });
    expect(s.status).toBe("passed");
  });
});

describe("a failing project", () => {
  const r = runProjects([failing]);
  const byName = Object.fromEntries(r.projects[0].scenarios.map((s) => [s.name, s]));

  it("counts passed and failed scenarios", () => {
    expect(r.totals).toMatchObject({ passed: 1, failed: 5, total: 6 });
    expect(byName.passes.status).toBe("passed");
  });

  it("shows a result diff with the expectation's line", () => {
    const f = byName["wrong total"].modes[0].failures[0];
    expect(f.kind).toBe("result");
    expect(f.diff).toContain('-   "total": 5');
    expect(f.diff).toContain('+   "total": 4');
    expect(f.at?.line).toBe(failing.line(["scenarios", "wrong total", "expect", "result"]));
  });

  it("a call with no mock left names the function and the call number", () => {
    const f = byName["a call with no mock left"].modes[0].failures[0];
    expect(f.kind).toBe("mock-exhausted");
    expect(f.message).toBe("call #2 of 'price' has no mock left (1 given)");
  });

  it("mocks left over are listed", () => {
    const f = byName["mocks left over"].modes[0].failures[0];
    expect(f.kind).toBe("mocks-left");
    expect(f.message).toBe("'reserve' has 1 unused mock (called 1 of 2)");
  });

  it("call counts and unexpected handler errors fail the scenario", () => {
    expect(byName["wrong call count"].modes[0].failures[0].message).toBe("'price' was called 0 times, expected 2");
    const crash = byName["the handler crashes"].modes[0].failures[0];
    expect(crash.kind).toBe("handler-error");
    expect(crash.message).toBe("handler failed: attempt to index a number value");
  });

  it("bail stops at the first failure", () => {
    const b = runProjects([failing], { bail: true });
    expect(b.bailed).toBe(true);
    expect(b.totals.total).toBe(2);
  });

  it("scenario globs select by name", () => {
    const g = runProjects([failing, shop], { scenarios: ["wrong*", "two *"] });
    expect(g.projects.flatMap((p) => p.scenarios.map((s) => s.name))).toEqual([
      "wrong total",
      "wrong call count",
      "two items",
    ]);
  });
});
