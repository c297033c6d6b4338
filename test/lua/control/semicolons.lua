-- checks: optional semicolons and empty statements
;;; local a = 1; local b = 2;;
print(a + b);
do ; end
local t = {1; 2; 3}
print(#t);
