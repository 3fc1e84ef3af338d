// Package statevector is the dense state-vector simulator of qml: a register
// of n qubits held as 2^n complex amplitudes (complex128, or complex64 in
// single precision), gate kernels that touch each amplitude once per gate,
// gate fusion and cache blocking that cut the passes over memory, SIMD
// kernels, expectation values of Pauli sums, measurement sampling, and
// execution of whole circuits with mid-circuit measurement, reset and
// classically conditioned gates.
//
// Qubit order: qubit 0 is the least-significant bit of a basis index (the
// OpenQASM/Qiskit convention), so amplitude i of a 3-qubit state is the
// coefficient of |q2 q1 q0⟩ with i = 4·q2 + 2·q1 + q0, and a bitstring
// prints with qubit 0 rightmost. A gate matrix uses the same rule locally:
// the first qubit an operation lists is its least-significant matrix bit.
//
// # Kernels
//
// Kernels never build a 2^n × 2^n matrix. Each gate is compiled into one of
// five kernels, following the layout of qsim (Isakov et al.,
// arXiv:2111.02396): dense one-qubit, dense two-qubit, dense k-qubit
// (explicit unitaries up to ten qubits), diagonal (rz, p, cz, cp, crz, rzz,
// s, t, …) and permutation (x, cx, swap, ccx, cswap, …, which only move
// amplitudes). Controlled gates enumerate only the subspace where every
// control is 1: a counter over the free qubits is expanded by inserting
// zero bits at the sorted positions of the gate's qubits and OR-ing the
// control mask, so a gate with c controls costs 2^(n−c) amplitude updates,
// not 2^n tests. The kernels are written once over the interleaved real and
// imaginary parts and instantiated for both precisions.
//
// Built with GOEXPERIMENT=simd on amd64 (Go's experimental simd/archsimd
// package), the dense, diagonal and permutation kernels and the overlaps
// of the adjoint gradient have AVX-512 loops, used when the processor has
// AVX-512; other builds and processors run the portable loops, which give
// the same results to rounding.
//
// # Programs: fusion and cache blocking
//
// Run, Execute and Simulator compile a circuit on a register larger than
// one cache block (16 or more qubits in double precision) into a program. Fusion first merges runs of gates into unitaries on up to
// MaxFusion qubits, where a cost model of the kernels says the product is
// cheaper than its parts (or greedily up to a given size, Options.Fusion).
// The gates are then grouped into stages: runs of gates that act inside
// one set of about 15 qubits, applied to one cache-sized block of the state
// after another, so that a whole stage costs one pass over memory instead
// of one per gate. A circuit of hundreds of gates on 24 qubits runs in a
// dozen passes; the rest is arithmetic in cache.
//
// Above a size threshold the work is split over a persistent pool of
// goroutines (see SetThreads): the blocks of a stage, or the pieces of one
// gate, are disjoint, so workers never share an amplitude, and no
// goroutine is started per gate.
//
// # Measurement
//
// Execute runs circuits with measurements. When every measurement is
// terminal (circuit.Circuit.Split) the unitary part runs once and all shots
// are sampled from the final state in one pass (sorted uniforms against the
// cumulative distribution); otherwise each shot is a quantum trajectory in
// which a measurement collapses the state to a random outcome with the Born
// probability and renormalises it. Shots with the same outcome history share
// one simulation: at each measurement the shots of a branch split
// binomially between the outcomes, so the cost grows with the number of
// distinct histories rather than with the number of shots.
//
// Simulator is the Backend that variational training (package vqc) runs
// on: safe for concurrent use, reusing state memory across calls.
package statevector
