// Package statevector is the dense state-vector simulator of qml: a register
// of n qubits held as 2^n complex128 amplitudes, gate kernels that touch each
// amplitude once per gate, expectation values of Pauli sums, measurement
// sampling, and execution of whole circuits with mid-circuit measurement,
// reset and classically conditioned gates.
//
// Qubit order: qubit 0 is the least-significant bit of a basis index (the
// OpenQASM/Qiskit convention), so amplitude i of a 3-qubit state is the
// coefficient of |q2 q1 q0⟩ with i = 4·q2 + 2·q1 + q0, and a bitstring
// prints with qubit 0 rightmost. A gate matrix uses the same rule locally:
// the first qubit an operation lists is its least-significant matrix bit.
//
// Kernels never build a 2^n × 2^n matrix. Each gate is compiled once per
// application into one of five kernels, following the layout of qsim
// (Isakov et al., arXiv:2111.02396): dense one-qubit, dense two-qubit,
// dense k-qubit (explicit unitaries up to ten qubits), diagonal (rz, p, cz,
// cp, crz, rzz, s, t, …) and permutation (x, cx, swap, ccx, cswap, …, which
// only move amplitudes). Controlled gates enumerate only the subspace where
// every control is 1: a counter over the free qubits is expanded by inserting
// zero bits at the sorted positions of the gate's qubits and OR-ing the
// control mask, so a gate with c controls costs 2^(n−c) amplitude updates,
// not 2^n tests.
//
// Above a size threshold the kernels split the index range evenly over
// goroutines (see SetThreads); the pieces are disjoint, so concurrent
// kernels never share an amplitude.
//
// Execute runs circuits with measurements. When every measurement is
// terminal (circuit.Circuit.Split) the unitary part runs once and all shots
// are sampled from the final state in one pass; otherwise each shot is a
// quantum trajectory in which a measurement collapses the state to a random
// outcome with the Born probability and renormalises it. Shots with the same
// outcome history share one simulation: at each measurement the shots of a
// branch split binomially between the outcomes, so the cost grows with the
// number of distinct histories rather than with the number of shots.
//
// Simulator is the Backend that variational training (package vqc) runs
// on: safe for concurrent use, reusing state memory across calls.
package statevector
