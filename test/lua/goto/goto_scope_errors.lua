-- checks: compile errors for goto into the scope of a local and invisible labels
print(load("goto l; local x = 1; ::l:: print(x)"))
print(load("do ::l:: end goto l"))
print(load("goto l; do ::l:: end"))
print(load("local x; goto l; ::l::") ~= nil)
print(load("goto l; local x; ::l:: ; ;") ~= nil)
print(load("::dup:: do ::dup:: end") ~= nil)
print(load("::dup:: ::dup::"))
