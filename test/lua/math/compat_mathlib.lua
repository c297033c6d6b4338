-- The functions LUA_COMPAT_MATHLIB keeps in Lua 5.4 (the reference build has them), and
-- pow's cases where C and JavaScript differ.
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1 / 3), math.pow(1, 0 / 0), math.pow(-1, 1 / 0))
print(1 ^ (0 / 0), (-1) ^ (1 / 0), (-1) ^ (-1 / 0), 1 ^ (1 / 0), (0 / 0) ^ 0)
print(math.cosh(0), math.sinh(0), math.tanh(0), math.cosh(1000), math.sinh(-1000), math.tanh(50))
print(math.log10(1000), math.log10(0.001), math.log10(0), math.log10(-1))
for _, x in ipairs({1, 0.1, 3, 1e300, 2 ^ -1060, -7.25, 2 ^ 1023 * 1.9999, 1 / 3, 5e-324}) do
  local m, e = math.frexp(x)
  print(x, m, e, math.type(e), math.ldexp(m, e) == x)
end
print(math.frexp(0), math.frexp(-0.0), math.frexp(1 / 0), math.frexp(-1 / 0))
for _, e in ipairs({-1080, -1075, -1074, -1073, -1022, -1021, 0, 1023, 1024, 2000}) do
  print(e, math.ldexp(1.5, e), math.ldexp(-3, e), math.ldexp(0.75, e))
end
print(math.ldexp(1, math.maxinteger), math.ldexp(1, math.mininteger), math.ldexp(0, 1 << 40))
print(pcall(math.ldexp, 1, 2.5))
print(pcall(math.pow, "x", 1))
print(math.type(math.pow(2, 2)), math.type(math.ldexp(1, 2)))
print((0 / 0) ^ 3, (-(0 / 0)) ^ 0.5, math.pow(0 / 0, 3), math.pow(-(0 / 0), 1), 2 ^ (0 / 0), (-2) ^ 0.5)
local n, p = 0/0, -(0/0)
for _, y in ipairs({1, 2, 3, 0.5, -1, 1/0, -1/0}) do io.write(tostring(n^y), " ", tostring(p^y), " | ") end print()
for _, x in ipairs({2, 0.5, -2, 0, 1/0, -1}) do io.write(tostring(x^n), " ", tostring(x^p), " | ") end print()
print(n^n, n^p, p^n, p^p)
