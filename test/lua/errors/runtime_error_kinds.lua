-- checks: a catalog of runtime errors, each message printed without position
local cases = {
  function() return nil + 1 end,
  function() return {} .. "" end,
  function() return #nil end,
  function() return nil < 1 end,
  function() local a = "x"; return a.b.c end,
  function() return ("x")() end,
  function() return 1 & 1.5 end,
  function() return math.huge | 0 end,
  function() return 1 // 0 end,
  function() return setmetatable({}, {__index = function() error("idx") end}).k end,
  function() return string.rep("x", -1) .. nil end,
}
for i, f in ipairs(cases) do
  local ok, e = pcall(f)
  print(i, ok, (tostring(e):gsub("^[^:]*:%d+: ", "")))
end
