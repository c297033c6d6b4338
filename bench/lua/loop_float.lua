-- loop_float: numeric loops doing float arithmetic (+ - * / and math.sqrt only,
-- which are correctly rounded on every engine, so results are bit-identical).
-- Size: iterations (default 10e6).
local n = math.tointeger(tonumber(arg and arg[1])) or 10000000

local harmonic, leibniz, damp = 0.0, 0.0, 1.0
local sign = 1.0
for i = 1, n do
  local d = i + 0.5
  harmonic = harmonic + 1.0 / d
  leibniz = leibniz + sign * 4.0 / (2 * i - 1)
  sign = -sign
  damp = damp * 0.9999995 + 0.5 / (d * d)
end

-- Newton iterations for square roots, counted when they land exactly on math.sqrt
local exact = 0
for k = 1, n // 20 do
  local a = k * 0.75 + 1.0
  local g = a
  for _ = 1, 6 do
    g = 0.5 * (g + a / g)
  end
  if g == math.sqrt(a) then
    exact = exact + 1
  end
end

-- a loop with a float control variable and float step
local ramp = 0.0
for v = 0.0, n / 16, 0.5 do
  ramp = ramp + v * 0.001
end

print(string.format("loop_float n=%d h=%.8f pi=%.8f damp=%.8f exact=%d ramp=%.3f",
  n, harmonic, leibniz, damp, exact, ramp))
