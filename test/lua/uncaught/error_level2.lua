-- checks: uncaught error with level 2 points at the caller line
local function check(x)
  if type(x) ~= "number" then error("expected number, got " .. type(x), 2) end
end
check(1)
check("oops")
