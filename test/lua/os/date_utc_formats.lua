-- checks: os.date with "!" (UTC) and many strftime conversions at fixed times
local times = {0, 86399, 951782400, 1234567890, 1700000000, 4102444800}
for _, t in ipairs(times) do
  print(t, os.date("!%Y-%m-%d %H:%M:%S", t), os.date("!%a %A %b %B %j %y %p %I %w %%", t))
end
print(os.date("!%c", 0))
print(os.date("!%x %X", 1234567890))
print(os.date("!%D %T %F %R %e %u %V %G %C %h %n%t|", 1234567890))
