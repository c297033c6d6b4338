-- checks: %f frontier patterns
local s = "THE (quick) fox, the END"
for w in s:gmatch("%f[%a]%a+%f[%A]") do io.write(w, ";") end
print()
print(s:gsub("%f[%w]%w+", function(w) return w:lower() end))
print(("hello world"):find("%f[%l]"), ("AAAbbb"):find("%f[%l]"), ("abc"):find("%f[%z]"))
print(("THE END"):gsub("%f[%u]", "_"), ("x"):find("%f[^%z]"))
