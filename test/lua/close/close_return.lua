-- checks: <close> runs after return values are computed, and can't change them
local function R(t) return setmetatable({}, {__close = function() t.closed = true end}) end
local function f()
  local state = {closed = false}
  local r <close> = R(state)
  return state.closed, state
end
local before, st = f()
print(before, st.closed)
local function g()
  local r <close> = setmetatable({}, {__close = function() print("closing in g") end})
  return "g1", "g2"
end
print(g())
