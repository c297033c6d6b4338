-- checks: integer algorithms gcd/lcm/modular exponentiation
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return math.abs(a) end
local function lcm(a, b) return a // gcd(a, b) * b end
local function powmod(b, e, m) local r = 1; b = b % m; while e > 0 do if e & 1 == 1 then r = r * b % m end; b = b * b % m; e = e >> 1 end return r end
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(-12, 8), lcm(4, 6), lcm(21, 6))
print(powmod(2, 10, 1000), powmod(3, 200, 1000007), powmod(7, 0, 13))
