-- checks: a syntax error at end of file ('end' expected)
local function f()
  if true then
    print("x")
end
