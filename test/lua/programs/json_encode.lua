-- checks: a JSON encoder (sorted object keys, string escapes, arrays vs objects, numbers)
local encode
local escapes = {['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t'}
local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return escapes[c] or string.format("\\u%04x", c:byte()) end) .. '"'
end
local function is_array(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  for i = 1, n do if t[i] == nil then return false end end
  return true, n
end
function encode(v, indent, cur)
  cur = cur or ""
  local ty = type(v)
  if ty == "nil" then return "null"
  elseif ty == "boolean" then return tostring(v)
  elseif ty == "number" then
    if v ~= v or v == math.huge or v == -math.huge then error("cannot encode " .. tostring(v)) end
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.14g", v)
  elseif ty == "string" then return encode_string(v)
  elseif ty == "table" then
    local arr, n = is_array(v)
    local nl = indent and "\n" or ""
    local inner = indent and (cur .. indent) or ""
    local parts = {}
    if arr then
      if n == 0 then return "[]" end
      for i = 1, n do parts[i] = inner .. encode(v[i], indent, inner) end
      return "[" .. nl .. table.concat(parts, "," .. nl) .. nl .. cur .. "]"
    end
    local keys = {}
    for k in pairs(v) do
      if type(k) ~= "string" then error("object keys must be strings") end
      keys[#keys + 1] = k
    end
    table.sort(keys)
    for i, k in ipairs(keys) do parts[i] = inner .. encode_string(k) .. (indent and ": " or ":") .. encode(v[k], indent, inner) end
    return "{" .. nl .. table.concat(parts, "," .. nl) .. nl .. cur .. "}"
  end
  error("cannot encode type " .. ty)
end
local doc = {
  name = "Endymion", version = 5.4, tags = {"lua", "vm", "ts"}, nested = {a = {b = {c = true}}, empty = {}},
  text = 'quote " backslash \\ newline \n tab \t bell \a', count = 42, ratio = 0.125, neg = -7, big = 2^60, flag = false,
}
print(encode(doc))
print(encode(doc, "  "))
print(encode({1, 2, {3, {4}}}), encode(""), encode({}), encode(3.0), encode(-0.5))
print(pcall(encode, {[1] = 1, [3] = 3}))
print(pcall(encode, {1 / 0}))
print(pcall(encode, print))
