OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
rz(1.5e-3) q[0];
rz(-2.5E+1) q[0];
rz(.5) q[0];
rz(3.) q[0];
rz(2^3^2) q[0];
rz(-2^2) q[0];
rz(2^-1) q[0];
rz(sin(pi/6) + cos(0)) q[0];
rz(tan(pi/4) * exp(1) / ln(exp(2))) q[0];
rz(sqrt(16) - -3) q[0];
rz(((1 + 2) * (3 - 4)) / 5) q[0];
u3(pi/2, -pi/4, 3*pi/8) q[0];
u1 (-3*pi/8) q[0];
rx( asin(1) ) q[0];
gate g(a, b) x { u3(a^2, sqrt(b), -a/b) x; rz(a*b + 1e-3) x; }
g(3, 4) q[0];
