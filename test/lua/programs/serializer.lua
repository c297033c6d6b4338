-- checks: serializing nested tables to Lua source and loading them back (with cycles detection)
local function serialize(v, seen)
  seen = seen or {}
  local t = type(v)
  if t == "string" then return string.format("%q", v)
  elseif t == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.17g", v)
  elseif t == "boolean" or t == "nil" then return tostring(v)
  elseif t == "table" then
    if seen[v] then error("cycle detected") end
    seen[v] = true
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      local ta, tb = type(a), type(b)
      if ta ~= tb then return ta < tb end
      return a < b
    end)
    local parts = {}
    for _, k in ipairs(keys) do
      local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or ("[" .. serialize(k, seen) .. "]")
      parts[#parts + 1] = ks .. "=" .. serialize(v[k], seen)
    end
    seen[v] = nil
    return "{" .. table.concat(parts, ",") .. "}"
  end
  error("cannot serialize " .. t)
end
local data = {name = "test", list = {1, 2, 3}, nested = {deep = {deeper = {true, false}}}, ["key with space"] = 0.1, [10] = "ten", [2.5] = "float key", quote = 'a"b\n'}
local s = serialize(data)
print(s)
local back = load("return " .. s)()
print(serialize(back) == s)
local cyc = {}
cyc.self = cyc
print(pcall(serialize, cyc))
