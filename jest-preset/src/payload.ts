// What the child process hands back to describeScenarios.

import type { ScenarioResult } from "@endymion/reporters";

export interface Position {
  line: number;
  column: number;
}

export type ChildPayload =
  | {
      ok: true;
      project: { name: string; file: string };
      scenarios: { name: string; at: Position; result?: ScenarioResult; crash?: string }[];
    }
  | { ok: false; message: string; at?: Position };

/** What the child process hands back to fuzzScenarios. */
export type FuzzPayload =
  | { ok: true; project: { name: string; file: string }; results: { name: string; ok: boolean; text?: string }[] }
  | { ok: false; message: string };
