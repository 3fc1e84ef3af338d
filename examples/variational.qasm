// A two-layer hardware-efficient circuit with a user-defined parameterised
// layer gate. Run it with an observable:
//   qml run examples/variational.qasm --observable "Z0*Z1" --observable "0.5*X0 + 0.5*X1"
OPENQASM 2.0;
include "qelib1.inc";

// One trainable layer on two qubits: rotations, then an entangler.
gate layer(a, b, c, d) p, q {
  ry(a) p;
  ry(b) q;
  rz(c) p;
  rz(d) q;
  cx p, q;
}

qreg q[2];
layer(0.3, -0.7, pi/8, 2*pi/3) q[0], q[1];
layer(1.1e-1, 0.9, -pi/4, sqrt(2)/2) q[0], q[1];
