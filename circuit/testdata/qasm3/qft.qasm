// The quantum Fourier transform on 5 qubits, with loops and a custom gate.
OPENQASM 3.0;
include "stdgates.inc";
const uint n = 5;
gate crot(k) c, t { ctrl @ p(2*pi / 2**k) c, t; }
qubit[n] q;
bit[n] c;
x q[0];
for uint j in [0:n-1] {
  h q[j];
  for uint k in [j+1:n-1] {
    cp(pi / 2^(k-j)) q[k], q[j];
  }
}
for uint j in [0:(n-1)/2-1] {
  swap q[j], q[n-1-j];
}
inv @ crot(2) q[0], q[1];
barrier q;
c = measure q;
