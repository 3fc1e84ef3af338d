// Package circuit is the intermediate representation every qml backend runs:
// gates with their matrices, adjoints and generators, symbolic parameters
// (trainable weights θ[i] and data inputs x[j] in affine combinations),
// observables as weighted Pauli sums, a chaining builder, validation, and the
// OpenQASM 2.0 reader and writer.
//
// Qubit order: qubit 0 is the least-significant bit of a basis index, the
// OpenQASM/Qiskit convention. A gate's matrix uses the same rule locally: the
// first qubit an operation lists is the least-significant bit of the matrix
// index, so CX(control=0, target=1) maps index 1 (|t=0,c=1⟩) to index 3.
// Controls always come first in an operation's qubit list.
//
// A circuit is built once and run many times: weights and inputs are bound at
// run time through a Binding, without rebuilding anything.
package circuit
