-- checks: require and the package library of the plain interpreter: searchers in order,
-- package.path templates, searchpath's "no file" lists, preload, loaded, loader arguments,
-- module errors, the C searchers' "no file" lists, and dofile yielding in a coroutine
local base = os.tmpname()
os.remove(base)
local dir = base:match("^(.*)/") .. "/"
local stem = base:match("([^/]*)$")
local function write(name, text)
  local f = assert(io.open(dir .. name, "w"))
  f:write(text)
  f:close()
end
local created = {}
local function module(name, text)
  write(name, text)
  created[#created + 1] = dir .. name
end
local function clean(s) return (s:gsub(dir:gsub("%p", "%%%0"), "DIR/"):gsub(stem, "STEM")) end

package.path = dir .. "?.lua;" .. dir .. "?/init.lua"
package.cpath = dir .. "?.so"
module(stem .. "_m.lua", "local name, file = ...; return { name = name, file = file, n = select('#', ...) }")
local m, where = require(stem .. "_m")
print(clean(m.name), clean(m.file), m.n, clean(where))
print(require(stem .. "_m") == m, select("#", require(stem .. "_m")))
print(package.loaded[stem .. "_m"] == m)

module(stem .. "_nil.lua", "x_loaded = (x_loaded or 0) + 1")
print(require(stem .. "_nil"), x_loaded, require(stem .. "_nil"), x_loaded)

package.preload.pre = function(...) print("preload loader", ...) return "P" end
print(require("pre"))

local ok, err = pcall(require, stem .. "_none")
print(ok, clean(err))

module(stem .. "_bad.lua", "return +")
ok, err = pcall(require, stem .. "_bad")
print(ok, clean(err))

module(stem .. "_err.lua", "error('inside module')")
ok, err = pcall(require, stem .. "_err")
print(ok, clean(err))


print(clean(package.searchpath(stem .. "_m", package.path)))
print(package.searchpath("a.b.c", "?;x/?.y;", ".", "/"))
print(package.searchpath("a.b", "?", "", "/"))
print(package.searchpath("a_b", "?", "_", "+"))
print(#package.searchers, type(package.searchers[1]), package.config == "/\n;\n?\n!\n-\n")
print(package.loaded._G == _G, package.loaded.string == string, package.loaded.package == package)

-- a searcher of our own, first in line
table.insert(package.searchers, 1, function(name)
  if name == "virtual" then return function(n, extra) return "virtual:" .. n .. ":" .. extra end, "EXTRA" end
  return "\n\tnot virtual"
end)
print(require("virtual"))
ok, err = pcall(require, "nowhere")
print(ok, clean(err))
table.remove(package.searchers, 1)

package.path = 42
print(pcall(require, "nothing.here"))
package.searchers = nil
print(pcall(require, "nothing.here"))

-- dofile runs in the calling coroutine, which may yield inside the file
module(stem .. "_co.lua", "local x, z = coroutine.yield(10)\nlocal y = coroutine.yield(20)\nreturn x + y * z\n")
local co = coroutine.wrap(dofile)
print(co(dir .. stem .. "_co.lua"), co(100, 101), co(200))
for _, f in ipairs(created) do os.remove(f) end
