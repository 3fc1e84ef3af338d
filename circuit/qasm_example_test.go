package circuit_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/qmlgo/qml/circuit"
)

// A Bell-pair program with a user gate, read and written back.
func ExampleReadQASM() {
	src := `OPENQASM 2.0;
include "qelib1.inc";
gate bell a, b { h a; cx a, b; }
qreg q[2];
creg c[2];
bell q[0], q[1];
rz(pi/4) q;          // applied to each qubit of q
measure q -> c;
`
	c, err := circuit.ReadQASM(strings.NewReader(src), "bell.qasm")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.NumQubits, "qubits,", len(c.Ops), "ops")
	if err := circuit.WriteQASM(os.Stdout, c); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 2 qubits, 6 ops
	// OPENQASM 2.0;
	// include "qelib1.inc";
	// qreg q[2];
	// creg c[2];
	// h q[0];
	// cx q[0],q[1];
	// rz(0.7853981633974483) q[0];
	// rz(0.7853981633974483) q[1];
	// measure q[0] -> c[0];
	// measure q[1] -> c[1];
}

// Errors name the file, line and column.
func ExampleParseQASM_error() {
	_, err := circuit.ParseQASM("include \"qelib1.inc\";\nqreg q[3];\ncx q[0], q[3];\n", "adder.qasm")
	fmt.Println(err)
	// Output:
	// adder.qasm:3:12: qubit index 3 out of range for register q[3]
}

func ExampleParseParam() {
	p, err := circuit.ParseParam("pi*x[0]/2 + sin(pi/6)*θ[1]")
	fmt.Println(p, err)
	fmt.Println(p.Value(circuit.Binding{Weights: []float64{0, 4}, Inputs: []float64{1}}))

	_, err = circuit.ParseParam("x[0]*x[1]")
	fmt.Println(err)
	// Output:
	// 0.49999999999999994*θ[1] + 1.5707963267948966*x[0] <nil>
	// 3.5707963267948966
	// 1:5: a product of two expressions with symbols is not affine (an angle must be a constant plus a weighted sum of the symbols θ[i] and x[j])
}

// Symbolic angles have no OpenQASM 2.0 spelling: bind them first.
func ExampleWriteQASM() {
	c := circuit.New(1).RY(0, circuit.Input(0).Scale(2))
	fmt.Println(circuit.WriteQASM(os.Stdout, c))
	// Output:
	// circuit: WriteQASM: op 0 (ry): angle 0 is symbolic (2*x[0]): OpenQASM 2.0 has no symbols, bind the weights and inputs first
}

// A variational layer with symbolic angles, which plain OpenQASM 2.0 refuses.
func ExampleParseSymbolicQASM() {
	src := `OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
ry(2*x[0] + θ[1] - pi/2) q[0];
cx q[0], q[1];
`
	if _, err := circuit.ParseQASM(src, "layer.qasm"); err != nil {
		fmt.Println("plain:", err)
	}
	c, err := circuit.ParseSymbolicQASM(src, "layer.qasm")
	if err != nil {
		panic(err)
	}
	fmt.Println(c.Ops[0].Params[0], c.NumWeights(), c.NumInputs())
	// Output:
	// plain: layer.qasm:4:6: unknown identifier "x": expected a number, pi, or a function such as sin
	// θ[1] + 2*x[0] - 1.5707963267948966 2 1
}
