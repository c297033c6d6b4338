-- checks: capturing varargs in closures via table.pack
local function bind(f, ...)
  local args = table.pack(...)
  return function(...)
    local all = {table.unpack(args, 1, args.n)}
    local n = args.n
    for i = 1, select("#", ...) do all[n + i] = (select(i, ...)) end
    return f(table.unpack(all, 1, n + select("#", ...)))
  end
end
local function show(...) return select("#", ...), ... end
print(bind(show, 1, nil)(nil, 4))
print(bind(string.format, "%s-%s")("a", "b"))
