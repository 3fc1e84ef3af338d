package circuit_test

import (
	"fmt"
	"os"

	"github.com/qmlgo/qml/circuit"
)

// An OpenQASM 3 variational layer: the inputs become the symbols θ[i] (and
// x[j] for an input named x), bound at run time, and the loop unrolls.
func ExampleParseQASM3() {
	src := `OPENQASM 3.0;
include "stdgates.inc";
input array[float[64], 2] theta;
qubit[2] q;
for uint i in [0:1] {
  ry(theta[i]) q[i];
}
ctrl @ x q[0], q[1];
inv @ s q[1];
`
	c, err := circuit.ParseQASM(src, "layer.qasm") // dispatches on the header
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, op := range c.Ops {
		fmt.Println(op.Name(), op.Qubits, op.Params)
	}
	fmt.Println(c.NumWeights(), "weights")
	// Output:
	// ry [0] [θ[0]]
	// ry [1] [θ[1]]
	// cx [0 1] []
	// sdg [1] []
	// 2 weights
}

// WriteQASM3 keeps symbolic angles as inputs, which ParseQASM3 reads back.
func ExampleWriteQASM3() {
	c := circuit.New(2)
	c.AddCReg("c", 1)
	c.RY(0, circuit.Input(0).Scale(2)).CRX(0, 1, circuit.Weight(0)).Measure(1, 0)
	if err := circuit.WriteQASM3(os.Stdout, c); err != nil {
		fmt.Println(err)
	}
	// Output:
	// OPENQASM 3.0;
	// include "stdgates.inc";
	// input array[float[64], 1] theta;
	// input array[float[64], 1] x;
	// qubit[2] q;
	// bit[1] c;
	// ry(2*x[0]) q[0];
	// crx(theta[0]) q[0], q[1];
	// c[0] = measure q[1];
}
