-- checks: io.open modes, file:read formats, file:write results, seek, setvbuf, flush, close, tostring, io.type
local name = os.tmpname()

local function q(...)
  local r = table.pack(...)
  local out = {}
  for i = 1, r.n do
    local v = r[i]
    if type(v) == "string" then out[i] = string.format("%q", v)
    elseif io.type(v) then out[i] = "<" .. io.type(v) .. ">"
    else out[i] = tostring(v) end
  end
  return table.concat(out, ", ")
end

-- write, then read back with every format
local f = assert(io.open(name, "w"))
print("write returns file", f:write("line one\n", 2, " ", 3.5, " ", 1e100, " ", -0.0, " ", 2^63, "\n") == f)
print("write integer floats", q(f:write(1.0, "|", math.maxinteger, "|", math.mininteger, "\n")))
f:write("no newline at end")
print("close", f:close())
print("closed type", io.type(f), tostring(f))

f = assert(io.open(name, "r"))
print("l", q(f:read("l")))
print("L", q(f:read("L")))
print("count", q(f:read(3)))
print("zero", q(f:read(0)))
print("several", q(f:read(1, "l", "l")))
print("at eof: l", q(f:read("l")))
print("at eof: L", q(f:read("L")))
print("at eof: a", q(f:read("a")))
print("at eof: zero", q(f:read(0)))
print("at eof: count", q(f:read(5)))
print("at eof: n", q(f:read("n")))
print("at eof: stops at first failure", q(f:read("a", "l", "a")))
print("seek set", f:seek("set"))
print("star formats", q(f:read("*l", "*L", "*a")))
print("seek cur", f:seek("cur"))
print("seek end", f:seek("end"))
print("seek end -5", f:seek("end", -5), q(f:read("a")))
print("seek set 5", f:seek("set", 5), q(f:read(3)))
print("seek cur -2", f:seek("cur", -2), q(f:read(2)))
print("seek default", f:seek())
print("seek negative", f:seek("set", -1))
print("seek beyond end", f:seek("set", 1000), q(f:read(1)), q(f:read(0)), q(f:read("a")))
print("bad whence", pcall(f.seek, f, "middle"))
print("bad offset", pcall(f.seek, f, "set", 1.5))
print("write on read-only", q(f:write("x")))
print("write on read-only, then bad arg", pcall(f.write, f, "x", {}))
print("setvbuf", f:setvbuf("no"), f:setvbuf("full", 100), f:setvbuf("line"))
print("bad setvbuf", pcall(f.setvbuf, f, "some"))
print("flush", f:flush())
print("invalid format", pcall(f.read, f, "x"))
print("invalid format after *", pcall(f.read, f, "*x"))
print("numeric string format", pcall(f.read, f, "1"))
print("table format", pcall(f.read, f, {}))
print("float count", pcall(f.read, f, 1.5))
print("close", f:close())

-- a closed file
print("tostring closed", tostring(f), io.type(f))
for _, m in ipairs({"read", "write", "lines", "seek", "flush", "setvbuf", "close"}) do
  print("closed " .. m, pcall(f[m], f))
end
print("io.close closed", pcall(io.close, f))
print("io.type", io.type(io.stdout), io.type(42), io.type({}), io.type(nil), pcall(io.type))
print("not a file", pcall(io.stdout.read, {}))
print("no self", pcall(io.stdout.write))
print("tostring open", tostring(io.stdout):match("^file %(0x%x+%)$") ~= nil)
print("__name", getmetatable(io.stdout).__name, getmetatable(io.stdout).__index == getmetatable(io.stdin).__index)

-- modes
local function content()
  local g = assert(io.open(name, "rb"))
  local s = g:read("a")
  g:close()
  return s
end
f = assert(io.open(name, "w"))
f:write("hello")
f:close()
f = assert(io.open(name, "a"))
print("append position", f:seek())
f:write(" world")
print("append after write", f:seek())
f:close()
print("after a", q(content()))
f = assert(io.open(name, "r+"))
print("r+ read", q(f:read(5)))
f:seek("set", 0)
f:write("J")
f:seek("set", 0)
print("r+ after write", q(f:read("a")))
f:seek("set", 6)
f:write("W")
print("r+ position", f:seek())
f:close()
print("after r+", q(content()))
f = assert(io.open(name, "w+"))
print("w+ truncates", q(f:read("a")))
f:write("abc\ndef\n")
f:seek("set")
print("w+ reads back", q(f:read("l", "l", "l")))
f:close()
f = assert(io.open(name, "a+"))
print("a+ starts at", f:seek())
print("a+ reads", q(f:read("l")))
f:write("ghi\n")
print("a+ after write", f:seek())
f:seek("set", 0)
print("a+ all", q(f:read("a")))
f:close()
for _, mode in ipairs({"rb", "wb", "ab", "r+b", "w+b", "a+b", "rbb"}) do
  local g, err = io.open(name, mode)
  print("mode " .. mode, io.type(g), err)
  if g then g:close() end
end
for _, mode in ipairs({"", "x", "rw", "rb+", "r+b+", "+", "br", "rt", "r "}) do
  print("mode " .. string.format("%q", mode), pcall(io.open, name, mode))
end

-- writing on a file opened for reading, reading one opened for writing
f = assert(io.open(name, "w"))
print("read on write-only", q(f:read("l")))
print("read a on write-only", q(f:read("a")))
print("read n on write-only", q(f:read("n")))
f:close()

-- binary bytes go through unchanged
local bytes = {}
for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
bytes = table.concat(bytes)
f = assert(io.open(name, "wb"))
f:write(bytes, bytes)
f:close()
local back = content()
print("bytes", #back, back == bytes .. bytes)
f = assert(io.open(name, "rb"))
print("lines of binary", #f:read("L"), #f:read("L"), #f:read("L"))
f:close()

-- a larger file, read in pieces across buffer boundaries
f = assert(io.open(name, "w"))
for i = 1, 20000 do f:write(i, "\n") end
f:close()
f = assert(io.open(name))
local sum, count = 0, 0
while true do
  local n = f:read("n")
  if not n then break end
  sum, count = sum + n, count + 1
end
print("numbers", count, sum)
f:seek("set", 70000)
print("chunk", q(f:read(10)))
print("size", f:seek("end"))
f:close()

-- to-be-closed variable
do
  local g <close> = assert(io.open(name))
  f = g
  print("inside", io.type(g))
end
print("after <close>", io.type(f))

-- errors from io.open
print(io.open("/nonexistent-dir/file"))
print(io.open("/nonexistent-dir/file", "w"))
print(io.open("/", "w"))
local d = assert(io.open("/"))
print("read a directory", q(d:read("l")))
d:close()
print(pcall(io.open))
print(pcall(io.open, {}))

print("remove", os.remove(name))
