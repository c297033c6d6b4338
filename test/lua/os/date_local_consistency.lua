-- checks: os.date("*t", t) and os.time agree (local time round trip) for several timestamps
for _, t in ipairs({0, 86400 * 365, 1000000000, 1234567890, 1600000000}) do
  local d = os.date("*t", t)
  print(t, os.time(d) == t, d.isdst == false or d.isdst == true)
end
