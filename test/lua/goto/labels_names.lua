-- checks: labels with various names and goto in nested functions (separate label scopes)
local function f()
  goto done
  do return "not here" end
  ::done::
  return "f done"
end
local function g()
  local n = 0
  ::loop_1::
  n = n + 1
  if n < 3 then goto loop_1 end
  return n
end
print(f(), g())
