-- checks: a recursive-descent JSON parser with error reporting, round-tripped through a compact encoder
local decode
do
  local s, pos
  local function err(msg) error(string.format("JSON error at %d: %s", pos, msg), 0) end
  local function skip() pos = s:find("[^ \t\r\n]", pos) or #s + 1 end
  local value
  local function str()
    pos = pos + 1
    local out = {}
    while true do
      local c = s:sub(pos, pos)
      if c == "" then err("unterminated string") end
      if c == '"' then pos = pos + 1; break end
      if c == "\\" then
        local e = s:sub(pos + 1, pos + 1)
        local map = {b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/"}
        if map[e] then out[#out + 1] = map[e]; pos = pos + 2
        elseif e == "u" then
          local hex = s:sub(pos + 2, pos + 5)
          if not hex:match("^%x%x%x%x$") then err("bad unicode escape") end
          out[#out + 1] = utf8.char(tonumber(hex, 16)); pos = pos + 6
        else err("bad escape") end
      else out[#out + 1] = c; pos = pos + 1 end
    end
    return table.concat(out)
  end
  local function num()
    local lit = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
    if not lit or lit == "" or lit == "-" then err("bad number") end
    pos = pos + #lit
    return math.tointeger(tonumber(lit)) or tonumber(lit)
  end
  function value()
    skip()
    local c = s:sub(pos, pos)
    if c == "{" then
      pos = pos + 1
      local obj = {}
      skip()
      if s:sub(pos, pos) == "}" then pos = pos + 1; return obj end
      while true do
        skip()
        if s:sub(pos, pos) ~= '"' then err("expected key") end
        local k = str()
        skip()
        if s:sub(pos, pos) ~= ":" then err("expected ':'") end
        pos = pos + 1
        obj[k] = value()
        skip()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == "}" then return obj end
        if d ~= "," then err("expected ',' or '}'") end
      end
    elseif c == "[" then
      pos = pos + 1
      local arr = {}
      skip()
      if s:sub(pos, pos) == "]" then pos = pos + 1; return arr end
      while true do
        arr[#arr + 1] = value()
        skip()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == "]" then return arr end
        if d ~= "," then err("expected ',' or ']'") end
      end
    elseif c == '"' then return str()
    elseif s:sub(pos, pos + 3) == "true" then pos = pos + 4; return true
    elseif s:sub(pos, pos + 4) == "false" then pos = pos + 5; return false
    elseif s:sub(pos, pos + 3) == "null" then pos = pos + 4; return nil
    else return num() end
  end
  function decode(text)
    s, pos = text, 1
    local v = value()
    skip()
    if pos <= #s then err("trailing garbage") end
    return v
  end
end
local function show(v)
  if type(v) == "table" then
    if #v > 0 then local p = {} for i, x in ipairs(v) do p[i] = show(x) end return "[" .. table.concat(p, ",") .. "]" end
    local ks = {}
    for k in pairs(v) do ks[#ks + 1] = k end
    table.sort(ks)
    local p = {}
    for i, k in ipairs(ks) do p[i] = string.format("%q", k) .. ":" .. show(v[k]) end
    return "{" .. table.concat(p, ",") .. "}"
  elseif type(v) == "string" then return string.format("%q", v)
  else return tostring(v) end
end
local inputs = {
  '{"a": 1, "b": [true, false, null, 2.5, -3e2], "c": {"d": "e\\n\\u00e9"}}',
  '[1, [2, [3, [4, []]]], {}]',
  '  "just a string"  ',
  '-0.125',
  '{"unterminated": "abc',
  '[1, 2,, 3]',
  '{"k" 1}',
  '[1] extra',
}
for _, inp in ipairs(inputs) do
  local ok, v = pcall(decode, inp)
  print(ok and show(v) or ("error: " .. v))
end
