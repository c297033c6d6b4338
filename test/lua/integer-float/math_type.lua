-- checks: math.type of results of literals and operations
local exprs = {
  {"1", 1}, {"1.0", 1.0}, {"1e2", 1e2}, {"0x10", 0x10}, {"0x1p4", 0x1p4}, {"3 // 2", 3 // 2}, {"3.0 // 2", 3.0 // 2},
  {"3 / 1", 3 / 1}, {"2^2", 2 ^ 2}, {"7 % 3", 7 % 3}, {"7 % 3.0", 7 % 3.0}, {"-0", -0}, {"-0.0", -0.0},
  {"1 << 2", 1 << 2}, {"#'abc'", #"abc"}, {"math.floor(2.5)", math.floor(2.5)}, {"2^53 // 1", 2 ^ 53 // 1},
}
for _, e in ipairs(exprs) do print(e[1], e[2], math.type(e[2])) end
