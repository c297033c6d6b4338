-- checks: retry loop with goto and a counter
local attempts = 0
local function flaky() attempts = attempts + 1; if attempts < 3 then error("try again", 0) end return "ok after " .. attempts end
local result
::retry::
local ok, v = pcall(flaky)
if not ok then goto retry end
result = v
print(result)
