-- checks: an error in a finalizer is a warning ("error in __gc (...)"), never an error of the
-- program; a __gc that is not a function; allocation loops end once a finalizer sets a flag
-- (collections run at allocation points too); os.exit(code, true) closes the state first
local done = false
local u = setmetatable({}, { __gc = function() done = true end })
u = nil
local n = 0
repeat n = n + 1; local t = {} until done
print("finalized during allocation")
done = false
u = setmetatable({}, { __gc = function() done = true end })
u = nil
repeat local s = tostring(n) .. "x"; n = n + 1 until done
print("finalized during concatenation")
warn("@on")
setmetatable({}, { __gc = function() error("boom") end })
collectgarbage()
print("after the error")
setmetatable({}, { __gc = 42 })
collectgarbage()
setmetatable({}, { __gc = function() print("closed by os.exit") end })
io.stdout:flush()
os.exit(3, true)
