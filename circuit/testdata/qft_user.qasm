// A 3-qubit QFT as a user gate built from cp and swap, applied to a register
// prepared with a broadcast x, then measured with broadcast measure.
OPENQASM 2.0;
include "qelib1.inc";
gate qft3 a, b, c
{
  h c;
  cp(pi/2) b, c;
  cp(pi/4) a, c;
  h b;
  cp(pi/2) a, b;
  h a;
  swap a, c;
}
qreg q[3];
creg c[3];
x q;
qft3 q[0], q[1], q[2];
measure q -> c;
