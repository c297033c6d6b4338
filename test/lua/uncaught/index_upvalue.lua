-- checks: uncaught "attempt to index a nil value (upvalue 'state')"
local state
local function read() return state.count end
print(read())
