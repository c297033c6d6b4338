-- checks: require of a module with a syntax error reports it; io.lines in a for loop closes its file
local name = "/tmp/endymion_badmod_test.lua"
-- written elsewhere and renamed into place: runs of this file in parallel never see it half
-- written
local tmp = os.tmpname()
local f = assert(io.open(tmp, "w")) f:write("return {") f:close()
assert(os.rename(tmp, name))
package.path = "/tmp/?.lua"
local ok, err = pcall(require, "endymion_badmod_test")
print(ok, (err:gsub("\n.*", "")))
local lines = 0
for l in io.lines(name) do lines = lines + 1 end
print("lines", lines)
error(err)
