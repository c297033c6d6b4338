-- small arithmetic functions (the compiled tier calls these without a frame): every kind
-- of argument, including those that need the full semantics (metamethods, errors, strings)
local function add(a, b) return a + b end
local function lt(a, b) return a < b end
local function le(a, b) return a <= b end
local function eq(a, b) return a == b end
local function mix(a, b, c) local t = a * b - c; return t // 2 + t % 3 + -a end
local function choose(a, b) if a > b then return a - b elseif a == b then return 0 else return b / a end end
local function logic(a, b) return (a and b) or not a end
local function bits(a, b) return (a & b) | (a ~ b) end
local function pow(a) return a ^ 2 + 2 ^ a end
local function konst() return 1.0 end
local function isnil(a) return a == nil end

local vec = setmetatable({}, {
  __add = function() return "vec+" end,
  __lt = function() return true end,
  __le = function() return false end,
  __eq = function() return true end,
})
local other = setmetatable({}, getmetatable(vec))

local samples = {
  { 1, 2 }, { 2, 1 }, { 1.5, 2 }, { 3, 3.0 }, { -0.0, 0 }, { 0 / 0, 1 },
  { math.maxinteger, 1 }, { math.mininteger, -1 }, { 2 ^ 53, 1 }, { 9007199254740991, 2 },
  { "10", 5 }, { "a", "b" }, { "b", "a" }, { true, false }, { nil, 1 }, { vec, other }, { vec, 1 },
}

local function show(f, a, b, c)
  local ok, r = pcall(f, a, b, c)
  if ok then return type(r) == "number" and math.type(r) .. ":" .. tostring(r) or type(r) == "table" and "table" or tostring(r) end
  return "error: " .. tostring(r):gsub("^[^:]*:%d+: ", "")
end

-- many rounds so that the functions get compiled, then every sample
for round = 1, 3 do
  local acc = 0
  for i = 1, 3000 do
    acc = acc + add(i, 1) + mix(i, 2, 3) + choose(i, 7)
    if lt(i, 50) then acc = acc + 1 end
    if le(i, 50) and eq(i % 5, 0) then acc = acc + 2 end
    acc = acc + bits(i, 12) + pow(3) + konst()
    if logic(i > 3, i < 10) and isnil(nil) then acc = acc + 1 end
  end
  print(round, acc)
  for _, s in ipairs(samples) do
    local a, b = s[1], s[2]
    print(show(add, a, b), show(lt, a, b), show(le, a, b), show(eq, a, b), show(mix, a, b, 1),
      show(choose, a, b), show(logic, a, b), show(bits, a, b), show(pow, a), show(isnil, a))
  end
end

-- as a table.sort comparator, with an inconsistent comparator made valid by numbers only
local t = {}
for i = 1, 200 do t[i] = (i * 7919) % 211 + (i % 3) * 0.5 end
table.sort(t, lt)
print(t[1], t[100], t[200])
local s = { "pear", "apple", "fig", 3, 1, 2 }
print(pcall(table.sort, s, lt))
local u = { 5, 3, "x" }
print(pcall(table.sort, u, function(a, b) return a > b end))
