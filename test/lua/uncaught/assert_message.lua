-- checks: uncaught assert failure with a message has no position
local ok = false
assert(ok, "assertion with custom message")
