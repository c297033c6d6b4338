-- checks: upvalues stay alive after the enclosing function returns (closed upvalues)
local function make()
  local t = {}
  local count = 0
  local function add(v) count = count + 1; t[count] = v end
  local function list() return table.concat(t, ","), count end
  return add, list
end
local add, list = make()
for i = 1, 5 do add(i * i) end
print(list())
