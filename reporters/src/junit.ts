// JUnit XML, as CI servers read it: a <testsuite> per project file and a <testcase> per
// scenario and mode ("happy path [straight]", "happy path [roundtrip]"). Expectation failures
// are <failure type="<kind>">, crashes (status errored) <error type="crash">.

import type { Failure, ModeResult, ProjectResult, RunResult, ScenarioResult } from "./model.js";
import { showValue } from "./values.js";

/** Removes characters XML 1.0 does not allow (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
export function stripInvalidXml(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}

/** Text content: & < > escaped (and CR kept as a reference so parsers do not fold it). */
export function escapeXmlText(s: string): string {
  return stripInvalidXml(s).replace(/[&<>\r]/g, (c) => XML_ENTITY[c]!);
}

/** An attribute value: & < > " ' escaped, and tab/LF/CR as references so they survive. */
export function escapeXmlAttr(s: string): string {
  return stripInvalidXml(s).replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITY[c]!);
}

const XML_ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Milliseconds as JUnit seconds with 3 decimals. */
export function junitSeconds(ms: number): string {
  return (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);
}

function attrs(a: Record<string, string | number>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(String(v))}"`)
    .join("");
}

function failureText(f: Failure): string {
  const out = [`${f.kind}: ${f.message}`];
  if (f.at) out.push(`at ${f.at.file}:${f.at.line}`);
  if (f.step !== undefined) out.push(`step ${f.step}`);
  if (f.diff !== undefined && f.diff !== "") out.push(f.diff);
  else {
    if (f.expected !== undefined) out.push(`expected: ${showValue(f.expected)}`);
    if (f.actual !== undefined) out.push(`actual: ${showValue(f.actual)}`);
  }
  return out.join("\n");
}

/** The <failure> or <error> element of a mode that did not pass. */
function problem(m: ModeResult, s: ScenarioResult): string {
  const errored = m.status === "errored";
  const first = errored ? (m.failures.find((f) => f.kind === "crash") ?? m.failures[0]) : m.failures[0];
  const message =
    m.failures.length > 1
      ? m.failures.map((f) => f.message).join("; ")
      : (first?.message ?? m.error ?? `${m.mode} ${m.status}`);
  const body = [`scenario at ${s.location.file}:${s.location.line}`, ...m.failures.map(failureText)];
  if (m.error !== undefined && !m.failures.some((f) => f.message.includes(m.error!))) body.push(`error: ${m.error}`);
  const tag = errored ? "error" : "failure";
  const type = errored ? "crash" : (first?.kind ?? "failure");
  return `<${tag}${attrs({ message, type })}>${escapeXmlText(body.join("\n\n"))}</${tag}>`;
}

interface Case {
  name: string;
  status: ScenarioResult["status"];
  xml: string;
}

function cases(p: ProjectResult, used: Set<string>): Case[] {
  const out: Case[] = [];
  const unique = (name: string): string => {
    let n = name;
    for (let i = 2; used.has(`${p.name}\u0000${n}`); i++) n = `${name} (${i})`;
    used.add(`${p.name}\u0000${n}`);
    return n;
  };
  for (const s of p.scenarios) {
    const where = { file: s.location.file, line: s.location.line };
    if (s.modes.length === 0) {
      // nothing ran (the scenario failed before its first mode): still one testcase
      const name = unique(s.name);
      const a = attrs({ classname: p.name, name, time: junitSeconds(s.durationMs), ...where });
      const body =
        s.status === "passed"
          ? ""
          : `\n      <${s.status === "errored" ? "error" : "failure"}${attrs({ message: `scenario ${s.status}`, type: s.status === "errored" ? "crash" : "failure" })}/>\n    `;
      out.push({ name, status: s.status, xml: body ? `<testcase${a}>${body}</testcase>` : `<testcase${a}/>` });
      continue;
    }
    for (const m of s.modes) {
      const name = unique(`${s.name} [${m.mode}]`);
      const a = attrs({ classname: p.name, name, time: junitSeconds(m.durationMs), ...where });
      const xml = m.status === "passed" ? `<testcase${a}/>` : `<testcase${a}>\n      ${problem(m, s)}\n    </testcase>`;
      out.push({ name, status: m.status, xml });
    }
  }
  return out;
}

/** The run as a JUnit XML document. Ends with a line break. */
export function formatJunit(run: RunResult): string {
  const used = new Set<string>();
  const suites = run.projects.map((p) => ({ p, cases: cases(p, used) }));
  const all = suites.flatMap((x) => x.cases);
  const count = (cs: Case[], st: string) => cs.filter((c) => c.status === st).length;
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${attrs({ name: "endymion", tests: all.length, failures: count(all, "failed"), errors: count(all, "errored"), time: junitSeconds(run.durationMs) })}>`,
  ];
  for (const { p, cases: cs } of suites) {
    const a = attrs({
      name: p.name,
      tests: cs.length,
      failures: count(cs, "failed"),
      errors: count(cs, "errored"),
      skipped: 0,
      time: junitSeconds(p.durationMs),
      file: p.file,
    });
    if (cs.length === 0) {
      out.push(`  <testsuite${a}/>`);
      continue;
    }
    out.push(`  <testsuite${a}>`);
    for (const c of cs) out.push(`    ${c.xml}`);
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
}
