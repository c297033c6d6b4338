// Allocation accounting for the memory limit. The engine's objects live on the JS heap,
// so Lua memory is an estimate: tables, closures, coroutines and long strings add their
// approximate size here when they are made or grow. The counter only rises; a state
// compares it with the mark it took when it started running (see limits.ts), and when the
// estimate crosses the limit a reachability walk measures what is really still in use.

/**
 * bytes: allocated by all states since the process started (approximate, only rises).
 * While a state with a memory limit runs, allocation sites call onCross() when bytes
 * passes checkAt (set by limits.ts; Infinity otherwise), which measures and may raise.
 */
export const heap = { bytes: 0, checkAt: Infinity, onCross: () => {} };

/** Counts an allocation of n bytes. */
export function account(n: number): void {
  if ((heap.bytes += n) > heap.checkAt) heap.onCross();
}

/** Estimated cost of an empty table, a closure, a coroutine and a table slot. */
export const TABLE_BYTES = 56;
export const CLOSURE_BYTES = 40;
export const THREAD_BYTES = 640;
export const SLOT_BYTES = 16;
