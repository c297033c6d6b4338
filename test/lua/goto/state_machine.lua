-- checks: a state machine written with goto
local input = "aabbbcab"
local pos = 1
local counts = {a = 0, b = 0, other = 0}
::next::
if pos > #input then goto finish end
do
  local c = input:sub(pos, pos)
  pos = pos + 1
  if c == "a" then goto state_a elseif c == "b" then goto state_b else goto state_other end
end
::state_a::
counts.a = counts.a + 1
goto next
::state_b::
counts.b = counts.b + 1
goto next
::state_other::
counts.other = counts.other + 1
goto next
::finish::
print(counts.a, counts.b, counts.other)
