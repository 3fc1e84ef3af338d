// A variational classifier layer: data inputs x, trainable weights theta.
OPENQASM 3;
include "stdgates.inc";
const int n = 4;
input array[float[64], 4] x;
input array[float[64], 8] theta;
input float[64] bias;
qubit[n] q;
bit[n] c;
for uint i in [0:n-1] {
  ry(x[i] * pi) q[i];
}
for int layer in [0:1] {
  for uint i in [0:n-1] {
    rz(theta[layer*n + i]) q[i];
  }
  for uint i in [0:n-2] {
    cx q[i], q[i+1];
  }
}
rx(2*bias - pi/2) q[0];
c = measure q;
