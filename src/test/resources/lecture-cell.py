# The lecture's first graph as its notebook cell writes it. Its cleaned-up twin is the "lecture" preset.
from micrograd.engine import Value
a = Value(2.0, label='a')
b = Value(-3.0, label='b')
c = Value(10.0, label='c')
d = a*b; d.label = 'd'
e = d + c; e.label = 'e'
f = Value(-2.0, label='f')
L = e * f; L.label = 'L'
L.backward()
draw_dot(L)
