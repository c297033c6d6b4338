// The `endymion` package: the runtime and session API, and the Lua/JS value mapping.

export { StateError, type StateErrorCode } from "@endymion/native";
export {
  EndymionRuntime,
  HandlerSession,
  type HostCommand,
  type RuntimeLimits,
  type RuntimeOptions,
  type RuntimeUsage,
  type SessionStatus,
} from "./runtime.js";
export { ConversionError, toJS, toLua } from "./values.js";
