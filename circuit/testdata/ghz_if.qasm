OPENQASM 2.0;
include "qelib1.inc";
// GHZ state on a 4-qubit register, a parity check into an ancilla, and a
// correction conditioned on the whole syndrome register.
qreg g[4];
qreg anc[1];
creg syn[1];
creg all[4];
h g[0];
cx g[0], g[1];
cx g[1], g[2];
cx g[2], g[3];
cx g, anc[0];          // broadcast over g with one target: 4 ops
measure anc[0] -> syn[0];
if (syn == 1) x anc[0];
if (syn == 1) U(pi, 0, pi) anc[0];
measure g -> all;
