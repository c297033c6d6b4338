-- checks: require of a module with a syntax error reports it; io.lines in a for loop closes its file
local name = os.tmpname and "/tmp/endymion_badmod_test.lua" or "/tmp/endymion_badmod_test.lua"
local f = assert(io.open(name, "w")) f:write("return {") f:close()
package.path = "/tmp/?.lua"
local ok, err = pcall(require, "endymion_badmod_test")
print(ok, (err:gsub("\n.*", "")))
local lines = 0
for l in io.lines(name) do lines = lines + 1 end
print("lines", lines)
error(err)
