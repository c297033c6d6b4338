-- checks: __concat with tables on either side and in chains
local mt = {__concat = function(a, b)
  local av = type(a) == "table" and a.s or tostring(a)
  local bv = type(b) == "table" and b.s or tostring(b)
  return setmetatable({s = av .. bv}, getmetatable(type(a) == "table" and a or b))
end}
local x = setmetatable({s = "X"}, mt)
print((x .. "y").s, ("w" .. x).s, (x .. x).s, (1 .. x).s, ("a" .. "b" .. x .. "c").s)
print(pcall(function() return {} .. "a" end))
