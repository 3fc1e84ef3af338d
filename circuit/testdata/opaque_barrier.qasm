OPENQASM 2.0;
include "qelib1.inc";
opaque magic(theta) a, b;          // declared, never applied
opaque ryy(theta) a, b;            // a registered gate: stands for it
gate layer(theta) a, b, c
{
  ry(theta) a; ry(theta) b; ry(theta) c;
  barrier a, b, c;
  cz a, b; cz b, c;
}
qreg q[3];
creg c[3];
layer(0.5) q[0], q[1], q[2];
layer(-0.5) q[2], q[0], q[1];
ryy(0.25) q[0], q[2];
id q[1];
u0(0.5) q[2];
barrier q[0], q, q[1];             // each qubit once
measure q[0] -> c[0];
