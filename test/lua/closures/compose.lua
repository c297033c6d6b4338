-- checks: higher-order functions compose/curry/map/filter/reduce
local function compose(...)
  local fs = {...}
  return function(...)
    local r = table.pack(...)
    for i = #fs, 1, -1 do r = table.pack(fs[i](table.unpack(r, 1, r.n))) end
    return table.unpack(r, 1, r.n)
  end
end
local function curry(f) return function(a) return function(b) return f(a, b) end end end
local function map(f, t) local r = {} for i, v in ipairs(t) do r[i] = f(v) end return r end
local function filter(p, t) local r = {} for _, v in ipairs(t) do if p(v) then r[#r + 1] = v end end return r end
local function reduce(f, acc, t) for _, v in ipairs(t) do acc = f(acc, v) end return acc end
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(1, 2))
print(curry(math.max)(3)(7))
local nums = {1, 2, 3, 4, 5, 6}
print(table.concat(map(dbl, filter(function(x) return x % 2 == 0 end, nums)), ","), reduce(function(a, b) return a + b end, 0, nums))
