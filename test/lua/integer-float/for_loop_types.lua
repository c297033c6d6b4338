-- checks: for-loop control variable type follows start/step types
for i = 1, 2 do io.write(math.type(i), " ") end
for i = 1.0, 2 do io.write(math.type(i), " ") end
for i = 1, 2, 1.0 do io.write(math.type(i), " ") end
for i = 1, 2.5 do io.write(math.type(i), " ") end
print()
