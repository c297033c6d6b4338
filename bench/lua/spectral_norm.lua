-- spectral_norm: power iteration for the spectral norm of the infinite matrix
-- A(i,j) = 1 / ((i+j)(i+j+1)/2 + i + 1). Nested loops over arrays, integer index
-- math feeding float multiply-adds.
-- Size: matrix order n (default 550).
local n = math.tointeger(tonumber(arg and arg[1])) or 550

local function entry(i, j) -- 0-based indices
  local s = i + j
  return 1.0 / (s * (s + 1) // 2 + i + 1)
end

-- out = A * v   (transposed when t is true)
local function mul(v, out, t)
  for i = 0, n - 1 do
    local acc = 0.0
    if t then
      for j = 0, n - 1 do
        acc = acc + entry(j, i) * v[j + 1]
      end
    else
      for j = 0, n - 1 do
        acc = acc + entry(i, j) * v[j + 1]
      end
    end
    out[i + 1] = acc
  end
end

local u, v, tmp = {}, {}, {}
for i = 1, n do
  u[i] = 1.0
  v[i] = 0.0
  tmp[i] = 0.0
end

for _ = 1, 10 do
  -- v = At A u ; u = At A v
  mul(u, tmp, false)
  mul(tmp, v, true)
  mul(v, tmp, false)
  mul(tmp, u, true)
end

local vbv, vv = 0.0, 0.0
for i = 1, n do
  vbv = vbv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print(string.format("spectral_norm n=%d norm=%.9f", n, math.sqrt(vbv / vv)))
