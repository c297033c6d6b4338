-- nbody: a small gravitational system integrated with a symplectic Euler step.
-- Bodies are tables with named float fields (x, y, z, vx, vy, vz, m), so the inner
-- loop is field reads/writes plus float + - * / and math.sqrt (bit-identical everywhere).
-- Size: number of steps (default 150000).
local steps = math.tointeger(tonumber(arg and arg[1])) or 150000
local sqrt = math.sqrt

local bodies = {}
local function add(x, y, z, vx, vy, vz, m)
  bodies[#bodies + 1] = { x = x, y = y, z = z, vx = vx, vy = vy, vz = vz, m = m }
end

-- a heavy centre and five lighter bodies on roughly circular, slightly tilted orbits
local central = 30.0
add(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, central)
for k = 1, 5 do
  local r = 1.5 + k * 1.25
  local v = sqrt(central / r)
  local tilt = 0.02 * k
  if k % 2 == 0 then
    add(-r, 0.1 * k, tilt, 0.0, -v, tilt * 0.5, 0.002 * k)
  else
    add(r, -0.1 * k, -tilt, 0.0, v, -tilt * 0.5, 0.003 * k)
  end
end

-- zero the total momentum by adjusting the central body
do
  local px, py, pz = 0.0, 0.0, 0.0
  for i = 2, #bodies do
    local b = bodies[i]
    px = px + b.vx * b.m
    py = py + b.vy * b.m
    pz = pz + b.vz * b.m
  end
  local c = bodies[1]
  c.vx, c.vy, c.vz = -px / c.m, -py / c.m, -pz / c.m
end

local function energy()
  local e = 0.0
  local nb = #bodies
  for i = 1, nb do
    local a = bodies[i]
    e = e + 0.5 * a.m * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz)
    for j = i + 1, nb do
      local b = bodies[j]
      local dx, dy, dz = a.x - b.x, a.y - b.y, a.z - b.z
      e = e - a.m * b.m / sqrt(dx * dx + dy * dy + dz * dz)
    end
  end
  return e
end

local function step(dt)
  local nb = #bodies
  for i = 1, nb do
    local a = bodies[i]
    local ax, ay, az, am = a.x, a.y, a.z, a.m
    for j = i + 1, nb do
      local b = bodies[j]
      local dx, dy, dz = ax - b.x, ay - b.y, az - b.z
      local d2 = dx * dx + dy * dy + dz * dz
      local mag = dt / (d2 * sqrt(d2))
      local bm = b.m * mag
      a.vx = a.vx - dx * bm
      a.vy = a.vy - dy * bm
      a.vz = a.vz - dz * bm
      local amag = am * mag
      b.vx = b.vx + dx * amag
      b.vy = b.vy + dy * amag
      b.vz = b.vz + dz * amag
    end
  end
  for i = 1, nb do
    local a = bodies[i]
    a.x = a.x + dt * a.vx
    a.y = a.y + dt * a.vy
    a.z = a.z + dt * a.vz
  end
end

local before = energy()
for _ = 1, steps do
  step(0.001)
end
local after = energy()
print(string.format("nbody steps=%d e0=%.9f e1=%.9f x1=%.6f", steps, before, after, bodies[2].x))
