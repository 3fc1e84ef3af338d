OPENQASM 2.0;
include "qelib1.inc";
// a user gate, inlined where it is applied
gate entangle(a) x, y { h x; cx x, y; rz(a) y; }
qreg q[3];
creg c[2];
creg flag[1];
entangle(pi/4) q[0], q[1];
rzz(0.25) q[0], q[2];
swap q[1], q[2];
ry(2*x[0] + θ[1]) q[1];
cswap q[0], q[1], q[2];
barrier q;
measure q[0] -> c[0];
measure q[1] -> c[1];
if (c == 3) x q[2];
reset q[0];
u3(pi, -pi/2, 1.2345678) q[0];
measure q[2] -> flag[0];
