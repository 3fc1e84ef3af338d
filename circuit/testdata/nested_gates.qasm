// Nested parameterised gates, defined before any register.
OPENQASM 2.0;
include "qelib1.inc";

// a controlled-RZ written out by hand: rz(θ/2) on the target, then a CX
// sandwich of rz(-θ/2)
gate mycrz(theta) c, t
{
  rz(theta/2) t;
  cx c, t;
  rz(-theta/2) t;
  cx c, t;
}

// two layers of mycrz with derived angles
gate pair(alpha, beta) a, b, c
{
  mycrz(alpha) a, b;
  mycrz(2*beta - alpha) b, c;
  h a;
}

// a gate with no parameters that uses pair with constants
gate block a, b, c { pair(pi/2, pi/4) a, b, c; barrier a, c; }

qreg q[3];
creg c[3];
pair(0.3, 0.5) q[0], q[1], q[2];
block q[2], q[1], q[0];
measure q -> c;
